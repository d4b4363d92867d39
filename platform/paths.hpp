// Where the kiosk keeps its files, following the XDG base directory rules so one build runs
// unchanged for a developer, a test (with --data-dir) and the kiosk user under systemd.
#pragma once

#include <filesystem>
#include <string_view>

#include "kiosk/core/result.hpp"

namespace kiosk::platform {

// The kiosk's per-user data directory from the environment's values (pass nullptr for unset):
// $XDG_DATA_HOME/kiosk if XDG_DATA_HOME is an absolute path, else $HOME/.local/share/kiosk.
// Error "platform.no_home" when neither gives an absolute path. Pure: reads no environment.
Result<std::filesystem::path> data_dir_from(const char* xdg_data_home, const char* home);

// data_dir_from() with this process's environment.
Result<std::filesystem::path> default_data_dir();

// Creates `dir` (and parents) if missing, readable by the kiosk user only.
// Error "platform.data_dir" with the reason when it cannot be created or is not a directory.
Status ensure_private_dir(const std::filesystem::path& dir);

// Writes `content` to `path`, replacing it. Error "platform.write" with the reason.
Status write_text_file(const std::filesystem::path& path, std::string_view content);

}  // namespace kiosk::platform
