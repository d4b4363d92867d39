// Closed choices written as text (JSON values, CSV cells): an enum's names in a std::array
// indexed by the enum's value, read and written by the two functions here.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace kiosk::core {

// The name of `value`, or "" for a value outside the table (only a bad cast makes one;
// validation then reports it as a value like any other).
template <typename E, std::size_t N>
std::string_view name_of(E value, const std::array<std::string_view, N>& names) {
    const auto index = static_cast<long>(value);
    return index >= 0 && index < static_cast<long>(N) ? names[static_cast<std::size_t>(index)]
                                                      : std::string_view{};
}

// The value named `text` exactly, if there is one.
template <typename E, std::size_t N>
std::optional<E> parse_name(std::string_view text, const std::array<std::string_view, N>& names) {
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == text) {
            return static_cast<E>(i);
        }
    }
    return std::nullopt;
}

}  // namespace kiosk::core
