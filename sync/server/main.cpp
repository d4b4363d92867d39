// kiosk-central: the reference central server and its staff commands. main() only parses the
// command line and wires sync_server together; every step is in the library.
//
//   kiosk-central init       --db URL --keys DIR
//   kiosk-central serve      --db URL --keys DIR --listen ADDR:PORT [--threads N]
//   kiosk-central enrol-code --db URL --centre NAME
//   kiosk-central revoke     --db URL DEVICE
//   kiosk-central export     --db URL --keys DIR --format csv|json
//   kiosk-central new-epoch  --db URL                 (after restoring a backup)
//   kiosk-central admin-token create --db URL [--name NAME] | revoke --db URL NAME | list --db URL
//   kiosk-central jobs import   --db URL [--format csv|json] [--today YYYY-MM-DD] FILE|-
//   kiosk-central jobs withdraw --db URL ID
//   kiosk-central jobs expire   --db URL [--today YYYY-MM-DD]
//   kiosk-central offer-put  --db URL --id ID --file PATH|-     (one offer as is, unchecked)
//   kiosk-central offer-withdraw --db URL --id ID                (= jobs withdraw)
#include <signal.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/core/clock.hpp"
#include "sync/protocol/encoding.hpp"
#include "sync/protocol/envelope.hpp"
#include "sync/protocol/wire.hpp"
#include "sync/server/credentials.hpp"
#include "sync/server/export.hpp"
#include "sync/server/jobs.hpp"
#include "sync/server/qr.hpp"
#include "sync/server/server.hpp"
#include "sync/server/store.hpp"

namespace {

using namespace kiosk;
using namespace kiosk::sync;

constexpr int kExitUsage = 2;
constexpr const char* kPublicKeyFile = "server.pub";
constexpr const char* kSecretKeyFile = "server.key";

struct Args {
    std::string command;
    std::map<std::string, std::string> options;  // --name value
    std::vector<std::string> positional;

    std::string get(const std::string& name) const {
        const auto it = options.find(name);
        return it == options.end() ? std::string() : it->second;
    }
};

int usage() {
    std::cerr << "usage:\n"
                 "  kiosk-central init --db URL --keys DIR\n"
                 "  kiosk-central serve --db URL --keys DIR --listen ADDR:PORT [--threads N]\n"
                 "  kiosk-central enrol-code --db URL --centre NAME\n"
                 "  kiosk-central revoke --db URL DEVICE\n"
                 "  kiosk-central export --db URL --keys DIR --format csv|json\n"
                 "  kiosk-central new-epoch --db URL\n"
                 "  kiosk-central admin-token create --db URL [--name NAME]\n"
                 "  kiosk-central admin-token revoke --db URL NAME\n"
                 "  kiosk-central admin-token list --db URL\n"
                 "  kiosk-central jobs import --db URL [--format csv|json] [--today DATE] FILE|-\n"
                 "  kiosk-central jobs withdraw --db URL ID\n"
                 "  kiosk-central jobs expire --db URL [--today DATE]\n"
                 "  kiosk-central offer-put --db URL --id ID --file PATH|-   (one offer, as is)\n"
                 "  kiosk-central offer-withdraw --db URL --id ID            (= jobs withdraw)\n"
                 "URL: a SQLite file path or postgresql://...  DATE: YYYY-MM-DD\n"
                 "jobs import: a JSON array of offers, or CSV with a header row\n"
                 "  (docs/job-offers.md); the format is --format, else the file name, else\n"
                 "  the first character. Each bad row is reported on stderr with its CSV line\n"
                 "  or JSON [index] and the field; the good rows are published all the same.\n"
                 "  Exit status: 0 when every row was published (or already was), 1 when\n"
                 "  some rows were bad or the file or the database failed, 2 for usage.\n"
                 "jobs expire: withdraws the offers whose expiry date is before today (local\n"
                 "  date), so kiosks get tombstones; kiosks hide expired offers in any case.\n"
                 "admin-token create: prints a new token for central-office staff, once (the\n"
                 "  database keeps only its hash), for the jobs API of `serve` under\n"
                 "  /v1/admin/jobs (import, withdraw, expire, read; sync/README.md). Kiosk\n"
                 "  tokens do not work there. NAME (1-64 of A-Z a-z 0-9 _ . - @) says whose it\n"
                 "  is; revoke takes it.\n";
    return kExitUsage;
}

int fail(const Error& e) {
    std::cerr << "kiosk-central: " << e.code << ": " << e.message << "\n";
    return 1;
}

bool parse(int argc, char** argv, Args& args) {
    if (argc < 2) {
        return false;
    }
    args.command = argv[1];
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        if (a.rfind("--", 0) == 0) {
            if (i + 1 >= argc) {
                return false;
            }
            args.options[a.substr(2)] = argv[++i];
        } else {
            args.positional.push_back(a);
        }
    }
    return true;
}

