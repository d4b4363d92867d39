// XDG data directory lookup and creation.
#include "platform/paths.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <system_error>

namespace kiosk::platform {

namespace fs = std::filesystem;

Result<fs::path> data_dir_from(const char* xdg_data_home, const char* home) {
    // The XDG spec says relative values are invalid and must be ignored.
    if (xdg_data_home != nullptr && fs::path(xdg_data_home).is_absolute()) {
        return fs::path(xdg_data_home) / "kiosk";
    }
    if (home != nullptr && fs::path(home).is_absolute()) {
        return fs::path(home) / ".local" / "share" / "kiosk";
    }
    return make_error("platform.no_home",
                      "neither XDG_DATA_HOME nor HOME is an absolute path; pass --data-dir");
}

Result<fs::path> default_data_dir() {
    return data_dir_from(std::getenv("XDG_DATA_HOME"), std::getenv("HOME"));
}

Status ensure_private_dir(const fs::path& dir) {
    std::error_code ec;
    const bool created = fs::create_directories(dir, ec);
    if (ec) {
        return make_error("platform.data_dir",
                          "cannot create " + dir.string() + ": " + ec.message());
    }
    if (!fs::is_directory(dir, ec)) {
        return make_error("platform.data_dir", dir.string() + " is not a directory");
    }
    // Registrations are personal data: a directory we make is the kiosk user's alone. One that
    // already exists (staff chose it) keeps the permissions staff gave it.
    if (!created) {
        return Ok{};
    }
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
    if (ec) {
        return make_error("platform.data_dir",
                          "cannot restrict permissions of " + dir.string() + ": " + ec.message());
    }
    return Ok{};
}

Status write_text_file(const fs::path& path, std::string_view content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) {
        return make_error("platform.write",
                          "cannot write " + path.string() + ": " + std::strerror(errno));
    }
    return Ok{};
}

}  // namespace kiosk::platform
