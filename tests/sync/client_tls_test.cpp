// sync_client's transport over TLS against a cpp-httplib HTTPS server on a random loopback port,
// with a throwaway self-signed certificate made by the openssl CLI: verification is on by
// default, a CA file makes the peer trusted, and a pinned public key must match.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <thread>

#include "server_support.hpp"
#include "sync/client/transport.hpp"
#include "sync/protocol/wire.hpp"

namespace kiosk::sync::client {
namespace {

using namespace kiosk::sync::test;

class Tls : public ::testing::Test {
  protected:
    void SetUp() override {
        const std::string d = dir_.string();
        auto [rc, out] = run_command(
            {"/bin/sh", "-c",
             "cd '" + d +
                 "' && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 "
                 "-nodes -keyout key.pem -out cert.pem -days 2 -subj /CN=localhost "
                 "-addext subjectAltName=IP:127.0.0.1 2>&1"});
        ASSERT_EQ(rc, 0) << out;
        auto [prc, pin] = run_command(
            {"/bin/sh", "-c",
             "cd '" + d +
                 "' && openssl x509 -in cert.pem -pubkey -noout | openssl pkey -pubin -outform "
                 "der | openssl dgst -sha256 -binary | base64"});
        ASSERT_EQ(prc, 0);
        pin_ = "sha256//" + pin.substr(0, pin.find('\n'));
        server_ = std::make_unique<httplib::SSLServer>((d + "/cert.pem").c_str(),
                                                       (d + "/key.pem").c_str());
        ASSERT_TRUE(server_->is_valid());
        server_->Get("/v1/health", [this](const httplib::Request&, httplib::Response& res) {
            res.set_content(encode(HealthResponse{epoch_, "ok"}), "application/json");
        });
        const int port = server_->bind_to_any_port("127.0.0.1");
        ASSERT_GT(port, 0);
        thread_ = std::thread([this] { server_->listen_after_bind(); });
        config_.base_url = "https://127.0.0.1:" + std::to_string(port);
        config_.connect_timeout = Millis{3000};
        config_.total_timeout = Millis{5000};
    }
    void TearDown() override {
        if (server_) {
            server_->stop();
        }
        if (thread_.joinable()) {
            thread_.join();
        }
        std::filesystem::remove_all(dir_);
    }

    Reply health() {
        Transport t(config_);
        return t.get(kPathHealth, "");
    }

    std::filesystem::path dir_ = make_temp_dir();
    std::string epoch_ = random_id();
    std::string pin_;
    std::unique_ptr<httplib::SSLServer> server_;
    std::thread thread_;
    TransportConfig config_;
};

TEST_F(Tls, AnUntrustedCertificateIsRefused) {
    const Reply r = health();
    EXPECT_EQ(r.verdict, Verdict::transient);
    EXPECT_EQ(r.error.code, "sync.network");
    EXPECT_NE(r.error.message.find("(60)"), std::string::npos) << r.error.message;
    EXPECT_TRUE(r.body.empty());
}

TEST_F(Tls, TheConfiguredCaFileMakesThePeerTrusted) {
    config_.ca_file = (dir_ / "cert.pem").string();
    const Reply r = health();
    ASSERT_EQ(r.verdict, Verdict::ok) << r.error.message;
    auto decoded = decode_health_response(r.body);
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(decoded->epoch, epoch_);
}

TEST_F(Tls, APinnedKeyMustMatchTheServersKey) {
    config_.ca_file = (dir_ / "cert.pem").string();
    config_.pinned_public_key = "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    Reply r = health();
    EXPECT_EQ(r.verdict, Verdict::transient);
    EXPECT_NE(r.error.message.find("(90)"), std::string::npos) << r.error.message;

    config_.pinned_public_key = pin_;
    r = health();
    EXPECT_EQ(r.verdict, Verdict::ok) << r.error.message;
}

}  // namespace
}  // namespace kiosk::sync::client
