// The aio engine's benchmark program: workloads W1–W5 and M1, speaking the
// protocol every peer shares (bench/README.md): key=value arguments, one line
// per workload `NAME N SECONDS NS_PER_OP PEAK_RSS_KB [BYTES_PER_TASK]`.
// Each workload runs in a fresh loop made by aio::run; only the part inside
// the loop is timed. W3 uses the real clock, as the spec asks; the others
// never sleep, so the clock does not matter for them. Counts are int64_t:
// `long` is 32 bits in Wasm, where W1's and W4's sums would overflow.

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "aio/aio.hpp"
#include "aio/gather.hpp"
#include "aio/queues.hpp"
#include "aio/event.hpp"

namespace {

double now_seconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

std::int64_t proc_status_kb(const char* field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    std::string prefix = std::string(field) + ":";
    while (std::getline(in, line))
        if (line.rfind(prefix, 0) == 0) return std::strtol(line.c_str() + prefix.size(), nullptr, 10);
    return 0;  // not Linux (Wasm under Node): the runner reports RSS itself
}
std::int64_t peak_rss_kb() { return proc_status_kb("VmHWM"); }
std::int64_t current_rss_kb() { return proc_status_kb("VmRSS"); }

void check(bool ok, const char* what) {
    if (!ok) throw std::runtime_error(std::string("wrong result in ") + what);
}

struct Result {
    std::int64_t n;
    double seconds;
    double ns_per_op;
    double bytes_per_task = -1;
};

// W1 spawn_gather: op = one task created, run to completion, result gathered.
aio::Coroutine<std::int64_t> index_of(std::int64_t i) { co_return i; }
aio::Coroutine<Result> w1_spawn_gather(std::int64_t n) {
    double t0 = now_seconds();
    std::vector<aio::Task<std::int64_t>> tasks;
    tasks.reserve(n);
    for (std::int64_t i = 0; i < n; ++i) tasks.push_back(aio::create_task(index_of(i)));
    std::vector<std::int64_t> results = co_await aio::gather(std::move(tasks));
    double s = now_seconds() - t0;
    std::int64_t sum = 0;
    for (std::int64_t r : results) sum += r;
    check(sum == n * (n - 1) / 2, "W1 sum of indices");
    co_return Result{n, s, s / n * 1e9};
}

// W2 yield_switch: op = one sleep(0).
aio::Coroutine<std::int64_t> yielder(std::int64_t k) {
    for (std::int64_t i = 0; i < k; ++i) co_await aio::sleep(0);
    co_return k;
}
aio::Coroutine<Result> w2_yield_switch(std::int64_t m, std::int64_t k) {
    double t0 = now_seconds();
    std::vector<aio::Task<std::int64_t>> tasks;
    for (std::int64_t i = 0; i < m; ++i) tasks.push_back(aio::create_task(yielder(k)));
    auto done = co_await aio::gather(std::move(tasks));
    double s = now_seconds() - t0;
    std::int64_t sum = 0;
    for (std::int64_t d : done) sum += d;
    check(sum == m * k, "W2 yield count");
    co_return Result{m * k, s, s / double(m * k) * 1e9};
}

// W3 timers: op = one timer armed by sleep, fired on the real clock; the
// 0.1 s of sleeping itself is subtracted.
constexpr double W3_SPAN = 0.1;
std::vector<double> xorshift32_delays(std::int64_t n) {
    std::uint32_t x = 2463534242u;
    std::vector<double> d(n);
    for (std::int64_t i = 0; i < n; ++i) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        d[i] = x / 4294967296.0 * W3_SPAN;
    }
    return d;
}
aio::Coroutine<> sleeper(double delay) { co_await aio::sleep(delay); }
aio::Coroutine<Result> w3_timers(std::int64_t n) {
    auto delays = xorshift32_delays(n);
    double t0 = now_seconds();
    std::vector<aio::Task<>> tasks;
    tasks.reserve(n);
    for (double d : delays) tasks.push_back(aio::create_task(sleeper(d)));
    co_await aio::gather(std::move(tasks));
    double s = now_seconds() - t0;
    co_return Result{n, s, (s - W3_SPAN) / n * 1e9};
}

// W4 queue_pingpong: op = one item put by the producer and got by the consumer.
aio::Coroutine<> producer(aio::Queue<std::int64_t>& q, std::int64_t n) {
    for (std::int64_t i = 0; i < n; ++i) co_await q.put(i);
}
aio::Coroutine<std::int64_t> consumer(aio::Queue<std::int64_t>& q, std::int64_t n) {
    std::int64_t total = 0;
    for (std::int64_t i = 0; i < n; ++i) total += co_await q.get();
    co_return total;
}
aio::Coroutine<Result> w4_queue_pingpong(std::int64_t n, std::int64_t maxsize) {
    aio::Queue<std::int64_t> q(maxsize);
    double t0 = now_seconds();
    auto [none, total] = co_await aio::gather(producer(q, n), consumer(q, n));
    (void)none;
    double s = now_seconds() - t0;
    check(total == n * (n - 1) / 2, "W4 sum of items");
    co_return Result{n, s, s / n * 1e9};
}

