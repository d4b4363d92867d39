// Writing records: a registration (its local receipt row + its outbox entry, one transaction) and
// any other kind of record (outbox entry only). Success is returned only after COMMIT returned OK,
// so the kiosk never tells a person "saved" for something that is not on disk.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/result.hpp"
#include "kiosk/store/database.hpp"
#include "kiosk/store/outbox.hpp"

namespace kiosk::store {

// A record id is 128 random bits written as 32 lowercase hex characters (made by the caller).
bool is_valid_record_id(std::string_view id);

// Bodies larger than this are refused (store.invalid_argument): a sealed registration is a few
// KiB, and one huge record would only be rejected by the server after clogging every batch.
inline constexpr std::size_t kMaxBodyBytes = 1024 * 1024;

struct NewRegistration {
    std::string record_id;
    std::string reference_code;          // what the person is given; unique on this kiosk
    std::int64_t created_at_device = 0;  // unix seconds, recorded only
    std::string consent_version;
    bool staff_assisted = false;
    std::optional<std::string> staff_id;  // only when staff_assisted
    int schema = 0;                       // body format version, >= 1
    std::vector<std::uint8_t> body;       // the sealed personal data; never stored elsewhere
};

struct SubmitReceipt {
    std::string record_id;
    std::int64_t device_seq = 0;
};

// Writes the registration row and its outbox entry (kind "registration", queued, next
// device_seq) in one BEGIN IMMEDIATE transaction. Errors (nothing written): store.invalid_argument
// (bad record id, empty reference code/consent version/body, body over kMaxBodyBytes, schema < 1,
// staff id without staff assistance), store.duplicate (record id or reference code already used),
// store.io, store.busy.
Result<SubmitReceipt> submit_registration(Database& db, const NewRegistration& registration);

struct NewInterest {
    std::string record_id;
    std::string job_id;                          // the offer, as the change feed named it
    std::optional<std::string> registration_id;  // when the registration was saved here
    std::int64_t created_at_device = 0;          // unix seconds, recorded only
    int schema = 0;                              // body format version, >= 1
    std::vector<std::uint8_t> body;              // sealed: the link to the person is only here
};

// Writes the interest's receipt row and its outbox entry (kind "interest") in one BEGIN
// IMMEDIATE transaction. Errors (nothing written): store.invalid_argument (bad record id or
// registration id, empty job id, empty or oversize body, schema < 1), store.duplicate, store.io,
// store.busy.
Result<SubmitReceipt> submit_interest(Database& db, const NewInterest& interest);

// Interests queued or sent from this kiosk for `job_id` (the receipts; for staff and tests).
Result<std::int64_t> count_interests(Database& db, std::string_view job_id);

// Queues a record of another kind ("interest", ...) in its own transaction. Registrations must go
// through submit_registration, interests through submit_interest (refused here with
// store.invalid_argument). Same errors otherwise.
Result<SubmitReceipt> enqueue_record(Database& db, std::string_view kind,
                                     std::string_view record_id, int schema,
                                     std::int64_t created_at_device,
                                     std::span<const std::uint8_t> body);

// The local receipt, for staff looking up a reference code.
struct RegistrationInfo {
    std::string record_id;
    std::string reference_code;
    std::int64_t created_at_device = 0;
    std::string consent_version;
    bool staff_assisted = false;
    std::optional<std::string> staff_id;
    // Where its outbox entry is: Acked while kept for a server restore, nullopt once purged.
    std::optional<OutboxState> outbox_state;
};

// nullopt when no registration has this reference code.
Result<std::optional<RegistrationInfo>> find_registration_by_reference(Database& db,
                                                                       std::string_view code);

}  // namespace kiosk::store