Result<std::unique_ptr<ServerStore>> open_db(const Args& args) {
    return open_store(args.get("db"));
}

// The database of a running installation: initialised (else "store.uninitialised"), with the
// tables added since it was made (init_schema is idempotent and changes nothing else).
Result<std::unique_ptr<ServerStore>> open_initialised(const Args& args) {
    auto store = open_db(args);
    if (!store) {
        return store;
    }
    if (auto epoch = (*store)->epoch(); !epoch) {
        return epoch.error();
    }
    if (auto s = (*store)->init_schema(); !s) {
        return s.error();
    }
    return store;
}

Result<BoxKeyPair> load_keys(const std::string& dir) {
    BoxKeyPair keys;
    auto pk = read_key_file(dir + "/" + kPublicKeyFile, 32);
    if (!pk) {
        return pk.error();
    }
    auto sk = read_key_file(dir + "/" + kSecretKeyFile, 32);
    if (!sk) {
        return sk.error();
    }
    keys.public_key = std::move(*pk);
    keys.secret_key = std::move(*sk);
    return keys;
}

int cmd_init(const Args& args) {
    const std::string dir = args.get("keys");
    if (args.get("db").empty() || dir.empty()) {
        return usage();
    }
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
        return fail(make_error("keys.io", "cannot create " + dir + ": " + std::strerror(errno)));
    }
    // Keep an existing pair: records already sealed to it must stay readable.
    if (auto existing = load_keys(dir); existing) {
        std::cout << "keys: kept the existing pair in " << dir << "\n";
    } else {
        const BoxKeyPair keys = BoxKeyPair::generate();
        if (auto s = write_key_file(dir + "/" + kSecretKeyFile, keys.secret_key, true); !s) {
            return fail(s.error());
        }
        if (auto s = write_key_file(dir + "/" + kPublicKeyFile, keys.public_key, false); !s) {
            return fail(s.error());
        }
        std::cout << "keys: wrote " << dir << "/" << kPublicKeyFile
                  << " (install it with every kiosk's configuration) and " << dir << "/"
                  << kSecretKeyFile << " (mode 0600, keep it secret and backed up)\n";
    }
    auto store = open_db(args);
    if (!store) {
        return fail(store.error());
    }
    if (auto s = (*store)->init_schema(); !s) {
        return fail(s.error());
    }
    auto epoch = (*store)->epoch();
    if (!epoch) {
        return fail(epoch.error());
    }
    std::cout << "database ready, epoch " << *epoch << "\n";
    return 0;
}

