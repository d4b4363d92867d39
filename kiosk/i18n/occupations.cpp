// The occupations and skills catalogue (see occupations.hpp): parsing the TSV file, names with
// English fallback, and search with the same language-aware matching as the country and
// language pickers.
#include "kiosk/i18n/occupations.hpp"

#include <algorithm>
#include <cassert>
#include <numeric>

#include "kiosk/core/registration.hpp"
#include "kiosk/i18n/collate.hpp"
#include "kiosk/i18n/po_parser.hpp"
#include "kiosk/i18n/search_fold.hpp"
#include "kiosk/i18n/text_utf8.hpp"

namespace kiosk::i18n {

namespace {

std::vector<std::string_view> split(std::string_view line, char separator) {
    std::vector<std::string_view> cells;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = line.find(separator, start);
        cells.push_back(line.substr(start, end - start));
        if (end == std::string_view::npos) {
            return cells;
        }
        start = end + 1;
    }
}

// The same rule the registration applies to a stored catalogue id, so the catalogue can never
// offer an id that validation would then refuse.
bool is_valid_id(std::string_view id) {
    core::Registration probe;
    probe.occupations.push_back(core::Occupation{std::string(id), {}});
    // Occupation ids do not depend on the year; any year makes a valid context.
    const auto errors =
        core::validate_step(core::Step::Work, probe, core::ValidationContext{.current_year = 2000});
    return std::none_of(errors.begin(), errors.end(), [](const core::FieldError& e) {
        return e.field.starts_with("occupations[0]");
    });
}

class Parser {
  public:
    explicit Parser(std::string_view source) : source_(source) {}

    // Fills `languages` from the header and `entries` from the rows.
    Status run(std::string_view text, std::vector<std::string>& languages,
               std::vector<OccupationEntry>& entries) {
        if (!is_valid_utf8(text)) {
            return fail(0, "not valid UTF-8");
        }
        std::size_t line_no = 0;
        for (std::string_view line : split(text, '\n')) {
            ++line_no;
            if (!line.empty() && line.back() == '\r') {
                line.remove_suffix(1);  // a file saved on Windows
            }
            if (line.empty() || line.front() == '#') {
                continue;
            }
            const std::vector<std::string_view> cells = split(line, '\t');
            if (languages.empty()) {
                if (cells.size() < 2 || cells[0] != "id" || cells[1] != "en") {
                    return fail(line_no, "the header must start with the columns id, en");
                }
                for (std::size_t c = 1; c < cells.size(); ++c) {
                    if (cells[c].empty() ||
                        std::count(cells.begin() + 1, cells.end(), cells[c]) > 1) {
                        return fail(line_no, "empty or repeated language column in the header");
                    }
                    languages.emplace_back(cells[c]);
                }
                continue;
            }
            if (cells.size() != languages.size() + 1) {
                return fail(line_no, std::to_string(cells.size()) + " cells, the header has " +
                                         std::to_string(languages.size() + 1));
            }
            if (!is_valid_id(cells[0])) {
                return fail(line_no, "bad id \"" + std::string(cells[0]) + "\"");
            }
            if (std::any_of(entries.begin(), entries.end(),
                            [&](const OccupationEntry& e) { return e.id == cells[0]; })) {
                return fail(line_no, "duplicate id " + std::string(cells[0]));
            }
            if (cells[1].empty()) {
                return fail(line_no, "no English name for " + std::string(cells[0]));
            }
            OccupationEntry entry;
            entry.id = std::string(cells[0]);
            for (std::size_t c = 1; c < cells.size(); ++c) {
                entry.names.emplace_back(cells[c]);
            }
            entries.push_back(std::move(entry));
        }
        if (languages.empty()) {
            return fail(line_no, "no header line");
        }
        if (entries.empty()) {
            return fail(line_no, "no entries");
        }
        return Ok{};
    }

  private:
    Error fail(std::size_t line, const std::string& what) const {
        return make_error("occupations.format",
                          std::string(source_) + ":" + std::to_string(line) + ": " + what);
    }

    std::string_view source_;
};

}  // namespace

Result<OccupationCatalogue> OccupationCatalogue::load_directory(const std::filesystem::path& dir) {
    return load_file(dir / kFileName);
}

Result<OccupationCatalogue> OccupationCatalogue::load_file(const std::filesystem::path& file) {
    auto bytes = read_file_bytes(file);
    if (!bytes) {
        return make_error("occupations.io", bytes.error().message);
    }
    return parse(*bytes, file.string());
}

Result<OccupationCatalogue> OccupationCatalogue::parse(std::string_view text,
                                                       std::string_view source) {
    OccupationCatalogue catalogue;
    const Status parsed = Parser(source).run(text, catalogue.languages_, catalogue.entries_);
    if (!parsed) {
        return parsed.error();
    }
    return catalogue;
}

std::size_t OccupationCatalogue::column(std::string_view lang) const {
    return static_cast<std::size_t>(std::find(languages_.begin(), languages_.end(), lang) -
                                    languages_.begin());
}

std::size_t OccupationCatalogue::find(std::string_view id) const {
    return static_cast<std::size_t>(
        std::find_if(entries_.begin(), entries_.end(),
                     [id](const OccupationEntry& e) { return e.id == id; }) -
        entries_.begin());
}

std::string_view OccupationCatalogue::label_at(std::size_t index, std::string_view lang) const {
    assert(index < entries_.size() && "occupation index out of range");
    const OccupationEntry& entry = entries_[index];
    const std::size_t c = column(lang);
    if (c < entry.names.size() && !entry.names[c].empty()) {
        return entry.names[c];
    }
    return entry.names.front();  // English: required by the parser
}

std::string_view OccupationCatalogue::label(std::string_view id, std::string_view lang) const {
    const std::size_t index = find(id);
    return index < size() ? label_at(index, lang) : id;
}

Result<std::vector<std::size_t>> OccupationCatalogue::search(std::string_view query,
                                                             std::string_view lang) const {
    auto collator = Collator::create(lang);
    if (!collator) {
        return collator.error();
    }
    std::vector<std::size_t> order(entries_.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return collator->compare(label_at(a, lang), label_at(b, lang)) < 0;
    });
    const SearchQuery folded(query, lang);
    if (folded.empty()) {
        return order;
    }
    // Names that start with the query's first word come before those where a later word does.
    const std::string& head = folded.words().front();
    std::vector<std::size_t> starting;
    std::vector<std::size_t> later;
    for (const std::size_t i : order) {
        const std::string_view local = label_at(i, lang);
        const std::string_view english = entries_[i].names.front();
        if (!folded.matches(local) && !folded.matches(english)) {
            continue;
        }
        const bool starts = fold_for_search(local, lang).starts_with(head) ||
                            fold_for_search(english, lang).starts_with(head);
        (starts ? starting : later).push_back(i);
    }
    starting.insert(starting.end(), later.begin(), later.end());
    return starting;
}

}  // namespace kiosk::i18n
