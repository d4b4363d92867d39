// Export makes two passes in CSV (collect the data columns, then write) so memory stays bounded
// by one record, not by the whole database.
#include "sync/server/export.hpp"

#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

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

}  // namespace

Status export_records(ServerStore& store, const BoxKeyPair& keys, ExportFormat format,
                      std::ostream& out, std::ostream& err) {
    std::size_t failed = 0;
    Status walked = Ok{};
    if (format == ExportFormat::json) {
        bool first = true;
        out << "[";
        walked = store.for_each_record([&](const StoredRecord& r, const Device& d) {
            auto c = open_stored(r, d, keys, err);
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
            if (auto c = open_stored(r, d, keys, ignore)) {
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
            auto c = open_stored(r, d, keys, err);
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