int cmd_serve(const Args& args) {
    const std::string listen = args.get("listen");
    const auto colon = listen.rfind(':');
    if (args.get("db").empty() || args.get("keys").empty() || colon == std::string::npos) {
        return usage();
    }
    const std::string host = listen.substr(0, colon);
    int port = -1;
    try {
        port = std::stoi(listen.substr(colon + 1));
    } catch (const std::exception&) {
    }
    if (port < 0 || port > 65535) {
        return usage();
    }
    auto keys = load_keys(args.get("keys"));
    if (!keys) {
        return fail(keys.error());
    }
    auto store = open_initialised(args);
    if (!store) {
        return fail(store.error());
    }
    ServerConfig config;
    if (!args.get("threads").empty()) {
        config.threads = static_cast<std::size_t>(std::stoul(args.get("threads")));
    }
    // SIGINT/SIGTERM are taken by a thread with sigwait, which may call stop() (a signal
    // handler may not). Block them before any server thread starts so all inherit the mask:
    // before the server is even constructed, as it may start worker threads.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    ::signal(SIGPIPE, SIG_IGN);

    const SystemClock clock;
    CentralServer server(**store, *keys, clock, config);

    auto bound = server.bind(host, port);
    if (!bound) {
        return fail(bound.error());
    }
    std::cout << "listening " << host << ":" << *bound << std::endl;
    std::thread waiter([&] {
        int sig = 0;
        sigwait(&signals, &sig);
        server.stop();
    });
    server.run();
    // run() returned: by a signal (waiter done) or an error; wake the waiter either way.
    ::kill(::getpid(), SIGTERM);
    waiter.join();
    return 0;
}

int cmd_enrol_code(const Args& args) {
    const std::string centre = args.get("centre");
    if (args.get("db").empty() || centre.empty() || centre.size() > kMaxTextChars) {
        return usage();
    }
    auto store = open_db(args);
    if (!store) {
        return fail(store.error());
    }
    const std::string code = make_enrol_code();
    if (auto s = (*store)->add_enrol_code(enrol_code_hash(code), centre,
                                          SystemClock{}.unix_seconds() * 1000);
        !s) {
        return fail(s.error());
    }
    std::cout << code << "\n";
    if (auto qr = render_qr_halfblocks(code); qr) {
        std::cout << *qr;
    }
    std::cout << "one-time enrolment code for centre \"" << centre << "\"\n";
    return 0;
}

int cmd_revoke(const Args& args) {
    if (args.get("db").empty() || args.positional.size() != 1) {
        return usage();
    }
    auto store = open_db(args);
    if (!store) {
        return fail(store.error());
    }
    if (auto s = (*store)->revoke(args.positional[0]); !s) {
        return fail(s.error());
    }
    std::cout << "revoked " << args.positional[0] << "\n";
    return 0;
}

int cmd_export(const Args& args) {
    const std::string format = args.get("format");
    if (args.get("db").empty() || args.get("keys").empty() ||
        (format != "csv" && format != "json")) {
        return usage();
    }
    auto keys = load_keys(args.get("keys"));
    if (!keys) {
        return fail(keys.error());
    }
    auto store = open_db(args);
    if (!store) {
        return fail(store.error());
    }
    if (auto s =
            export_records(**store, *keys, format == "csv" ? ExportFormat::csv : ExportFormat::json,
                           std::cout, std::cerr);
        !s) {
        return fail(s.error());
    }
    return 0;
}

// [SECTION] admin-token: the staff credentials of /v1/admin

// 1-64 of A-Z a-z 0-9 _ . - @: a name for people, safe on a terminal and in a log line.
bool is_admin_name(const std::string& name) {
    return !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-' ||
               c == '@';
    });
}

std::string utc_date(std::int64_t unix_ms) {
    const std::time_t t = static_cast<std::time_t>(unix_ms / 1000);
    std::tm tm{};
    ::gmtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &tm);
    return text;
}

