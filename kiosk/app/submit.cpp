// Sealing and storing a registration (see submit.hpp).
#include "kiosk/app/submit.hpp"

#include <vector>

#include "kiosk/core/reference_code.hpp"
#include "kiosk/store/registrations.hpp"
#include "sync/client/client.hpp"
#include "sync/protocol/envelope.hpp"

namespace kiosk::app {

namespace {

template <typename Enum>
nlohmann::json enum_or_null(const std::optional<Enum>& value) {
    return value ? nlohmann::json(std::string(core::to_string(*value))) : nlohmann::json(nullptr);
}

nlohmann::json int_or_null(const std::optional<int>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// Reference codes are random; on this kiosk they must also be unique. A clash in 2^40 is
// unlikely but possible, so a duplicate is retried with a new code a few times.
constexpr int kCodeAttempts = 5;

// A record sealed to the server's key, ready for the store.
struct Sealed {
    std::string record_id;
    std::vector<std::uint8_t> body;
};

// Seals `data` as a record of `kind` made by this kiosk, under a new record id (or `record_id`
// when given: a registration is sealed again with each reference code it tries).
Result<Sealed> seal_record(store::Database& db, std::string_view kind, std::uint32_t schema,
                           std::string_view consent_version, nlohmann::json data,
                           std::string_view server_public_key, std::string record_id) {
    if (server_public_key.empty()) {
        return make_error("app.no_server_key",
                          "no server.pub is installed: records cannot be sealed");
    }
    auto identity = sync::client::ensure_identity(db);
    if (!identity) {
        return identity.error();
    }
    sync::RecordContent content;
    content.record_id = std::move(record_id);
    content.device_id = identity.value().device_id;
    content.kind = std::string(kind);
    content.schema = schema;
    content.consent_version = std::string(consent_version);
    content.data = std::move(data);
    auto sealed = sync::seal_content(content, server_public_key);
    if (!sealed) {
        return sealed.error();
    }
    return Sealed{std::move(content.record_id),
                  std::vector<std::uint8_t>(sealed.value().begin(), sealed.value().end())};
}

}  // namespace

nlohmann::json registration_json(const core::Registration& reg, std::string_view reference_code) {
    nlohmann::json languages = nlohmann::json::array();
    for (const auto& l : reg.languages) {
        languages.push_back({{"code", l.code},
                             {"spoken", enum_or_null(l.spoken)},
                             {"written", enum_or_null(l.written)}});
    }
    nlohmann::json occupations = nlohmann::json::array();
    for (const auto& o : reg.occupations) {
        occupations.push_back({{"catalogue_id", o.catalogue_id}, {"free_text", o.free_text}});
    }
    nlohmann::json work = nlohmann::json::array();
    for (const auto& w : reg.work_history) {
        work.push_back({{"country", w.country},
                        {"from_year", int_or_null(w.from_year)},
                        {"ongoing", w.ongoing},
                        {"role", w.role},
                        {"to_year", int_or_null(w.to_year)}});
    }
    nlohmann::json learning = nlohmann::json::array();
    for (const auto& p : reg.prior_learning) {
        learning.push_back({{"description", p.description}, {"has_documents", p.has_documents}});
    }
    return {
        {"given_name", reg.given_name},
        {"family_name", reg.family_name},
        {"phone",
         {{"calling_code", reg.phone.calling_code},
          {"national_number", reg.phone.national_number}}},
        {"email", reg.email},
        {"year_of_birth", int_or_null(reg.year_of_birth)},
        {"gender", enum_or_null(reg.gender)},
        {"nationality", reg.nationality},
        {"city", reg.city},
        {"languages", languages},
        {"education",
         {{"isced_level", int_or_null(reg.education.isced_level)},
          {"isced_field", reg.education.isced_field}}},
        {"occupations", occupations},
        {"work_history", work},
        {"prior_learning", learning},
        {"availability",
         {{"when", enum_or_null(reg.availability.when)},
          {"hours", enum_or_null(reg.availability.hours)}}},
        {"work_permit", enum_or_null(reg.work_permit)},
        {"preferences",
         {{"sectors", reg.preferences.sectors},
          {"hours", enum_or_null(reg.preferences.hours)},
          {"cities", reg.preferences.cities}}},
        {"consent_version", reg.consent_version},
        {"consent_unix_seconds", reg.consent_unix_seconds},
        {"staff_assisted", reg.staff_assisted},
        {"staff_id", reg.staff_id},
        {"reference_code", reference_code},
    };
}

nlohmann::json interest_json(const InterestContent& interest) {
    const core::PendingInterest& link = interest.link;
    return {
        {"job_id", link.job_id},
        {"registration_id", link.registration_id.empty() ? nlohmann::json(nullptr)
                                                         : nlohmann::json(link.registration_id)},
        {"reference_code", link.reference_code},
        {"language", interest.language},
        {"staff_assisted", interest.staff_assisted},
        {"staff_id", interest.staff_id},
    };
}

Result<SavedRegistration> store_registration(store::Database& db, const core::Registration& reg,
                                             std::string_view server_public_key,
                                             core::Random& random, std::int64_t unix_now) {
    const std::string record_id = core::RecordId::generate(random).to_hex();
    store::NewRegistration row;
    row.record_id = record_id;
    row.created_at_device = unix_now;
    row.consent_version = reg.consent_version;
    row.staff_assisted = reg.staff_assisted;
    if (reg.staff_assisted) {
        row.staff_id = reg.staff_id;
    }
    row.schema = static_cast<int>(kRegistrationSchema);
    for (int attempt = 1;; ++attempt) {
        // The code is inside the sealed data, so each code tried is sealed anew.
        const core::ReferenceCode code = core::ReferenceCode::generate(random);
        auto sealed =
            seal_record(db, "registration", kRegistrationSchema, reg.consent_version,
                        registration_json(reg, code.canonical()), server_public_key, record_id);
        if (!sealed) {
            return sealed.error();
        }
        row.reference_code = code.canonical();
        row.body = std::move(sealed.value().body);
        auto receipt = store::submit_registration(db, row);
        if (receipt) {
            return SavedRegistration{code.display(), record_id};
        }
        if (receipt.error().code != "store.duplicate" || attempt == kCodeAttempts) {
            return receipt.error();
        }
    }
}

Result<std::string> store_interest(store::Database& db, const InterestContent& interest,
                                   std::string_view consent_version,
                                   std::string_view server_public_key, core::Random& random,
                                   std::int64_t unix_now) {
    auto sealed =
        seal_record(db, "interest", kInterestSchema, consent_version, interest_json(interest),
                    server_public_key, core::RecordId::generate(random).to_hex());
    if (!sealed) {
        return sealed.error();
    }
    store::NewInterest row;
    row.record_id = sealed.value().record_id;
    row.job_id = interest.link.job_id;
    if (!interest.link.registration_id.empty()) {
        row.registration_id = interest.link.registration_id;
    }
    row.created_at_device = unix_now;
    row.schema = static_cast<int>(kInterestSchema);
    row.body = std::move(sealed.value().body);
    auto receipt = store::submit_interest(db, row);
    if (!receipt) {
        return receipt.error();
    }
    return row.record_id;
}

}  // namespace kiosk::app
