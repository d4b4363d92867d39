// Result<T>: the value of an operation that can fail in an expected way (validation, I/O,
// network, server rejection). Errors are values with a machine code and a message for humans;
// programming errors are asserts, not Results (see ../shared/DESIGN.md, "Errors").
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace kiosk {

struct Error {
    std::string code;     // stable, machine-readable: "store.newer_schema", "sync.http_413", ...
    std::string message;  // for humans (staff, logs); never personal data
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
    Result(Error error) : v_(std::move(error)) {}  // NOLINT: implicit by design

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & {
        assert(ok() && "Result::value() on an error");
        return std::get<0>(v_);
    }
    const T& value() const& {
        assert(ok() && "Result::value() on an error");
        return std::get<0>(v_);
    }
    T&& value() && {
        assert(ok() && "Result::value() on an error");
        return std::get<0>(std::move(v_));
    }
    const Error& error() const {
        assert(!ok() && "Result::error() on a value");
        return std::get<1>(v_);
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

private:
    std::variant<T, Error> v_;
};

// Result<void>: success carries nothing.
struct Ok {};
using Status = Result<Ok>;

inline Error make_error(std::string code, std::string message) {
    return Error{std::move(code), std::move(message)};
}

}  // namespace kiosk
