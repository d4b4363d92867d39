// A tiny logger to stderr for the kiosk process. Messages are fixed texts, error codes, counts
// and record ids only: never names, contact details or anything a person typed (DESIGN.md,
// "Privacy and security"). Callers pass what they mean to log; nothing is formatted from user
// data here.
#pragma once

#include <string_view>

namespace kiosk::platform {

enum class LogLevel { Info, Warn, Error };

// Writes one line "kiosk: <level> <area>: <message>" to stderr.
void log(LogLevel level, std::string_view area, std::string_view message);

inline void log_info(std::string_view area, std::string_view message) {
    log(LogLevel::Info, area, message);
}
inline void log_warn(std::string_view area, std::string_view message) {
    log(LogLevel::Warn, area, message);
}
inline void log_error(std::string_view area, std::string_view message) {
    log(LogLevel::Error, area, message);
}

}  // namespace kiosk::platform