int cmd_admin_token(const Args& args) {
    const std::string sub = args.positional.empty() ? std::string() : args.positional[0];
    const bool create = sub == "create" && args.positional.size() == 1;
    const bool revoke = sub == "revoke" && args.positional.size() == 2;
    const bool list = sub == "list" && args.positional.size() == 1;
    const std::string name = create ? args.get("name") : revoke ? args.positional[1] : "";
    if (args.get("db").empty() || !(create || revoke || list) ||
        (!name.empty() && !is_admin_name(name)) || (revoke && name.empty())) {
        return usage();
    }
    auto store = open_initialised(args);
    if (!store) {
        return fail(store.error());
    }
    if (list) {
        auto tokens = (*store)->admin_tokens();
        if (!tokens) {
            return fail(tokens.error());
        }
        for (const AdminToken& t : *tokens) {
            std::cout << t.name << "\t" << utc_date(t.created_at) << "\t"
                      << (t.revoked ? "revoked" : "active") << "\n";
        }
        return 0;
    }
    if (revoke) {
        if (auto s = (*store)->revoke_admin_token(name); !s) {
            return fail(s.error());
        }
        std::cout << "revoked admin token " << name << "\n";
        return 0;
    }
    const std::string chosen = name.empty() ? "admin-" + random_id().substr(0, 8) : name;
    const std::string token = make_admin_token();
    if (auto s = (*store)->add_admin_token(chosen, admin_token_hash(token),
                                           SystemClock{}.unix_seconds() * 1000);
        !s) {
        return fail(s.error());
    }
    std::cout << token << "\n"
              << "admin token \"" << chosen
              << "\" for /v1/admin (Authorization: Bearer TOKEN). It is shown only this once: "
                 "the server keeps its hash. Revoke it with `kiosk-central admin-token revoke "
                 "--db URL "
              << chosen << "`.\n";
    return 0;
}

int cmd_new_epoch(const Args& args) {
    auto store = open_db(args);
    if (!store) {
        return fail(store.error());
    }
    const std::string epoch = random_id();
    if (auto s = (*store)->set_epoch(epoch); !s) {
        return fail(s.error());
    }
    std::cout << "epoch " << epoch << ": kiosks will re-push what they hold and re-read offers\n";
    return 0;
}

int withdraw(ServerStore& store, const std::string& id) {
    if (auto s = store.withdraw_offer(id); !s) {
        return fail(s.error());
    }
    std::cout << "withdrew offer " << id << "\n";
    return 0;
}

int cmd_offer(const Args& args, bool put) {
    const std::string id = args.get("id");
    if (args.get("db").empty() || !is_offer_id(id) || (put && args.get("file").empty())) {
        return usage();
    }
    auto store = open_db(args);
    if (!store) {
        return fail(store.error());
    }
    if (!put) {
        return withdraw(**store, id);
    }
    std::ostringstream text;
    if (args.get("file") == "-") {
        text << std::cin.rdbuf();
    } else {
        std::ifstream in(args.get("file"), std::ios::binary);
        if (!in) {
            return fail(make_error("offer.io", "cannot read " + args.get("file")));
        }
        text << in.rdbuf();
    }
    auto canonical = canonical_offer(text.str());
    if (!canonical) {
        return fail(canonical.error());
    }
    if (auto s = (*store)->put_offer(id, *canonical); !s) {
        return fail(s.error());
    }
    std::cout << "published offer " << id << "\n";
    return 0;
}

// [SECTION] jobs: import, withdraw, expire (sync/server/jobs.hpp)

// --today, or the local date; "" when --today is not a date.
std::string today_of(const Args& args) {
    const std::string today = args.get("today");
    if (today.empty()) {
        return local_today();
    }
    return is_offer_date(today) ? today : std::string();
}

