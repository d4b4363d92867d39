// Picks the store implementation from the --db argument.
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

}  // namespace kiosk::sync
