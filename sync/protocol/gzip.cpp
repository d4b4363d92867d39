// zlib wrappers: deflate with the gzip header (windowBits 15 + 16), inflate in fixed-size steps
// so the output limit is checked before memory is spent.
#include "sync/protocol/gzip.hpp"

#include <zlib.h>

#include <array>
#include <cassert>
#include <limits>
#include <memory>
#include <vector>

namespace kiosk::sync {
namespace {

constexpr int kGzipWindowBits = 15 + 16;  // 32 KiB window, gzip wrapper
constexpr int kRawWindowBits = -15;       // 32 KiB window, no wrapper
constexpr std::size_t kStep = 16 * 1024;

Bytef* in_ptr(std::string_view data) {
    // zlib's API is not const-correct; it never writes through next_in.
    return reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
}

// deflateInit2 allocates ~400 KiB of state (window, hash chains, pending buffer: memLevel 9) and
// clears its hash table in fresh pages; for a 1 KiB record that set-up cost more than the
// compression itself. So each thread keeps the streams it has used, one per (level, window),
// and resets them between uses: deflateReset leaves a stream as deflateInit2 made it, so the
// output is the same bytes. The memory is held until the thread ends.
class DeflateStreams {
  public:
    DeflateStreams() = default;
    DeflateStreams(const DeflateStreams&) = delete;
    DeflateStreams& operator=(const DeflateStreams&) = delete;
    ~DeflateStreams() {
        for (auto& kept : kept_) {
            deflateEnd(kept.stream.get());
        }
    }

    // A stream ready for new input (z_stream must not move once initialised: its state points
    // back at it, hence the unique_ptr).
    z_stream& get(int level, int window_bits) {
        for (auto& kept : kept_) {
            if (kept.level == level && kept.window_bits == window_bits) {
                const int reset = deflateReset(kept.stream.get());
                assert(reset == Z_OK && "deflateReset on a stream of ours failed");
                (void)reset;
                return *kept.stream;
            }
        }
        auto stream = std::make_unique<z_stream>();
        const int init =
            deflateInit2(stream.get(), level, Z_DEFLATED, window_bits, 9, Z_DEFAULT_STRATEGY);
        assert(init == Z_OK && "deflateInit2 failed (out of memory?)");
        (void)init;
        kept_.push_back(Kept{level, window_bits, std::move(stream)});
        return *kept_.back().stream;
    }

  private:
    struct Kept {
        int level;
        int window_bits;
        std::unique_ptr<z_stream> stream;
    };
    std::vector<Kept> kept_;
};

thread_local DeflateStreams t_deflate_streams;

std::string deflate_with(std::string_view data, int level, int window_bits,
                         std::string_view dictionary) {
    assert(level >= 1 && level <= 9 && "deflate level must be 1..9");
    assert(data.size() <= std::numeric_limits<uInt>::max() && "gzip input over 4 GiB");
    z_stream& zs = t_deflate_streams.get(level, window_bits);
    if (!dictionary.empty()) {
        deflateSetDictionary(&zs, reinterpret_cast<const Bytef*>(dictionary.data()),
                             static_cast<uInt>(dictionary.size()));
    }
    std::string out(deflateBound(&zs, static_cast<uLong>(data.size())), '\0');
    zs.next_in = in_ptr(data);
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    assert(rc == Z_STREAM_END && "deflateBound was not enough");
    (void)rc;
    out.resize(zs.total_out);
    return out;
}

Result<std::string> inflate_with(std::string_view data, std::size_t max_output, int window_bits,
                                 std::string_view dictionary) {
    if (data.size() > std::numeric_limits<uInt>::max()) {
        return make_error("gzip.too_large", "compressed input over 4 GiB");
    }
    z_stream zs{};
    if (inflateInit2(&zs, window_bits) != Z_OK) {
        return make_error("gzip.corrupt", "cannot start the decompressor");
    }
    // A raw stream takes its dictionary up front (a zlib stream would ask for it).
    if (!dictionary.empty() &&
        inflateSetDictionary(&zs, reinterpret_cast<const Bytef*>(dictionary.data()),
                             static_cast<uInt>(dictionary.size())) != Z_OK) {
        inflateEnd(&zs);
        return make_error("gzip.corrupt", "cannot set the dictionary");
    }
    zs.next_in = in_ptr(data);
    zs.avail_in = static_cast<uInt>(data.size());
    std::string out;
    std::array<char, kStep> buf{};
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        zs.next_out = reinterpret_cast<Bytef*>(buf.data());
        zs.avail_out = static_cast<uInt>(buf.size());
        rc = inflate(&zs, Z_NO_FLUSH);
        const std::size_t produced = buf.size() - zs.avail_out;
        if (rc != Z_OK && rc != Z_STREAM_END) {
            inflateEnd(&zs);
            return make_error("gzip.corrupt", "invalid or truncated gzip data");
        }
        if (out.size() + produced > max_output) {
            inflateEnd(&zs);
            return make_error("gzip.too_large",
                              "decompressed size exceeds " + std::to_string(max_output) + " bytes");
        }
        out.append(buf.data(), produced);
        if (rc == Z_OK && produced == 0 && zs.avail_in == 0) {
            inflateEnd(&zs);
            return make_error("gzip.corrupt", "truncated gzip data");
        }
    }
    const bool trailing = zs.avail_in != 0;
    inflateEnd(&zs);
    if (trailing) {
        return make_error("gzip.corrupt", "bytes after the end of the gzip stream");
    }
    return out;
}

}  // namespace

std::string gzip_compress(std::string_view data, int level) {
    return deflate_with(data, level, kGzipWindowBits, {});
}

Result<std::string> gzip_decompress(std::string_view data, std::size_t max_output) {
    return inflate_with(data, max_output, kGzipWindowBits, {});
}

std::string deflate_raw(std::string_view data, std::string_view dictionary, int level) {
    return deflate_with(data, level, kRawWindowBits, dictionary);
}

Result<std::string> inflate_raw(std::string_view data, std::string_view dictionary,
                                std::size_t max_output) {
    return inflate_with(data, max_output, kRawWindowBits, dictionary);
}

bool looks_gzipped(std::string_view data) {
    return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
           static_cast<unsigned char>(data[1]) == 0x8b;
}

}  // namespace kiosk::sync
