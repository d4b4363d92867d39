// Picks the store implementation from the --db argument; the writes every store shares.
#include "sync/server/store.hpp"

namespace kiosk::sync {

Result<std::unique_ptr<ServerStore>> open_store(const std::string& url) {
    if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
        return open_pg_store(url);
    }
    if (url.empty()) {
        return make_error("store.open", "--db needs a SQLite path or a postgresql:// URL");
    }
    return open_sqlite_store(url);
}

Status ServerStore::write_offer(FeedWrite write) {
    const std::string id = write.offer_id;
    auto changed = write_offers({std::move(write)});
    if (!changed) {
        return changed.error();
    }
    if (!changed->at(0)) {
        return make_error("store.unknown_offer", "no published offer " + id);
    }
    return Ok{};
}

}  // namespace kiosk::sync