// W5 await_chain: op = one await level of a plain coroutine (inline).
aio::Coroutine<std::int64_t> chain(std::int64_t depth) {
    if (depth == 0) co_return 0;
    co_return co_await chain(depth - 1) + 1;
}
aio::Coroutine<Result> w5_await_chain(std::int64_t depth, std::int64_t reps) {
    double t0 = now_seconds();
    for (std::int64_t r = 0; r < reps; ++r) check(co_await chain(depth) == depth, "W5 chain result");
    double s = now_seconds() - t0;
    co_return Result{depth * reps, s, s / double(depth * reps) * 1e9};
}

// M1 memory: N tasks suspended on one Event; bytes per task from peak RSS.
std::int64_t g_m1_suspended = 0;
aio::Coroutine<> event_waiter(aio::Event& e) {
    ++g_m1_suspended;
    co_await e.wait();
}
aio::Coroutine<Result> m1_memory(std::int64_t n) {
    aio::Event event;
    std::int64_t base_kb = current_rss_kb();
    double t0 = now_seconds();
    std::vector<aio::Task<>> tasks;
    tasks.reserve(n);
    for (std::int64_t i = 0; i < n; ++i) tasks.push_back(aio::create_task(event_waiter(event)));
    co_await aio::sleep(0);  // every first step runs and suspends
    double s = now_seconds() - t0;
    std::int64_t peak_kb = peak_rss_kb();
    check(g_m1_suspended == n, "M1 tasks pending on the event");
    event.set();
    co_await aio::gather(std::move(tasks));
    co_return Result{n, s, s / n * 1e9, (peak_kb - base_kb) * 1024.0 / n};
}

const char* const NAMES[][2] = {{"W1", "W1_spawn_gather"},   {"W2", "W2_yield_switch"}, {"W3", "W3_timers"},
                                {"W4", "W4_queue_pingpong"}, {"W5", "W5_await_chain"},  {"M1", "M1_memory"}};

Result run_one(const std::string& w, std::map<std::string, std::int64_t>& o) {
    if (w == "W1") return aio::run(w1_spawn_gather(o["n1"]));
    if (w == "W2") return aio::run(w2_yield_switch(o["m2"], o["k2"]));
    if (w == "W3") return aio::run(w3_timers(o["n3"]), std::make_unique<aio::RealClock>());
    if (w == "W4") return aio::run(w4_queue_pingpong(o["n4"], o["q4"]));
    if (w == "W5") return aio::run(w5_await_chain(o["d5"], o["r5"]));
    return aio::run(m1_memory(o["nm"]));
}

}  // namespace

int main(int argc, char** argv) {
    std::map<std::string, std::int64_t> opts{{"n1", 200000}, {"m2", 1000},    {"k2", 1000},
                                             {"n3", 100000}, {"n4", 1000000}, {"q4", 100},
                                             {"d5", 100},    {"r5", 10000},   {"nm", 100000}};
    std::vector<std::string> only{"W1", "W2", "W3", "W4", "W5", "M1"};
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        auto eq = arg.find('=');
        if (eq == std::string::npos) {
            std::fprintf(stderr, "aio_bench: expected key=value, got '%s'\n", arg.c_str());
            return 2;
        }
        std::string key = arg.substr(0, eq), value = arg.substr(eq + 1);
        if (key == "only") {
            only.clear();
            std::size_t pos = 0;
            while (pos <= value.size()) {
                auto comma = value.find(',', pos);
                std::string item = value.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
                item = item.substr(0, item.find('_'));
                for (auto& c : item) c = char(std::toupper(static_cast<unsigned char>(c)));
                bool known = false;
                for (auto& n : NAMES) known |= item == n[0];
                if (!known) {
                    std::fprintf(stderr, "aio_bench: unknown workload '%s'\n", item.c_str());
                    return 2;
                }
                only.push_back(item);
                if (comma == std::string::npos) break;
                pos = comma + 1;
            }
        } else if (opts.count(key)) {
            opts[key] = std::strtoll(value.c_str(), nullptr, 10);
            if (opts[key] <= 0) {
                std::fprintf(stderr, "aio_bench: %s must be positive\n", key.c_str());
                return 2;
            }
        } else {
            std::fprintf(stderr, "aio_bench: unknown key '%s'\n", key.c_str());
            return 2;
        }
    }
    std::printf("# peer aio C++ engine\n# NAME N SECONDS NS_PER_OP PEAK_RSS_KB [BYTES_PER_TASK]\n");
    if (only.size() > 1)
        for (auto& w : only)
            if (w == "M1") std::printf("# M1 shares its process with other workloads; run it alone (only=M1)\n");
    try {
        for (auto& w : only) {
            Result r = run_one(w, opts);
            const char* name = "";
            for (auto& n : NAMES)
                if (w == n[0]) name = n[1];
            std::printf("%s %lld %.6f %.3f %lld", name, static_cast<long long>(r.n), r.seconds, r.ns_per_op,
                        static_cast<long long>(peak_rss_kb()));
            if (w == "M1") std::printf(" %.1f", r.bytes_per_task);
            std::printf("\n");
            std::fflush(stdout);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "aio_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
