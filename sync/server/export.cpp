// Export makes two passes in CSV (collect the data columns, then write) so memory stays bounded
// by one record, not by the whole database.
#include "sync/server/export.hpp"

#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "sync/protocol/offer.hpp"

namespace kiosk::sync {
namespace {

using nlohmann::json;

const std::vector<std::string> kFixedColumns = {
    "record_id",         "kind",       "device_id", "centre", "schema", "consent_version",
    "created_at_device", "received_at"};

std::string csv_cell(std::string value) {
    // Untrusted text opened in a spreadsheet: never let it start a formula.
    if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' ||
                           value[0] == '@' || value[0] == '\t' || value[0] == '\r')) {
        value.insert(value.begin(), '\'');
    }
    if (value.find_first_of(",\"\r\n") == std::string::npos) {
        return value;
    }
    std::string quoted = "\"";
    for (const char c : value) {
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
    }
    return quoted + "\"";
}

std::string cell_text(const json& v) {
    return v.is_string() ? v.get<std::string>()
                         : v.dump(-1, ' ', false, json::error_handler_t::replace);
}

json row_object(const StoredRecord& r, const Device& d, const RecordContent& c) {
    return json{{"record_id", r.record_id},
                {"kind", r.kind},
                {"device_id", r.device_id},
                {"centre", d.centre},
                {"schema", r.schema},
                {"consent_version", c.consent_version},
                {"created_at_device", r.created_at_device},
                {"received_at", r.received_at},
                {"data", c.data}};
}

// What an interest's row names of its registration.
struct RegistrationLink {
    std::string record_id;
    std::string reference_code;
    std::string name;  // given and family name, as typed
};

// Every registration the server can open, by record id and by reference code (schema 2 and
// later carry their code): an interest names one or the other.
struct Registrations {
    std::map<std::string, RegistrationLink, std::less<>> by_id;
    std::map<std::string, std::string, std::less<>> id_by_code;

    const RegistrationLink* find(const json& interest) const {
        const auto id = interest.find("registration_id");
        if (id != interest.end() && id->is_string()) {
            const auto it = by_id.find(id->get<std::string>());
            return it == by_id.end() ? nullptr : &it->second;
        }
        const auto code = interest.find("reference_code");
        if (code != interest.end() && code->is_string()) {
            const auto found = id_by_code.find(code->get<std::string>());
            if (found != id_by_code.end()) {
                return &by_id.at(found->second);
            }
        }
        return nullptr;
    }
};

std::string text_field_of(const json& data, std::string_view key) {
    const auto it = data.find(key);
    return it != data.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// What an interest's row names of its offer.
struct OfferSummary {
    bool published = false;
    std::string title;  // English, else the first language
    std::string employer;
    std::string city;
};
using Offers = std::map<std::string, OfferSummary, std::less<>>;

// Every offer's latest state, read from the change feed before the records are walked (the
// store cannot be asked while it walks them).
Result<Offers> collect_offers(ServerStore& store) {
    Offers offers;
    std::uint64_t after = 0;
    for (;;) {
        auto page = store.changes(after, 1000);
        if (!page) {
            return page.error();
        }
        for (const FeedEntry& entry : page->entries) {
            OfferSummary summary;
            if (entry.offer) {
                summary.published = true;
                const OfferRead read = read_offer_text(*entry.offer, UnknownFields::ignore);
                const auto& titles = read.offer.title;
                const auto en = titles.find("en");
                summary.title = en != titles.end() ? en->second
                                : titles.empty()   ? std::string()
                                                   : titles.begin()->second;
                summary.employer = read.offer.employer;
                summary.city = read.offer.city;
            }
            offers[entry.offer_id] = std::move(summary);
            after = std::max(after, entry.seq);
        }
        if (page->entries.empty() || after >= page->head) {
            return offers;
        }
    }
}

// Adds to an interest's data what staff need to act on it: the offer (title, employer, city,
// and whether it is still published) and the registration it names (record id, reference code,
// name), as flat fields so the CSV has a column for each.
void link_interest(const Offers& offers, const Registrations& registrations, json& data) {
    const auto offer = offers.find(text_field_of(data, "job_id"));
    data["job_state"] = offer == offers.end()     ? "unknown"
                        : offer->second.published ? "published"
                                                  : "withdrawn";
    if (offer != offers.end() && offer->second.published) {
        data["job_title"] = offer->second.title;
        data["job_employer"] = offer->second.employer;
        data["job_city"] = offer->second.city;
    }
    const RegistrationLink* reg = registrations.find(data);
    data["registration_found"] = reg != nullptr;
    data["registration_record_id"] = reg != nullptr ? reg->record_id : std::string();
    data["registration_name"] = reg != nullptr ? reg->name : std::string();
    if (reg != nullptr && text_field_of(data, "reference_code").empty()) {
        data["reference_code"] = reg->reference_code;
    }
}

// Opens one stored record; on failure names it on err.
std::optional<RecordContent> open_stored(const StoredRecord& r, const Device& d,
                                         const BoxKeyPair& keys, std::ostream& err) {
    auto env = decode_envelope(r.body);
    if (!env) {
        err << "record " << r.record_id << ": " << env.error().code << "\n";
        return std::nullopt;
    }
    const PushRecord rec{r.record_id, r.device_seq, r.kind, r.schema, r.created_at_device, *env};
    auto opened = open_record(rec, r.device_id, d.sign_public_key, keys);
    if (!opened) {
        err << "record " << r.record_id << ": " << opened.error().code << "\n";
        return std::nullopt;
    }
    return std::move(*opened);
}

// The pass that finds the registrations interests name (failures are reported by the pass
// that writes the row).
Result<Registrations> collect_registrations(ServerStore& store, const BoxKeyPair& keys) {
    Registrations found;
    std::ostringstream ignore;
    auto walked = store.for_each_record([&](const StoredRecord& r, const Device& d) {
        if (r.kind != "registration") {
            return;
        }
        auto c = open_stored(r, d, keys, ignore);
        if (!c) {
            return;
        }
        RegistrationLink link{r.record_id, text_field_of(c->data, "reference_code"),
                              text_field_of(c->data, "given_name")};
        const std::string family = text_field_of(c->data, "family_name");
        if (!family.empty()) {
            link.name += (link.name.empty() ? "" : " ") + family;
        }
        if (!link.reference_code.empty()) {
            found.id_by_code[link.reference_code] = r.record_id;
        }
        found.by_id[r.record_id] = std::move(link);
    });
    if (!walked) {
        return walked.error();
    }
    return found;
}

// What interests are linked to.
struct Links {
    Offers offers;
    Registrations registrations;
};

// Opens a record for the export: an interest gains its links (link_interest).
std::optional<RecordContent> open_for_export(const Links& links, const StoredRecord& r,
                                             const Device& d, const BoxKeyPair& keys,
                                             std::ostream& err) {
    auto c = open_stored(r, d, keys, err);
    if (c && r.kind == "interest") {
        link_interest(links.offers, links.registrations, c->data);
    }
    return c;
}

}  // namespace

