// The PostgreSQL side of the sync benchmarks: a fresh database in a running cluster, named by
// $KIOSK_PG_URL (an admin URL, as the pg.* tests take), dropped when the benchmark ends. With no
// cluster the PostgreSQL benchmarks skip with the reason. To run them:
//   bash tests/sync/pg/cluster.sh start /tmp/kiosk-pg-bench
//   KIOSK_PG_URL=$(cat /tmp/kiosk-pg-bench/url) build/perf/tests/bench/sync_server_bench
//   bash tests/sync/pg/cluster.sh stop /tmp/kiosk-pg-bench
// (cluster.sh starts PostgreSQL with fsync=off: its commits cost no disk flush, unlike SQLite's.)
#pragma once

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <pqxx/pqxx>
#include <string>

#include "sync/protocol/encoding.hpp"

namespace kiosk::sync::bench {

inline constexpr const char* kNoPgCluster =
    "KIOSK_PG_URL is not set: start a cluster (bash tests/sync/pg/cluster.sh start DIR) and run "
    "with KIOSK_PG_URL=$(cat DIR/url)";

class PgDatabase {
  public:
    // Skips `state` with the reason when there is no cluster or the database cannot be made.
    explicit PgDatabase(benchmark::State& state) {
        const char* admin = std::getenv("KIOSK_PG_URL");
        if (admin == nullptr || *admin == '\0') {
            state.SkipWithError(kNoPgCluster);
            return;
        }
        admin_ = admin;
        const std::string name = "kb_" + random_id();
        try {
            pqxx::connection c(admin_);
            pqxx::nontransaction n(c);
            n.exec("CREATE DATABASE " + name);
        } catch (const std::exception& e) {
            state.SkipWithError(
                ("cannot create a database in $KIOSK_PG_URL: " + std::string(e.what())).c_str());
            return;
        }
        url_ = admin_.substr(0, admin_.rfind('/') + 1) + name;
        name_ = name;
    }
    ~PgDatabase() {
        if (name_.empty()) {
            return;
        }
        try {
            pqxx::connection c(admin_);
            pqxx::nontransaction n(c);
            n.exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
        } catch (const std::exception&) {
            // A leftover database in a throwaway cluster is harmless.
        }
    }
    PgDatabase(const PgDatabase&) = delete;
    PgDatabase& operator=(const PgDatabase&) = delete;

    bool ok() const { return !url_.empty(); }
    const std::string& url() const { return url_; }

  private:
    std::string admin_;
    std::string name_;
    std::string url_;
};

}  // namespace kiosk::sync::bench
