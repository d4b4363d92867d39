// stderr logger: one write per line so lines from several threads do not interleave mid-line.
#include "platform/log.hpp"

#include <cstdio>
#include <string>

namespace kiosk::platform {

namespace {
std::string_view level_name(LogLevel level) {
    switch (level) {
        case LogLevel::Info:
            return "info";
        case LogLevel::Warn:
            return "warn";
        case LogLevel::Error:
            return "error";
    }
    return "?";
}
}  // namespace

void log(LogLevel level, std::string_view area, std::string_view message) {
    std::string line = "kiosk: ";
    line += level_name(level);
    line += ' ';
    line += area;
    line += ": ";
    line += message;
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace kiosk::platform
