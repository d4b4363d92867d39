// Catalogue loading and lookup. Only translated entries are kept: a fuzzy or empty entry is
// dropped at load time, so lookups need no flags and fall through to English by absence.
#include "kiosk/i18n/catalogue.hpp"

#include <algorithm>
#include <iostream>

namespace kiosk::i18n {

namespace {

bool is_placeholder_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// Length of the placeholder name starting after '{' at pattern[open], or 0 if it is not one.
std::size_t placeholder_length(std::string_view pattern, std::size_t open) {
    std::size_t i = open + 1;
    while (i < pattern.size() && is_placeholder_char(pattern[i])) {
        ++i;
    }
    if (i == open + 1 || i >= pattern.size() || pattern[i] != '}') {
        return 0;
    }
    return i - open - 1;
}

Error catalogue_error(std::string message) {
    return make_error("i18n.catalogue", std::move(message));
}

}  // namespace

std::string format(std::string_view pattern, std::span<const FormatArg> args) {
    std::string out;
    out.reserve(pattern.size());
    std::size_t i = 0;
    while (i < pattern.size()) {
        const auto open = pattern.find('{', i);
        if (open == std::string_view::npos) {
            out += pattern.substr(i);
            break;
        }
        out += pattern.substr(i, open - i);
        const auto len = placeholder_length(pattern, open);
        const auto name = pattern.substr(open + 1, len);
        const auto arg = std::find_if(args.begin(), args.end(),
                                      [&](const FormatArg& a) { return a.name == name; });
        if (len == 0 || arg == args.end()) {
            out += '{';
            i = open + 1;
            continue;
        }
        out += arg->value;
        i = open + len + 2;
    }
    return out;
}

std::set<std::string> placeholders(std::string_view pattern) {
    std::set<std::string> names;
    for (auto open = pattern.find('{'); open != std::string_view::npos;
         open = pattern.find('{', open + 1)) {
        if (const auto len = placeholder_length(pattern, open); len > 0) {
            names.emplace(pattern.substr(open + 1, len));
        }
    }
    return names;
}

Result<Catalogue> Catalogue::load_directory(const std::filesystem::path& dir) {
    std::error_code ec;
    std::filesystem::directory_iterator it(dir, ec);
    if (ec) {
        return make_error("i18n.io", "cannot list " + dir.string() + ": " + ec.message());
    }
    std::map<std::string, PoFile> files;
    for (const auto& item : it) {
        const auto& path = item.path();
        if (path.extension() != ".po" || !item.is_regular_file()) {
            continue;
        }
        auto file = read_po_file(path);
        if (!file) {
            return file.error();
        }
        files.emplace(path.stem().string(), std::move(file).value());
    }
    // Parts under construction: <dir>/<part>/<lang>.po add their entries to <lang>.po's, so
    // several people can add keys at once without editing one file; they are merged into
    // <lang>.po (msgcat) before a release. A key in two files is an error.
    for (const auto& sub : std::filesystem::directory_iterator(dir, ec)) {
        if (!sub.is_directory()) {
            continue;
        }
        for (const auto& item : std::filesystem::directory_iterator(sub.path(), ec)) {
            const auto& path = item.path();
            const auto base = files.find(path.stem().string());
            if (path.extension() != ".po" || base == files.end()) {
                continue;
            }
            auto part = read_po_file(path);
            if (!part) {
                return part.error();
            }
            for (auto& entry : part.value().entries) {
                if (base->second.find(entry.id) != nullptr) {
                    return catalogue_error(path.string() + ": \"" + entry.id + "\" is already in " +
                                           base->second.name);
                }
                base->second.entries.push_back(std::move(entry));
            }
        }
    }
    return from_files(std::move(files));
}

Result<Catalogue> Catalogue::from_files(std::map<std::string, PoFile> files) {
    if (files.find(std::string(kSourceLanguage)) == files.end()) {
        return catalogue_error("no catalogue for the source language \"" +
                               std::string(kSourceLanguage) + "\"");
    }
    Catalogue catalogue;
    for (auto& [code, file] : files) {
        const auto forms = file.header_field("Plural-Forms");
        if (!forms) {
            return make_error("i18n.plural_forms", file.name + ": header has no Plural-Forms");
        }
        auto rule = PluralRule::parse(*forms);
        if (!rule) {
            return make_error("i18n.plural_forms", file.name + ": " + rule.error().message);
        }
        Language language;
        language.plural = std::move(rule).value();
        for (auto& entry : file.entries) {
            if (entry.context) {
                continue;  // keys are context-free; msgctxt entries are not ours
            }
            if (entry.plural() && entry.strings.size() != language.plural.nplurals()) {
                return catalogue_error(file.name + ":" + std::to_string(entry.line) + ": \"" +
                                       entry.id + "\" has " + std::to_string(entry.strings.size()) +
                                       " plural forms, the language has " +
                                       std::to_string(language.plural.nplurals()));
            }
            if (!entry.translated()) {
                continue;
            }
            language.messages.emplace(std::move(entry.id), Message{std::move(entry.strings)});
        }
        catalogue.languages_.emplace(code, std::move(language));
    }
    return catalogue;
}

const Catalogue::Message* Catalogue::lookup(std::string_view lang, std::string_view key) const {
    const auto language = languages_.find(lang);
    if (language == languages_.end()) {
        return nullptr;
    }
    const auto message = language->second.messages.find(key);
    return message == language->second.messages.end() ? nullptr : &message->second;
}

const std::string& Catalogue::missing(std::string_view lang, std::string_view key) const {
    std::lock_guard lock(missing_->mutex);
    auto it = missing_->keys.find(key);
    if (it == missing_->keys.end()) {
        it = missing_->keys.emplace(key).first;
        const std::string line = "i18n: missing key \"" + std::string(key) + "\" (asked in \"" +
                                 std::string(lang) + "\")";
        if (missing_->sink) {
            missing_->sink(line);
        } else {
            std::cerr << line << '\n';
        }
    }
    return *it;  // std::set nodes do not move, so the reference stays valid
}

const std::string& Catalogue::tr(std::string_view lang, std::string_view key) const {
    if (const auto* m = lookup(lang, key)) {
        return m->forms.front();
    }
    if (const auto* m = lookup(kSourceLanguage, key)) {
        return m->forms.front();
    }
    return missing(lang, key);
}

const std::string& Catalogue::trn(std::string_view lang, std::string_view key,
                                  std::uint64_t n) const {
    for (const auto code : {lang, kSourceLanguage}) {
        const auto* m = lookup(code, key);
        if (m == nullptr) {
            continue;
        }
        if (m->forms.size() == 1) {
            return m->forms.front();  // a singular entry used with a count: one text fits all
        }
        const auto index = languages_.find(code)->second.plural.index(n);
        return m->forms[index];
    }
    return missing(lang, key);
}

bool Catalogue::has_translation(std::string_view lang, std::string_view key) const {
    return lookup(lang, key) != nullptr;
}

std::vector<std::string> Catalogue::languages() const {
    std::vector<std::string> codes;
    for (const auto& [code, language] : languages_) {
        codes.push_back(code);
    }
    return codes;
}

bool Catalogue::has_language(std::string_view lang) const {
    return languages_.find(lang) != languages_.end();
}

const PluralRule* Catalogue::plural_rule(std::string_view lang) const {
    const auto it = languages_.find(lang);
    return it == languages_.end() ? nullptr : &it->second.plural;
}

void Catalogue::set_log_sink(LogSink sink) {
    std::lock_guard lock(missing_->mutex);
    missing_->sink = std::move(sink);
}

Translator Catalogue::translator(std::string_view lang, DigitSettings digits) const {
    return Translator(*this, std::string(lang), digits);
}

Translator::Translator(const Catalogue& catalogue, std::string lang, DigitSettings digits)
    : catalogue_(&catalogue), lang_(std::move(lang)), digits_(digits) {}

const std::string& Translator::operator()(std::string_view key) const {
    return catalogue_->tr(lang_, key);
}

const std::string& Translator::plural(std::string_view key, std::uint64_t n) const {
    return catalogue_->trn(lang_, key, n);
}

std::string Translator::format(std::string_view key, std::initializer_list<FormatArg> args) const {
    return i18n::format((*this)(key), args);
}

std::string Translator::count_text(std::string_view key, std::int64_t n,
                                   std::string_view count_name,
                                   std::initializer_list<FormatArg> more) const {
    // Plural rules are defined on the magnitude; gettext takes an unsigned count.
    const auto magnitude =
        n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
    std::vector<FormatArg> args(more.begin(), more.end());
    args.push_back(FormatArg{count_name, count(n)});
    return i18n::format(plural(key, magnitude), args);
}

std::string Translator::count(std::int64_t n) const {
    return format_count(n, lang_, digits_.counts);
}

std::string Translator::code(std::string_view text) const {
    return localize_digits(text, lang_, digits_.codes);
}

std::function<std::string(std::string_view)> Translator::as_function() const {
    return [self = *this](std::string_view key) { return std::string(self(key)); };
}

}  // namespace kiosk::i18n
