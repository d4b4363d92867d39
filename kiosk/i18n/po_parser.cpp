// PO parser: a line-oriented state machine. An entry is comments, then keywords each followed by
// one or more quoted strings; it ends at the next comment, keyword msgctxt/msgid, blank line or EOF
// once it has its msgstr. The entry with an empty msgid is the header ("Field: value" lines).
#include "kiosk/i18n/po_parser.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <set>
#include <sstream>

#include "kiosk/core/text.hpp"

namespace kiosk::i18n {

namespace {

bool iequals(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    });
}

std::string_view trim(std::string_view s) {
    return core::trim_text(s);
}

bool starts_with_word(std::string_view line, std::string_view word) {
    return line.starts_with(word) &&
           (line.size() == word.size() || line[word.size()] == ' ' || line[word.size()] == '\t' ||
            line[word.size()] == '"' || line[word.size()] == '[');
}

class PoParser {
  public:
    PoParser(std::string_view text, std::string name) : text_(text) {
        file_.name = std::move(name);
    }

    Result<PoFile> run() {
        if (text_.starts_with("\xEF\xBB\xBF")) {  // a BOM some editors add
            text_.remove_prefix(3);
        }
        std::size_t start = 0;
        while (start <= text_.size() && error_.empty()) {
            auto end = text_.find('\n', start);
            if (end == std::string_view::npos) {
                end = text_.size();
            }
            std::string_view line = text_.substr(start, end - start);
            if (!line.empty() && line.back() == '\r') {
                line.remove_suffix(1);
            }
            ++line_no_;
            handle_line(line);
            if (end == text_.size()) {
                break;
            }
            start = end + 1;
        }
        if (error_.empty()) {
            finish_entry();
        }
        if (!error_.empty()) {
            return make_error("i18n.po_syntax", error_);
        }
        return std::move(file_);
    }

  private:
    enum class Field { none, context, id, id_plural, str };

    void fail(std::string message, std::size_t line = 0) {
        if (error_.empty()) {
            error_ = file_.name + ":" + std::to_string(line == 0 ? line_no_ : line) + ": " +
                     std::move(message);
        }
    }

    bool entry_started() const { return has_id_ || cur_.context.has_value(); }
    bool entry_complete() const { return has_id_ && !cur_.strings.empty(); }

    void handle_line(std::string_view raw) {
        for (std::size_t i = 0; i < raw.size();) {
            if (!core::next_code_point(raw, i)) {
                fail("invalid UTF-8");
                return;
            }
        }
        const auto line = trim(raw);
        if (line.empty()) {
            finish_entry();
            return;
        }
        if (line.starts_with("#~")) {  // obsolete entry kept by msgmerge: not part of the catalogue
            finish_entry();
            return;
        }
        if (line.front() == '#') {
            if (entry_complete()) {
                finish_entry();
            } else if (entry_started()) {
                fail("comment inside an entry before its msgstr");
                return;
            }
            handle_comment(line);
            return;
        }
        if (line.front() == '"') {
            if (field_ == Field::none) {
                fail("string without a keyword before it");
                return;
            }
            append_string(line);
            return;
        }
        if (starts_with_word(line, "msgctxt")) {
            if (entry_complete()) {
                finish_entry();
            } else if (entry_started()) {
                fail("msgctxt inside an entry before its msgstr");
                return;
            }
            cur_.context.emplace();
            field_ = Field::context;
            append_string(line.substr(7));
            return;
        }
        if (starts_with_word(line, "msgid_plural")) {
            if (!has_id_ || !cur_.strings.empty() || cur_.id_plural) {
                fail("msgid_plural must follow msgid");
                return;
            }
            cur_.id_plural.emplace();
            field_ = Field::id_plural;
            append_string(line.substr(12));
            return;
        }
        if (starts_with_word(line, "msgid")) {
            if (entry_complete()) {
                finish_entry();
            } else if (has_id_) {
                fail("msgid without msgstr", cur_.line);
                return;
            }
            has_id_ = true;
            cur_.line = line_no_;
            field_ = Field::id;
            append_string(line.substr(5));
            return;
        }
        if (starts_with_word(line, "msgstr")) {
            handle_msgstr(line.substr(6));
            return;
        }
        const auto word_end = line.find_first_of(" \t\"");
        fail("unknown keyword '" + std::string(line.substr(0, word_end)) + "'");
    }