Status export_records(ServerStore& store, const BoxKeyPair& keys, ExportFormat format,
                      std::ostream& out, std::ostream& err) {
    std::size_t failed = 0;
    auto offers = collect_offers(store);
    if (!offers) {
        return offers.error();
    }
    auto registrations = collect_registrations(store, keys);
    if (!registrations) {
        return registrations.error();
    }
    const Links links{std::move(*offers), std::move(*registrations)};
    Status walked = Ok{};
    if (format == ExportFormat::json) {
        bool first = true;
        out << "[";
        walked = store.for_each_record([&](const StoredRecord& r, const Device& d) {
            auto c = open_for_export(links, r, d, keys, err);
            if (!c) {
                ++failed;
                return;
            }
            out << (first ? "\n" : ",\n")
                << row_object(r, d, *c).dump(-1, ' ', false, json::error_handler_t::replace);
            first = false;
        });
        out << (first ? "]\n" : "\n]\n");
    } else {
        std::set<std::string> data_columns;
        // Records that arrive between the passes wait for the next export: their fields might
        // not be in the header.
        std::set<std::string> first_pass;
        walked = store.for_each_record([&](const StoredRecord& r, const Device& d) {
            first_pass.insert(r.record_id);
            std::ostringstream ignore;  // failures are reported once, in the second pass
            if (auto c = open_for_export(links, r, d, keys, ignore)) {
                for (const auto& item : c->data.items()) {
                    data_columns.insert(item.key());
                }
            }
        });
        if (!walked) {
            return walked;
        }
        std::string header;
        for (const auto& col : kFixedColumns) {
            header += (header.empty() ? "" : ",") + csv_cell(col);
        }
        for (const auto& col : data_columns) {
            header += "," + csv_cell(col);
        }
        out << header << "\r\n";
        walked = store.for_each_record([&](const StoredRecord& r, const Device& d) {
            if (first_pass.count(r.record_id) == 0) {
                return;
            }
            auto c = open_for_export(links, r, d, keys, err);
            if (!c) {
                ++failed;
                return;
            }
            const json row = row_object(r, d, *c);
            std::string line;
            for (const auto& col : kFixedColumns) {
                line += (line.empty() ? "" : ",") + csv_cell(cell_text(row.at(col)));
            }
            for (const auto& col : data_columns) {
                const auto it = c->data.find(col);
                line += "," + csv_cell(it == c->data.end() ? "" : cell_text(*it));
            }
            out << line << "\r\n";
        });
    }
    if (!walked) {
        return walked;
    }
    out.flush();
    if (failed > 0) {
        return make_error("export.partial",
                          std::to_string(failed) + " record(s) could not be opened (listed above)");
    }
    return Ok{};
}

}  // namespace kiosk::sync
