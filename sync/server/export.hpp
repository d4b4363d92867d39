// `kiosk-central export`: the registrations and interests the server holds, opened with its
// secret key, as CSV or JSON for staff at the central office.
#pragma once

#include <ostream>

#include "kiosk/core/result.hpp"
#include "sync/protocol/envelope.hpp"
#include "sync/server/store.hpp"

namespace kiosk::sync {

enum class ExportFormat { csv, json };

// Writes every record to out. A record that cannot be opened is named (by id only) on err and
// skipped; the result is then "export.partial" after everything else was written.
// CSV: fixed columns, then one column per top-level data field (union over all records, sorted);
// cells that a spreadsheet would run as a formula are prefixed with a quote.
// JSON: one array of objects {record_id, kind, device_id, centre, schema, consent_version,
// created_at_device, received_at, data}.
// Interests are listed with their job and registration: their data gains job_title (English,
// else the first language), job_employer, job_city, job_state ("published", "withdrawn",
// "unknown"), registration_found, registration_record_id, registration_name, and the
// registration's reference_code when the interest named it by record id. A registration is found
// by the record id an interest names, else by its reference code (registrations of schema 2 and
// later carry it). Costs one more pass that opens the registrations, and a read of the feed.
Status export_records(ServerStore& store, const BoxKeyPair& keys, ExportFormat format,
                      std::ostream& out, std::ostream& err);

}  // namespace kiosk::sync
