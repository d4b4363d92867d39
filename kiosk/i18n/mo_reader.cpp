// .mo parsing. Every offset and length in the file is checked against its size before use: the
// files come from the system, but a truncated or damaged one must give an error, not a crash.
#include "kiosk/i18n/mo_reader.hpp"

#include <cstdint>

#include "kiosk/i18n/po_parser.hpp"

namespace kiosk::i18n {

namespace {

constexpr std::uint32_t kMagic = 0x950412de;
constexpr std::uint32_t kMagicSwapped = 0xde120495;

class Bytes {
  public:
    Bytes(std::string_view data, bool big_endian) : data_(data), big_(big_endian) {}

    bool u32(std::size_t offset, std::uint32_t& out) const {
        if (offset > data_.size() || data_.size() - offset < 4) {
            return false;
        }
        std::uint32_t v = 0;
        for (std::size_t i = 0; i < 4; ++i) {
            const auto b = static_cast<std::uint32_t>(
                static_cast<unsigned char>(data_[offset + (big_ ? i : 3 - i)]));
            v = (v << 8) | b;
        }
        out = v;
        return true;
    }

    // The string described by the (length, offset) pair at `entry`.
    bool string_at(std::size_t entry, std::string_view& out) const {
        std::uint32_t length = 0;
        std::uint32_t offset = 0;
        if (!u32(entry, length) || !u32(entry + 4, offset)) {
            return false;
        }
        if (offset > data_.size() || data_.size() - offset < length) {
            return false;
        }
        out = data_.substr(offset, length);
        return true;
    }

  private:
    std::string_view data_;
    bool big_;
};

Error mo_error(std::string_view name, std::string_view what) {
    return make_error("i18n.mo_format", std::string(name) + ": " + std::string(what));
}

}  // namespace

Result<MoCatalogue> MoCatalogue::parse(std::string_view bytes, std::string_view name) {
    if (bytes.size() < 28) {
        return mo_error(name, "too short for a .mo header");
    }
    std::uint32_t magic = 0;
    Bytes le(bytes, false);
    (void)le.u32(0, magic);
    bool big_endian = false;
    if (magic == kMagicSwapped) {
        big_endian = true;
    } else if (magic != kMagic) {
        return mo_error(name, "not a .mo file (bad magic number)");
    }
    const Bytes in(bytes, big_endian);
    std::uint32_t revision = 0;
    std::uint32_t count = 0;
    std::uint32_t originals = 0;
    std::uint32_t translations = 0;
    (void)in.u32(4, revision);
    (void)in.u32(8, count);
    (void)in.u32(12, originals);
    (void)in.u32(16, translations);
    if ((revision >> 16) > 1) {  // major revisions 0 and 1 share this layout
        return mo_error(name, "unsupported .mo revision " + std::to_string(revision >> 16));
    }

    MoCatalogue catalogue;
    for (std::uint32_t i = 0; i < count; ++i) {
        std::string_view original;
        std::string_view translation;
        if (!in.string_at(std::size_t{originals} + std::size_t{i} * 8, original) ||
            !in.string_at(std::size_t{translations} + std::size_t{i} * 8, translation)) {
            return mo_error(name, "string table entry " + std::to_string(i) + " out of bounds");
        }
        // Plural entries store "msgid\0msgid_plural" and "form0\0form1..."; keep the singular.
        original = original.substr(0, original.find('\0'));
        translation = translation.substr(0, translation.find('\0'));
        if (original.empty()) {
            catalogue.header_ = std::string(translation);
            continue;
        }
        catalogue.messages_.insert_or_assign(std::string(original), std::string(translation));
    }
    return catalogue;
}

Result<MoCatalogue> MoCatalogue::read(const std::filesystem::path& path) {
    auto bytes = read_file_bytes(path);
    if (!bytes) {
        return bytes.error();
    }
    return parse(bytes.value(), path.string());
}

const std::string* MoCatalogue::find(std::string_view msgid) const {
    const auto it = messages_.find(msgid);
    return it == messages_.end() || it->second.empty() ? nullptr : &it->second;
}

}  // namespace kiosk::i18n