    void handle_msgstr(std::string_view rest) {
        if (!has_id_) {
            fail("msgstr without msgid");
            return;
        }
        if (!rest.empty() && rest.front() == '[') {
            const auto close = rest.find(']');
            std::size_t index = 0;
            const auto digits = rest.substr(1, close == std::string_view::npos ? 0 : close - 1);
            const auto [ptr, ec] =
                std::from_chars(digits.data(), digits.data() + digits.size(), index);
            if (close == std::string_view::npos || digits.empty() || ec != std::errc{} ||
                ptr != digits.data() + digits.size()) {
                fail("malformed msgstr[index]");
                return;
            }
            if (!cur_.id_plural) {
                fail("msgstr[" + std::string(digits) + "] in an entry without msgid_plural");
                return;
            }
            if (index != cur_.strings.size()) {
                fail("expected msgstr[" + std::to_string(cur_.strings.size()) + "], found msgstr[" +
                     std::string(digits) + "]");
                return;
            }
            rest.remove_prefix(close + 1);
        } else {
            if (cur_.id_plural) {
                fail("entry with msgid_plural needs msgstr[0], msgstr[1], ...");
                return;
            }
            if (!cur_.strings.empty()) {
                fail("second msgstr in one entry");
                return;
            }
        }
        cur_.strings.emplace_back();
        field_ = Field::str;
        append_string(rest);
    }

    void handle_comment(std::string_view line) {
        const auto body = [&](std::size_t skip) {
            return line.size() > skip ? trim(line.substr(skip)) : std::string_view{};
        };
        const auto join = [](std::string& to, std::string_view text) {
            if (!to.empty()) {
                to += '\n';
            }
            to += text;
        };
        if (line.starts_with("#.")) {
            join(cur_.extracted_comment, body(2));
        } else if (line.starts_with("#:")) {
            std::istringstream refs{std::string(body(2))};
            for (std::string ref; refs >> ref;) {
                cur_.references.push_back(ref);
            }
        } else if (line.starts_with("#,")) {
            auto flags = body(2);
            while (!flags.empty()) {
                const auto comma = flags.find(',');
                const auto flag = trim(flags.substr(0, comma));
                if (!flag.empty()) {
                    cur_.flags.emplace_back(flag);
                }
                flags =
                    comma == std::string_view::npos ? std::string_view{} : flags.substr(comma + 1);
            }
        } else if (line.starts_with("#|")) {
            // previous msgid for fuzzy matching: only the translators' tools need it
        } else {
            join(cur_.translator_comment, body(1));
        }
    }

    // Parses one quoted string (the rest of a line) and appends it to the current field.
    void append_string(std::string_view rest) {
        rest = trim(rest);
        if (rest.empty() || rest.front() != '"') {
            fail("expected a quoted string");
            return;
        }
        std::string out;
        std::size_t i = 1;
        bool closed = false;
        while (i < rest.size()) {
            const char c = rest[i++];
            if (c == '"') {
                closed = true;
                break;
            }
            if (c != '\\') {
                out += c;
                continue;
            }
            if (i >= rest.size()) {
                break;
            }
            const char e = rest[i++];
            switch (e) {
                case 'n':
                    out += '\n';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case '"':
                    out += '"';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case 'a':
                    out += '\a';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'v':
                    out += '\v';
                    break;
                case '\'':
                    out += '\'';
                    break;
                case '?':
                    out += '?';
                    break;
                case 'x': {
                    unsigned value = 0;
                    std::size_t digits = 0;
                    while (i < rest.size() && digits < 2 &&
                           std::isxdigit(static_cast<unsigned char>(rest[i])) != 0) {
                        const char h = rest[i++];
                        value = value * 16 +
                                static_cast<unsigned>(std::isdigit(static_cast<unsigned char>(h))
                                                          ? h - '0'
                                                          : std::tolower(h) - 'a' + 10);
                        ++digits;
                    }
                    if (digits == 0) {
                        fail("\\x without hex digits");
                        return;
                    }
                    out += static_cast<char>(value);
                    break;
                }
                default:
                    if (e >= '0' && e <= '7') {
                        unsigned value = static_cast<unsigned>(e - '0');
                        for (int k = 0;
                             k < 2 && i < rest.size() && rest[i] >= '0' && rest[i] <= '7'; ++k) {
                            value = value * 8 + static_cast<unsigned>(rest[i++] - '0');
                        }
                        if (value > 0xFF) {
                            fail("octal escape out of range");
                            return;
                        }
                        out += static_cast<char>(value);
                    } else {
                        fail(std::string("unknown escape sequence '\\") + e + "'");
                        return;
                    }
            }
        }
        if (!closed) {
            fail("unterminated string");
            return;
        }
        if (!trim(rest.substr(i)).empty()) {
            fail("unexpected text after the closing quote");
            return;
        }
        switch (field_) {
            case Field::context:
                *cur_.context += out;
                break;
            case Field::id:
                cur_.id += out;
                break;
            case Field::id_plural:
                *cur_.id_plural += out;
                break;
            case Field::str:
                cur_.strings.back() += out;
                break;
            case Field::none:
                assert(false && "string appended with no field");
                break;
        }
    }

