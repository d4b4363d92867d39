// kiosk-central's HTTP front: the /v1 endpoints over a ServerStore (DESIGN.md, "Sync protocol"),
// and the staff API for job offers under /v1/admin/jobs.
// Stateless over its database: every request reads what it needs (including the epoch), so
// several processes can serve one PostgreSQL database.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/result.hpp"
#include "sync/protocol/envelope.hpp"
#include "sync/server/store.hpp"

namespace kiosk::sync {

// The staff API for job offers (sync/README.md, docs/job-offers.md): POST .../import and
// .../expire, GET the list or .../ID, DELETE .../ID. Admin tokens only.
inline constexpr std::string_view kPathAdminJobs = "/v1/admin/jobs";

struct ServerConfig {
    std::size_t threads = 0;  // 0: two per core, at least four (handlers wait on the database)
    std::size_t max_request_bytes = kMaxRequestBytes;  // on the wire; larger → 413
    std::size_t max_body_bytes = kMaxBodyBytes;        // after gunzip; larger → 413
    std::chrono::seconds read_timeout{10};
    std::chrono::seconds write_timeout{10};
    int retry_after_seconds = 5;  // sent with 503 when the database is busy or away
};

class CentralServer {
  public:
    // store, keys and clock must outlive the server.
    CentralServer(ServerStore& store, const BoxKeyPair& keys, const Clock& clock,
                  ServerConfig config = {});
    ~CentralServer();
    CentralServer(const CentralServer&) = delete;
    CentralServer& operator=(const CentralServer&) = delete;

    // Binds host:port (port 0 picks a free one) and returns the port. Errors: "server.bind".
    Result<int> bind(const std::string& host, int port);
    // Serves until stop(); call after bind(), from one thread.
    void run();
    // Safe from any thread (not from a signal handler).
    void stop();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kiosk::sync
