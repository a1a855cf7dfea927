// mod_time.cpp — the time module. time()/monotonic() read the VM's clock when
// one is set (--clock virtual, the browser), the host's clocks otherwise.
#include <chrono>
#include <cmath>
#include <ctime>
#include <vector>

#include "modules/modules.hpp"
#include "objects/runtime.hpp"

namespace aio::script {

namespace {

double wall_now(VM& vm) {
    if (vm.m_clock) return vm.m_clock->wall();
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}
double mono_now(VM& vm) {
    if (vm.m_clock) return vm.m_clock->monotonic();
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

Value t_time(VM& vm, Value*, int, TupleObject*, Value&) { return Value::real(wall_now(vm)); }
Value t_time_ns(VM& vm, Value*, int, TupleObject*, Value&) {
    return Value::integer(static_cast<int64_t>(wall_now(vm) * 1e9));
}
Value t_monotonic(VM& vm, Value*, int, TupleObject*, Value&) { return Value::real(mono_now(vm)); }
Value t_monotonic_ns(VM& vm, Value*, int, TupleObject*, Value&) {
    return Value::integer(static_cast<int64_t>(mono_now(vm) * 1e9));
}
Value t_process_time(VM&, Value*, int, TupleObject*, Value&) {
    return Value::real(static_cast<double>(std::clock()) / CLOCKS_PER_SEC);
}
Value t_sleep(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double s;
    if (n != 1 || !vm.as_double(a[0], s))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "sleep() takes exactly one argument");
    if (s < 0) return vm.raise(vm.e_ValueError, "sleep length must be non-negative");
    if (vm.can_block_for_host()) {
        // A host driving the run (the browser) cannot block: the run pauses
        // right after this call and the host resumes it when the time is up.
        // Nothing else runs meanwhile, so the script sees a blocking sleep.
        vm.request_block(s);
        return Value::none();
    }
    if (vm.m_clock)
        vm.m_clock->sleep(s);
    else {
        auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(s);
        while (std::chrono::steady_clock::now() < until) {
            struct timespec ts {
                0, 1000000
            };
            nanosleep(&ts, nullptr);
        }
    }
    return Value::none();
}

Value struct_time(VM& vm, const std::tm& t) {
    return vm.tuple({Value::integer(t.tm_year + 1900), Value::integer(t.tm_mon + 1), Value::integer(t.tm_mday),
                     Value::integer(t.tm_hour), Value::integer(t.tm_min), Value::integer(t.tm_sec),
                     Value::integer((t.tm_wday + 6) % 7), Value::integer(t.tm_yday + 1), Value::integer(t.tm_isdst)});
}

bool tm_from(VM& vm, Value* a, int n, bool local, std::tm& out) {
    if (n == 0 || a[0].is_none()) {
        std::time_t now = static_cast<std::time_t>(wall_now(vm));
        if (local)
            localtime_r(&now, &out);
        else
            gmtime_r(&now, &out);
        return true;
    }
    if (!a[0].is_intlike() && !a[0].is_float()) {
        // A time tuple: any sequence of 9 ints (struct_time, a tuple, or a
        // look-alike such as datetime's timetuple()).
        std::vector<Value> items;
        if (!vm.to_list(a[0], items)) return false;
        if (items.size() != 9) {
            vm.raisef(vm.e_TypeError, "function takes exactly 9 arguments (%zu given)", items.size());
            return false;
        }
        int64_t f[9];
        for (int i = 0; i < 9; ++i)
            if (!int_from_value(vm, items[i], f[i], "")) return false;
        std::tm tm{};
        tm.tm_year = static_cast<int>(f[0] - 1900);
        tm.tm_mon = static_cast<int>(f[1] - 1);
        tm.tm_mday = static_cast<int>(f[2]);
        tm.tm_hour = static_cast<int>(f[3]);
        tm.tm_min = static_cast<int>(f[4]);
        tm.tm_sec = static_cast<int>(f[5]);
        tm.tm_wday = static_cast<int>((f[6] + 1) % 7);
        tm.tm_yday = static_cast<int>(f[7] - 1);
        tm.tm_isdst = static_cast<int>(f[8]);
        out = tm;
        return true;
    }
    double secs;
    if (!vm.as_double(a[0], secs)) return false;
    std::time_t tt = static_cast<std::time_t>(std::floor(secs));
    if (local)
        localtime_r(&tt, &out);
    else
        gmtime_r(&tt, &out);
    return true;
}

Value t_localtime(VM& vm, Value* a, int n, TupleObject*, Value&) {
    std::tm t;
    if (!tm_from(vm, a, n, true, t)) return Value();
    return struct_time(vm, t);
}
Value t_gmtime(VM& vm, Value* a, int n, TupleObject*, Value&) {
    std::tm t;
    if (!tm_from(vm, a, n, false, t)) return Value();
    return struct_time(vm, t);
}
Value t_strftime(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n < 1 || !is_str(a[0])) return vm.raise(vm.e_TypeError, "strftime() argument 1 must be str");
    std::tm t;
    if (!tm_from(vm, a + 1, n - 1, true, t)) return Value();
    char buf[1024];
    size_t len = std::strftime(buf, sizeof buf, as_str(a[0])->data(), &t);
    return vm.str(std::string_view(buf, len));
}
Value t_mktime(VM& vm, Value* a, int n, TupleObject*, Value&) {
    std::tm t;
    if (!tm_from(vm, a, n, true, t)) return Value();
    return Value::real(static_cast<double>(std::mktime(&t)));
}

Value init_time(VM& vm) {
    Value mv = new_module(vm, "time");
    auto* m = mv.as<ModuleObject>();
    module_add_fn(vm, m, "time", t_time);
    module_add_fn(vm, m, "time_ns", t_time_ns);
    module_add_fn(vm, m, "monotonic", t_monotonic);
    module_add_fn(vm, m, "monotonic_ns", t_monotonic_ns);
    module_add_fn(vm, m, "perf_counter", t_monotonic);
    module_add_fn(vm, m, "perf_counter_ns", t_monotonic_ns);
    module_add_fn(vm, m, "process_time", t_process_time);
    module_add_fn(vm, m, "sleep", t_sleep);
    module_add_fn(vm, m, "localtime", t_localtime);
    module_add_fn(vm, m, "gmtime", t_gmtime);
    module_add_fn(vm, m, "strftime", t_strftime);
    module_add_fn(vm, m, "mktime", t_mktime);
    return mv;
}

}  // namespace

void register_time_module(VM& vm) { vm.register_module("time", init_time); }

}  // namespace aio::script
