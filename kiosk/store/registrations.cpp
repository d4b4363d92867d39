// submit_registration, enqueue_record and the reference-code lookup (see registrations.hpp).
#include "kiosk/store/registrations.hpp"

#include <algorithm>

#include "kiosk/store/sqlite.hpp"

namespace kiosk::store {

namespace {

constexpr std::string_view kRegistrationKind = "registration";
constexpr std::string_view kInterestKind = "interest";
constexpr std::size_t kMaxKindLength = 32;

Error invalid(std::string message) {
    return make_error(errc::kInvalidArgument, std::move(message));
}

// Checks shared by every record kind, before anything touches the database.
Status validate_record(std::string_view kind, std::string_view record_id, int schema,
                       std::span<const std::uint8_t> body) {
    if (!is_valid_record_id(record_id)) {
        return invalid("record id must be 32 lowercase hex characters");
    }
    const bool kind_ok = !kind.empty() && kind.size() <= kMaxKindLength &&
                         std::all_of(kind.begin(), kind.end(),
                                     [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
    if (!kind_ok) {
        return invalid("record kind must be 1-32 characters a-z or _");
    }
    if (schema < 1) {
        return invalid("record " + std::string(record_id) + ": schema must be >= 1");
    }
    if (body.empty()) {
        return invalid("record " + std::string(record_id) + ": empty body");
    }
    if (body.size() > kMaxBodyBytes) {
        return invalid("record " + std::string(record_id) + ": body of " +
                       std::to_string(body.size()) + " bytes exceeds the limit of " +
                       std::to_string(kMaxBodyBytes));
    }
    return Ok{};
}

Status validate_registration(const NewRegistration& r) {
    if (auto ok = validate_record(kRegistrationKind, r.record_id, r.schema, r.body); !ok) {
        return ok;
    }
    if (r.reference_code.empty()) {
        return invalid("registration " + r.record_id + ": empty reference code");
    }
    if (r.consent_version.empty()) {
        return invalid("registration " + r.record_id + ": empty consent version");
    }
    if (r.staff_id && !r.staff_assisted) {
        return invalid("registration " + r.record_id + ": staff id given but not staff-assisted");
    }
    return Ok{};
}

Status validate_interest(const NewInterest& i) {
    if (auto ok = validate_record(kInterestKind, i.record_id, i.schema, i.body); !ok) {
        return ok;
    }
    if (i.job_id.empty()) {
        return invalid("interest " + i.record_id + ": empty job id");
    }
    if (i.registration_id && !is_valid_record_id(*i.registration_id)) {
        return invalid("interest " + i.record_id +
                       ": registration id must be 32 lowercase hex characters");
    }
    return Ok{};
}

// Adds which record failed to a store error (ids are random, never personal data).
Error about(std::string_view record_id, Error error) {
    error.message = "record " + std::string(record_id) + ": " + error.message;
    return error;
}

}  // namespace

bool is_valid_record_id(std::string_view id) {
    return id.size() == 32 && std::all_of(id.begin(), id.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

// The receipt row (written by `insert_receipt`) and the record's outbox entry, in one
// transaction: both are on disk, or neither.
template <typename InsertReceipt>
Result<SubmitReceipt> queue_with_receipt(Database& db, const NewOutboxRecord& record,
                                         InsertReceipt insert_receipt) {
    auto written = in_transaction<std::int64_t>(db, [&]() -> Result<std::int64_t> {
        if (auto inserted = insert_receipt(); !inserted) {
            return inserted.error();
        }
        return insert_queued_in_transaction(db, record);
    });
    if (!written) {
        return about(record.record_id, written.error());
    }
    return SubmitReceipt{std::string(record.record_id), *written};
}

Result<SubmitReceipt> submit_registration(Database& db, const NewRegistration& registration) {
    if (auto valid = validate_registration(registration); !valid) {
        return valid.error();
    }
    const NewOutboxRecord record{kRegistrationKind, registration.record_id, registration.schema,
                                 registration.created_at_device, registration.body};
    return queue_with_receipt(db, record, [&]() -> Status {
        auto insert = Statement::prepare(
            db.handle(),
            "INSERT INTO registrations (record_id, reference_code, created_at_device, "
            "consent_version, staff_assisted, staff_id) VALUES (?, ?, ?, ?, ?, ?)");
        if (!insert) {
            return insert.error();
        }
        insert->bind(1, std::string_view(registration.record_id))
            .bind(2, std::string_view(registration.reference_code))
            .bind(3, registration.created_at_device)
            .bind(4, std::string_view(registration.consent_version))
            .bind(5, std::int64_t{registration.staff_assisted ? 1 : 0})
            .bind_optional(6, registration.staff_id);
        return insert->run();
    });
}

Result<SubmitReceipt> enqueue_record(Database& db, std::string_view kind,
                                     std::string_view record_id, int schema,
                                     std::int64_t created_at_device,
                                     std::span<const std::uint8_t> body) {
    if (auto valid = validate_record(kind, record_id, schema, body); !valid) {
        return valid.error();
    }
    if (kind == kRegistrationKind || kind == kInterestKind) {
        return invalid(std::string(kind) + " records are queued with their receipt row (" +
                       (kind == kRegistrationKind ? "submit_registration" : "submit_interest") +
                       ")");
    }
    return queue_with_receipt(db, NewOutboxRecord{kind, record_id, schema, created_at_device, body},
                              []() -> Status { return Ok{}; });  // no receipt row of its own
}

Result<SubmitReceipt> submit_interest(Database& db, const NewInterest& interest) {
    if (auto valid = validate_interest(interest); !valid) {
        return valid.error();
    }
    const NewOutboxRecord record{kInterestKind, interest.record_id, interest.schema,
                                 interest.created_at_device, interest.body};
    return queue_with_receipt(db, record, [&]() -> Status {
        auto insert = Statement::prepare(db.handle(),
                                         "INSERT INTO interests (record_id, job_id, "
                                         "registration_id, created_at_device) VALUES (?, ?, ?, ?)");
        if (!insert) {
            return insert.error();
        }
        insert->bind(1, std::string_view(interest.record_id))
            .bind(2, std::string_view(interest.job_id))
            .bind_optional(3, interest.registration_id)
            .bind(4, interest.created_at_device);
        return insert->run();
    });
}

Result<std::int64_t> count_interests(Database& db, std::string_view job_id) {
    auto select =
        Statement::prepare(db.handle(), "SELECT count(*) FROM interests WHERE job_id = ?");
    if (!select) {
        return select.error();
    }
    select->bind(1, job_id);
    auto row = select->step();
    if (!row) {
        return row.error();
    }
    return select->column_int64(0);
}

Result<std::optional<RegistrationInfo>> find_registration_by_reference(Database& db,
                                                                       std::string_view code) {
    auto select = Statement::prepare(
        db.handle(),
        "SELECT r.record_id, r.reference_code, r.created_at_device, r.consent_version, "
        "r.staff_assisted, r.staff_id, o.state FROM registrations r "
        "LEFT JOIN outbox o ON o.record_id = r.record_id WHERE r.reference_code = ?");
    if (!select) {
        return select.error();
    }
    select->bind(1, code);
    auto row = select->step();
    if (!row) {
        return row.error();
    }
    if (!*row) {
        return std::optional<RegistrationInfo>{};
    }
    RegistrationInfo info;
    info.record_id = select->column_text(0);
    info.reference_code = select->column_text(1);
    info.created_at_device = select->column_int64(2);
    info.consent_version = select->column_text(3);
    info.staff_assisted = select->column_int64(4) != 0;
    info.staff_id = select->column_optional_text(5);
    if (!select->is_null(6)) {
        info.outbox_state = parse_outbox_state(select->column_text(6));
    }
    return std::optional<RegistrationInfo>{std::move(info)};
}

}  // namespace kiosk::store