    void finish_entry() {
        if (!entry_started()) {
            // Comments alone (e.g. a file's trailing comment) do not make an entry.
            if (!cur_.translator_comment.empty() && file_.entries.empty() && !header_seen_) {
                pending_header_comment_ = cur_.translator_comment;
            }
            cur_ = PoEntry{};
            field_ = Field::none;
            return;
        }
        if (cur_.strings.empty()) {
            fail("msgid without msgstr", cur_.line);
            return;
        }
        if (cur_.id.empty() && !cur_.context) {
            parse_header();
        } else {
            const std::string key = cur_.context ? *cur_.context + '\x04' + cur_.id : cur_.id;
            if (!seen_.insert(key).second) {
                fail("duplicate msgid \"" + cur_.id + "\"", cur_.line);
                return;
            }
            file_.entries.push_back(std::move(cur_));
        }
        cur_ = PoEntry{};
        has_id_ = false;
        field_ = Field::none;
    }

    void parse_header() {
        if (header_seen_) {
            fail("second header entry (empty msgid)", cur_.line);
            return;
        }
        header_seen_ = true;
        file_.header_comment =
            cur_.translator_comment.empty() ? pending_header_comment_ : cur_.translator_comment;
        std::string_view text = cur_.strings.front();
        while (!text.empty()) {
            const auto nl = text.find('\n');
            const auto line = trim(text.substr(0, nl));
            text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
            if (line.empty()) {
                continue;
            }
            const auto colon = line.find(':');
            if (colon == std::string_view::npos) {
                fail("header line without ':' (\"" + std::string(line) + "\")", cur_.line);
                return;
            }
            file_.header.emplace_back(std::string(trim(line.substr(0, colon))),
                                      std::string(trim(line.substr(colon + 1))));
        }
        if (const auto type = file_.header_field("Content-Type")) {
            const auto at = type->find("charset=");
            if (at != std::string_view::npos) {
                const auto charset = trim(type->substr(at + 8));
                if (!iequals(charset, "UTF-8") && !iequals(charset, "CHARSET")) {
                    fail("charset " + std::string(charset) + " is not supported, use UTF-8",
                         cur_.line);
                }
            }
        }
    }

    std::string_view text_;
    PoFile file_;
    PoEntry cur_;
    bool has_id_ = false;
    bool header_seen_ = false;
    Field field_ = Field::none;
    std::size_t line_no_ = 0;
    std::set<std::string> seen_;
    std::string pending_header_comment_;
    std::string error_;
};

}  // namespace

bool PoEntry::has_flag(std::string_view flag) const {
    return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

bool PoEntry::translated() const {
    return !fuzzy() && !strings.empty() &&
           std::none_of(strings.begin(), strings.end(), [](const auto& s) { return s.empty(); });
}

std::optional<std::string_view> PoFile::header_field(std::string_view field) const {
    for (const auto& [key, value] : header) {
        if (iequals(key, field)) {
            return std::string_view(value);
        }
    }
    return std::nullopt;
}

const PoEntry* PoFile::find(std::string_view id) const {
    for (const auto& e : entries) {
        if (!e.context && e.id == id) {
            return &e;
        }
    }
    return nullptr;
}

Result<PoFile> parse_po(std::string_view text, std::string name) {
    return PoParser(text, std::move(name)).run();
}

Result<std::string> read_file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return make_error("i18n.io", "cannot open " + path.string());
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        return make_error("i18n.io", "cannot read " + path.string());
    }
    return std::move(buffer).str();
}

Result<PoFile> read_po_file(const std::filesystem::path& path) {
    auto bytes = read_file_bytes(path);
    if (!bytes) {
        return bytes.error();
    }
    return parse_po(bytes.value(), path.string());
}

}  // namespace kiosk::i18n
