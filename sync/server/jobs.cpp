// Job offer import files (JSON array, CSV with a header row), publishing through the change feed
// in batched transactions, and withdrawing expired offers. The offer rules themselves are in
// sync/protocol/offer.cpp.
#include "sync/server/jobs.hpp"

#include <algorithm>
#include <charconv>
#include <ctime>
#include <functional>
#include <map>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

#include "kiosk/core/text.hpp"
#include "sync/protocol/wire.hpp"

namespace kiosk::sync {

namespace {

using nlohmann::json;

constexpr std::size_t kFeedPage = 1000;
constexpr int kMaxJsonDepth = 32;

Error bad_file(std::string message) {
    return make_error("jobs.bad_file", std::move(message));
}

// Every entry of the change feed in sequence order: each offer id at its latest state (an id
// written while we page may come again later, newer).
Status for_each_feed_entry(ServerStore& store, const std::function<Status(const FeedEntry&)>& fn) {
    std::uint64_t after = 0;
    for (;;) {
        auto page = store.changes(after, kFeedPage);
        if (!page) {
            return page.error();
        }
        if (page->entries.empty()) {
            return Ok{};
        }
        for (const FeedEntry& e : page->entries) {
            if (auto s = fn(e); !s) {
                return s;
            }
        }
        after = page->entries.back().seq;
    }
}

// Later rows with an id already seen are bad: one file says one thing about one offer.
void mark_repeated_ids(std::vector<OfferRow>& rows) {
    std::map<std::string, std::string> first;
    for (OfferRow& row : rows) {
        if (row.id.empty()) {
            continue;
        }
        const auto [it, fresh] = first.emplace(row.id, row.where);
        if (!fresh) {
            row.errors.insert(
                row.errors.begin(),
                OfferError{"id", "also at " + it->second + ": an offer appears once per file"});
            row.offer.reset();
        }
    }
}

// [SECTION] JSON files

struct TooDeep {};

Result<std::vector<OfferRow>> read_json_file(std::string_view text) {
    // nlohmann keeps the last of two equal keys silently: find them here, per array element.
    std::vector<std::set<std::string>> open_objects;
    std::map<std::size_t, std::vector<OfferError>> duplicate_keys;
    std::size_t elements = 0;
    auto callback = [&](int depth, json::parse_event_t event, json& parsed) {
        if (depth > kMaxJsonDepth) {
            throw TooDeep{};
        }
        using E = json::parse_event_t;
        if (depth == 1 &&
            (event == E::object_start || event == E::array_start || event == E::value)) {
            ++elements;
        }
        if (event == E::object_start) {
            open_objects.emplace_back();
        } else if (event == E::object_end) {
            open_objects.pop_back();
        } else if (event == E::key) {
            const auto& key = parsed.get_ref<const std::string&>();
            if (!open_objects.back().insert(key).second && elements > 0) {
                duplicate_keys[elements - 1].push_back(OfferError{key, "duplicate key"});
            }
        }
        return true;
    };
    json doc;
    try {
        doc = json::parse(text.begin(), text.end(), callback);
    } catch (const json::parse_error& e) {
        const std::size_t upto = std::min<std::size_t>(e.byte, text.size());
        const auto line =
            1 + std::count(text.begin(), text.begin() + static_cast<long>(upto), '\n');
        return bad_file("not valid JSON (line " + std::to_string(line) + ", byte " +
                        std::to_string(e.byte) + ")");
    } catch (const TooDeep&) {
        return bad_file("JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    }
    if (!doc.is_array()) {
        return bad_file("expected a JSON array of offers [{...}, {...}]");
    }
    std::vector<OfferRow> rows;
    rows.reserve(doc.size());
    for (std::size_t i = 0; i < doc.size(); ++i) {
        OfferRow row;
        row.where = "[" + std::to_string(i) + "]";
        if (doc[i].is_object()) {
            const auto id = doc[i].find("id");
            if (id != doc[i].end() && id->is_string() && is_offer_id(id->get<std::string>())) {
                row.id = id->get<std::string>();
            }
        }
        OfferRead read = read_offer(doc[i]);
        if (const auto dup = duplicate_keys.find(i); dup != duplicate_keys.end()) {
            row.errors = dup->second;
        }
        row.errors.insert(row.errors.end(), read.errors.begin(), read.errors.end());
        if (row.errors.empty()) {
            row.offer = std::move(read.offer);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

// [SECTION] CSV files

struct CsvRecord {
    std::size_t line = 0;  // where the record starts (a quoted cell may span lines)
    std::vector<std::string> cells;
    std::string error;  // a quoting problem in this record
};

bool is_line_end(char c) {
    return c == '\n' || c == '\r';
}

// RFC 4180 records: cells separated by `sep`, a cell in double quotes may hold the separator,
// line breaks and "" for a quote. CRLF, LF and CR all end a record (and are '\n' in a cell). An
// unclosed quote ends the reading: the record that has it says so.
std::vector<CsvRecord> split_csv(std::string_view text, char sep) {
    std::vector<CsvRecord> out;
    std::size_t i = 0;
    std::size_t line = 1;
    while (i < text.size()) {
        CsvRecord rec;
        rec.line = line;
        for (;;) {
            std::string cell;
            if (text[i] == '"') {
                ++i;
                bool closed = false;
                while (i < text.size()) {
                    const char c = text[i++];
                    if (c == '"') {
                        if (i < text.size() && text[i] == '"') {
                            cell += '"';
                            ++i;
                            continue;
                        }
                        closed = true;
                        break;
                    }
                    // Line breaks inside a cell become '\n', whatever the file uses.
                    if (c == '\r') {
                        if (i < text.size() && text[i] == '\n') {
                            ++i;
                        }
                        ++line;
                        cell += '\n';
                        continue;
                    }
                    line += c == '\n' ? 1 : 0;
                    cell += c;
                }
                if (!closed) {
                    rec.cells.push_back(std::move(cell));
                    rec.error = "a quoted cell is not closed: the rest of the file was not read";
                    out.push_back(std::move(rec));
                    return out;
                }
                const std::size_t after = i;
                while (i < text.size() && text[i] != sep && !is_line_end(text[i])) {
                    ++i;
                }
                if (i > after && rec.error.empty()) {
                    rec.error = "text after the closing quote of cell " +
                                std::to_string(rec.cells.size() + 1);
                }
            } else {
                while (i < text.size() && text[i] != sep && !is_line_end(text[i])) {
                    cell += text[i++];
                }
            }
            rec.cells.push_back(std::move(cell));
            if (i >= text.size()) {
                break;
            }
            if (text[i] == sep) {
                ++i;
                if (i >= text.size()) {
                    rec.cells.emplace_back();
                    break;
                }
                continue;
            }
            // A line end: CRLF, LF or a lone CR.
            if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
                ++i;
            }
            ++i;
            ++line;
            break;
        }
        const bool blank = std::all_of(rec.cells.begin(), rec.cells.end(),
                                       [](const auto& c) { return core::trim_text(c).empty(); });
        if (!blank || !rec.error.empty()) {
            out.push_back(std::move(rec));
        }
    }
    return out;
}

// The header's separator: ';' when it has more semicolons than commas (spreadsheets in Turkish
// and Bulgarian settings save "CSV" with semicolons), else ','.
char detect_separator(std::string_view text) {
    const std::string_view first = text.substr(0, text.find_first_of("\r\n"));
    return std::count(first.begin(), first.end(), ';') > std::count(first.begin(), first.end(), ',')
               ? ';'
               : ',';
}

constexpr std::string_view kCsvColumns[] = {
    "id",          "employer",     "city",       "region",         "country",
    "sector",      "occupation",   "contract",   "hours_per_week", "pay_min",
    "pay_max",     "pay_currency", "pay_period", "languages",      "min_education",
    "work_permit", "flags",        "start_date", "expires",        "contact"};
constexpr std::string_view kRequiredCsvColumns[] = {
    "id",         "employer", "city",           "country",     "sector",
    "occupation", "contract", "hours_per_week", "work_permit", "expires"};

struct Column {
    std::string name;
    std::string text_field;  // "title" or "description" for title_<tag>, description_<tag>
    std::string tag;
};

Result<std::vector<Column>> read_header(const CsvRecord& header) {
    if (!header.error.empty()) {
        return bad_file("header (line " + std::to_string(header.line) + "): " + header.error);
    }
    std::vector<Column> columns;
    std::set<std::string> seen;
    bool has_title = false;
    for (const std::string& raw : header.cells) {
        Column c;
        c.name = std::string(core::trim_text(raw));
        for (const std::string_view field : {"title", "description"}) {
            const std::string prefix = std::string(field) + "_";
            if (c.name.rfind(prefix, 0) == 0) {
                c.text_field = field;
                c.tag = c.name.substr(prefix.size());
            }
        }
        if (!c.text_field.empty() && !is_text_language_tag(c.tag)) {
            return bad_file("header: column \"" + c.name + "\": \"" + c.tag +
                            "\" is not a language tag (ISO 639-1 such as tr, en; ISO 639-3 "
                            "where a language has none, such as kmr)");
        }
        if (c.text_field.empty() && std::find(std::begin(kCsvColumns), std::end(kCsvColumns),
                                              c.name) == std::end(kCsvColumns)) {
            return bad_file("header: unknown column \"" + c.name +
                            "\" (see docs/job-offers.md for the columns)");
        }
        if (!seen.insert(c.name).second) {
            return bad_file("header: column \"" + c.name + "\" appears twice");
        }
        has_title = has_title || c.text_field == "title";
        columns.push_back(std::move(c));
    }
    for (const std::string_view required : kRequiredCsvColumns) {
        if (!seen.count(std::string(required))) {
            return bad_file("header: no column \"" + std::string(required) + "\"");
        }
    }
    if (!has_title) {
        return bad_file("header: no title column (title_tr, title_en, ...)");
    }
    return columns;
}

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "40" -> 40; anything else stays text, and the offer reader says what it expected.
json csv_integer(const std::string& cell) {
    if (all_digits(cell) && cell.size() <= 9) {
        return json(std::stoll(cell));
    }
    return json(cell);
}

// "1500" -> 1500, "7.50" -> 7.5 (a dot, no thousands separator); anything else stays text.
json csv_amount(const std::string& cell) {
    const auto dot = cell.find('.');
    const std::string_view whole = std::string_view(cell).substr(0, dot);
    if (!all_digits(whole) || whole.size() > 12) {
        return json(cell);
    }
    if (dot == std::string::npos) {
        return json(std::stoll(cell));
    }
    if (!all_digits(std::string_view(cell).substr(dot + 1))) {
        return json(cell);
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    if (ec != std::errc() || end != cell.data() + cell.size()) {
        return json(cell);
    }
    return json(value);
}

std::vector<std::string> split_list(const std::string& cell) {
    std::vector<std::string> items;
    std::size_t start = 0;
    for (;;) {
        const auto semi = cell.find(';', start);
        const std::string_view item = core::trim_text(
            std::string_view(cell).substr(start, semi == std::string::npos ? semi : semi - start));
        if (!item.empty()) {
            items.emplace_back(item);
        }
        if (semi == std::string::npos) {
            return items;
        }
        start = semi + 1;
    }
}

bool within(std::string_view field, std::string_view prefix) {
    return field.rfind(prefix, 0) == 0 &&
           (field.size() == prefix.size() || field[prefix.size()] == '.' ||
            field[prefix.size()] == '[');
}

OfferRow read_csv_row(const std::vector<Column>& columns, const CsvRecord& rec) {
    OfferRow row;
    row.where = "line " + std::to_string(rec.line);
    if (!rec.error.empty()) {
        row.errors.push_back(OfferError{"(csv)", rec.error});
        return row;
    }
    if (rec.cells.size() != columns.size()) {
        row.errors.push_back(OfferError{"(csv)", "has " + std::to_string(rec.cells.size()) +
                                                     " cells, the header has " +
                                                     std::to_string(columns.size())});
        return row;
    }
    json o = json::object();
    o["title"] = json::object();
    json pay = json::object();
    std::vector<OfferError> cell_errors;  // the reader's errors under these paths are dropped
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const Column& c = columns[i];
        const std::string cell(core::trim_text(rec.cells[i]));
        if (cell.empty()) {
            continue;
        }
        if (!c.text_field.empty()) {
            o[c.text_field][c.tag] = cell;
        } else if (c.name == "hours_per_week" || c.name == "min_education") {
            o[c.name] = csv_integer(cell);
        } else if (c.name == "pay_min" || c.name == "pay_max") {
            pay[c.name.substr(4)] = csv_amount(cell);
        } else if (c.name == "pay_currency" || c.name == "pay_period") {
            pay[c.name.substr(4)] = cell;
        } else if (c.name == "languages") {
            json list = json::array();
            for (const std::string& item : split_list(cell)) {
                const auto colon = item.find(':');
                const std::string path = "languages[" + std::to_string(list.size()) + "]";
                if (colon == std::string::npos) {
                    cell_errors.push_back(
                        OfferError{path, "\"" + item + "\": expected CODE:LEVEL, such as tur:B1"});
                }
                list.push_back(
                    json{{"code", std::string(core::trim_text(item.substr(0, colon)))},
                         {"level", colon == std::string::npos
                                       ? std::string()
                                       : std::string(core::trim_text(item.substr(colon + 1)))}});
            }
            o["languages"] = std::move(list);
        } else if (c.name == "flags") {
            o["flags"] = split_list(cell);
        } else {
            o[c.name] = cell;
        }
    }
    if (!pay.empty()) {
        o["pay"] = std::move(pay);
    }
    if (o.contains("id") && o["id"].is_string() && is_offer_id(o["id"].get<std::string>())) {
        row.id = o["id"].get<std::string>();
    }
    OfferRead read = read_offer(o);
    row.errors = cell_errors;
    for (OfferError& e : read.errors) {
        const bool covered =
            std::any_of(cell_errors.begin(), cell_errors.end(),
                        [&](const OfferError& c) { return within(e.field, c.field); });
        if (!covered) {
            row.errors.push_back(std::move(e));
        }
    }
    if (row.errors.empty()) {
        row.offer = std::move(read.offer);
    }
    return row;
}

Result<std::vector<OfferRow>> read_csv_file(std::string_view text) {
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    if (text.substr(0, kBom.size()) == kBom) {
        text.remove_prefix(kBom.size());
    }
    const std::vector<CsvRecord> records = split_csv(text, detect_separator(text));
    if (records.empty()) {
        return bad_file("empty: expected a header row, then one offer a row");
    }
    auto columns = read_header(records.front());
    if (!columns) {
        return columns.error();
    }
    std::vector<OfferRow> rows;
    for (std::size_t i = 1; i < records.size(); ++i) {
        rows.push_back(read_csv_row(*columns, records[i]));
    }
    return rows;
}

}  // namespace

// [SECTION] Public functions

Result<std::vector<OfferRow>> read_offer_file(std::string_view text, OfferFileFormat format) {
    auto rows = format == OfferFileFormat::json ? read_json_file(text) : read_csv_file(text);
    if (rows) {
        mark_repeated_ids(*rows);
    }
    return rows;
}

std::string csv_column_of(std::string_view field) {
    for (const std::string_view list : {"languages", "flags"}) {
        if (within(field, list)) {
            return std::string(list);
        }
    }
    std::string column(field.substr(0, field.find('[')));
    std::replace(column.begin(), column.end(), '.', '_');
    return column;
}

std::string local_today() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    ::localtime_r(&now, &tm);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
    return text;
}

std::vector<RowProblem> row_problems(const std::vector<OfferRow>& rows, OfferFileFormat format) {
    std::vector<RowProblem> out;
    for (const OfferRow& row : rows) {
        for (const OfferError& e : row.errors) {
            RowProblem p{row.where, row.id, e.field, "", e.message};
            if (format == OfferFileFormat::csv && e.field != "(csv)" &&
                csv_column_of(e.field) != e.field) {
                p.column = csv_column_of(e.field);
            }
            out.push_back(std::move(p));
        }
    }
    return out;
}

Result<ImportSummary> publish_offers(ServerStore& store, const std::vector<OfferRow>& rows,
                                     std::string_view today) {
    ImportSummary summary;
    std::map<std::string, std::string> wanted;  // id -> canonical body
    for (const OfferRow& row : rows) {
        if (row.offer) {
            wanted.emplace(row.offer->id, canonical_offer_text(*row.offer));
        } else {
            ++summary.bad;
        }
    }
    // What the feed holds now for these ids, to leave unchanged offers alone.
    std::map<std::string, std::string> current;
    auto read = for_each_feed_entry(store, [&](const FeedEntry& e) -> Status {
        if (!wanted.count(e.offer_id)) {
            return Ok{};
        }
        if (e.offer) {
            current[e.offer_id] = *e.offer;
        } else {
            current.erase(e.offer_id);
        }
        return Ok{};
    });
    if (!read) {
        return read.error();
    }
    std::vector<FeedWrite> batch;
    auto flush = [&]() -> Status {
        if (batch.empty()) {
            return Ok{};
        }
        if (auto w = store.write_offers(batch); !w) {
            Error e = w.error();
            e.message += " (after publishing " + std::to_string(summary.published) +
                         " offers; importing the file again is safe)";
            return e;
        }
        summary.published += batch.size();
        batch.clear();
        return Ok{};
    };
    for (const OfferRow& row : rows) {
        if (!row.offer) {
            continue;
        }
        if (is_expired(*row.offer, today)) {
            ++summary.already_expired;
        }
        const std::string& body = wanted.at(row.offer->id);
        if (const auto it = current.find(row.offer->id);
            it != current.end() && it->second == body) {
            ++summary.unchanged;
            continue;
        }
        batch.push_back(FeedWrite{row.offer->id, body});
        if (batch.size() == kOffersPerTransaction) {
            if (auto s = flush(); !s) {
                return s.error();
            }
        }
    }
    if (auto s = flush(); !s) {
        return s.error();
    }
    return summary;
}

Result<std::vector<std::string>> expire_offers(ServerStore& store, std::string_view today) {
    std::vector<FeedWrite> expired;
    auto s = for_each_feed_entry(store, [&](const FeedEntry& e) -> Status {
        if (!e.offer) {
            return Ok{};
        }
        // Leniently: offers written by offer-put need not follow the model, only say when they
        // end.
        const json body = json::parse(*e.offer, nullptr, false);
        if (!body.is_object() || !body.contains("expires") || !body["expires"].is_string()) {
            return Ok{};
        }
        const std::string expires = body["expires"].get<std::string>();
        if (is_offer_date(expires) && std::string_view(expires) < today) {
            expired.push_back(FeedWrite{e.offer_id, std::nullopt});
        }
        return Ok{};
    });
    if (!s) {
        return s.error();
    }
    std::vector<std::string> withdrawn;
    for (std::size_t start = 0; start < expired.size(); start += kOffersPerTransaction) {
        const auto first = expired.begin() + static_cast<long>(start);
        const std::vector<FeedWrite> batch(
            first,
            first + static_cast<long>(std::min(kOffersPerTransaction, expired.size() - start)));
        auto changed = store.write_offers(batch);
        if (!changed) {
            return changed.error();
        }
        // An offer withdrawn by someone else since we read it changed nothing: not ours to list.
        for (std::size_t i = 0; i < batch.size(); ++i) {
            if ((*changed)[i]) {
                withdrawn.push_back(batch[i].offer_id);
            }
        }
    }
    return withdrawn;
}

Result<OfferStatePage> list_offers(ServerStore& store, std::string_view after, std::size_t limit) {
    std::map<std::string, OfferState, std::less<>> latest;
    auto s = for_each_feed_entry(store, [&](const FeedEntry& e) -> Status {
        if (e.offer_id > after) {
            latest[e.offer_id] = OfferState{e.offer_id, e.seq, e.offer.has_value()};
        }
        return Ok{};
    });
    if (!s) {
        return s.error();
    }
    OfferStatePage page;
    page.more = latest.size() > limit;
    page.offers.reserve(std::min(latest.size(), limit));
    for (auto& [id, state] : latest) {
        if (page.offers.size() == limit) {
            break;
        }
        page.offers.push_back(std::move(state));
    }
    return page;
}

}  // namespace kiosk::sync