bool ends_with_ci(const std::string& s, std::string_view suffix) {
    if (s.size() < suffix.size()) {
        return false;
    }
    return std::equal(
        suffix.begin(), suffix.end(), s.end() - static_cast<long>(suffix.size()),
        [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
}

// --format (already checked), else the file name's extension, else JSON when the text starts
// with '['.
OfferFileFormat file_format(const Args& args, const std::string& path, const std::string& text) {
    const std::string format = args.get("format");
    if (!format.empty()) {
        return format == "json" ? OfferFileFormat::json : OfferFileFormat::csv;
    }
    if (ends_with_ci(path, ".json")) {
        return OfferFileFormat::json;
    }
    if (ends_with_ci(path, ".csv")) {
        return OfferFileFormat::csv;
    }
    const auto first = text.find_first_not_of(" \t\r\n");
    return first != std::string::npos && text[first] == '[' ? OfferFileFormat::json
                                                            : OfferFileFormat::csv;
}

int cmd_jobs_import(const Args& args) {
    const std::string today = today_of(args);
    if (args.get("db").empty() || args.positional.size() != 2 || today.empty()) {
        return usage();
    }
    const std::string format_option = args.get("format");
    if (!format_option.empty() && format_option != "csv" && format_option != "json") {
        return usage();
    }
    const std::string& path = args.positional[1];
    std::ostringstream text;
    if (path == "-") {
        text << std::cin.rdbuf();
    } else {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            return fail(make_error("jobs.io", "cannot read " + path));
        }
        text << in.rdbuf();
    }
    const OfferFileFormat format = file_format(args, path, text.str());
    auto rows = read_offer_file(text.str(), format);
    if (!rows) {
        return fail(make_error(rows.error().code, path + ": " + rows.error().message));
    }
    for (const RowProblem& p : row_problems(*rows, format)) {
        std::cerr << path << " " << p.where;
        if (!p.id.empty()) {
            std::cerr << " (" << p.id << ")";
        }
        std::cerr << ": " << p.field;
        if (!p.column.empty()) {
            std::cerr << " [column " << p.column << "]";
        }
        std::cerr << ": " << p.message << "\n";
    }
    auto store = open_db(args);
    if (!store) {
        return fail(store.error());
    }
    if (auto epoch = (*store)->epoch(); !epoch) {
        return fail(epoch.error());
    }
    auto summary = publish_offers(**store, *rows, today);
    if (!summary) {
        return fail(summary.error());
    }
    std::cout << "published " << summary->published << ", unchanged " << summary->unchanged
              << ", bad " << summary->bad << " (of " << rows->size() << " rows in " << path
              << ")\n";
    if (summary->already_expired > 0) {
        std::cout << "note: " << summary->already_expired << " of them expired before " << today
                  << ": kiosks hide them; `kiosk-central jobs expire` withdraws them\n";
    }
    return summary->bad == 0 ? 0 : 1;
}

int cmd_jobs_expire(const Args& args) {
    const std::string today = today_of(args);
    if (args.get("db").empty() || args.positional.size() != 1 || today.empty()) {
        return usage();
    }
    auto store = open_db(args);
    if (!store) {
        return fail(store.error());
    }
    auto withdrawn = expire_offers(**store, today);
    if (!withdrawn) {
        return fail(withdrawn.error());
    }
    for (const std::string& id : *withdrawn) {
        std::cout << "withdrew offer " << id << "\n";
    }
    std::cout << "expired " << withdrawn->size() << " offers (last day before " << today << ")\n";
    return 0;
}

int cmd_jobs(const Args& args) {
    const std::string sub = args.positional.empty() ? std::string() : args.positional[0];
    if (sub == "import") {
        return cmd_jobs_import(args);
    }
    if (sub == "expire") {
        return cmd_jobs_expire(args);
    }
    if (sub == "withdraw" && args.positional.size() == 2 && !args.get("db").empty() &&
        is_offer_id(args.positional[1])) {
        auto store = open_db(args);
        if (!store) {
            return fail(store.error());
        }
        return withdraw(**store, args.positional[1]);
    }
    return usage();
}

}  // namespace

int main(int argc, char** argv) {
    Args args;
    if (!parse(argc, argv, args)) {
        return usage();
    }
    if (args.command == "init") {
        return cmd_init(args);
    }
    if (args.command == "serve") {
        return cmd_serve(args);
    }
    if (args.command == "enrol-code") {
        return cmd_enrol_code(args);
    }
    if (args.command == "revoke") {
        return cmd_revoke(args);
    }
    if (args.command == "export") {
        return cmd_export(args);
    }
    if (args.command == "new-epoch") {
        return cmd_new_epoch(args);
    }
    if (args.command == "admin-token") {
        return cmd_admin_token(args);
    }
    if (args.command == "jobs") {
        return cmd_jobs(args);
    }
    if (args.command == "offer-put" || args.command == "offer-withdraw") {
        return cmd_offer(args, args.command == "offer-put");
    }
    return usage();
}
