// mod_random.cpp — the `random` module: CPython's Mersenne Twister, exactly.
//
// Seeding (init_by_array from the integer's 32-bit words), random() (53 bits
// from two draws), getrandbits, _randbelow and the methods built on it
// (randrange, randint, choice, shuffle, sample, choices, uniform, gauss)
// follow Lib/random.py and Modules/_randommodule.c so that a seeded program
// prints the same numbers as CPython.
#include <chrono>
#include <cmath>

#include "modules/hashes.hpp"
#include "objects/runtime.hpp"

namespace aio::script {

namespace {

class MT19937 {
public:
    static constexpr int N = 624;
    static constexpr int M = 397;
    uint32_t mt[N];
    int mti = N + 1;

    void init_genrand(uint32_t s) {
        mt[0] = s;
        for (mti = 1; mti < N; ++mti)
            mt[mti] = 1812433253u * (mt[mti - 1] ^ (mt[mti - 1] >> 30)) + static_cast<uint32_t>(mti);
    }
    void init_by_array(const std::vector<uint32_t>& key) {
        init_genrand(19650218u);
        size_t i = 1, j = 0;
        size_t k = N > key.size() ? N : key.size();
        for (; k; --k) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + static_cast<uint32_t>(j);
            ++i;
            ++j;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.size()) j = 0;
        }
        for (k = N - 1; k; --k) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - static_cast<uint32_t>(i);
            ++i;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000u;
    }
    uint32_t genrand() {
        static const uint32_t mag01[2] = {0x0u, 0x9908b0dfu};
        uint32_t y;
        if (mti >= N) {
            int kk;
            for (kk = 0; kk < N - M; ++kk) {
                y = (mt[kk] & 0x80000000u) | (mt[kk + 1] & 0x7fffffffu);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01[y & 1];
            }
            for (; kk < N - 1; ++kk) {
                y = (mt[kk] & 0x80000000u) | (mt[kk + 1] & 0x7fffffffu);
                mt[kk] = mt[kk + (M - N)] ^ (y >> 1) ^ mag01[y & 1];
            }
            y = (mt[N - 1] & 0x80000000u) | (mt[0] & 0x7fffffffu);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01[y & 1];
            mti = 0;
        }
        y = mt[mti++];
        y ^= (y >> 11);
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= (y >> 18);
        return y;
    }
    double random() {
        uint32_t a = genrand() >> 5, b = genrand() >> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }
    // getrandbits(k) for k <= 64 (ints are 64-bit here).
    uint64_t getrandbits(int k) {
        if (k <= 32) return genrand() >> (32 - k);
        uint64_t lo = genrand();
        uint64_t hi = genrand() >> (64 - k);
        return lo | (hi << 32);
    }
};

struct RandomObject : CxxObject {
    MT19937 mt;
    double gauss_next = 0;
    bool has_gauss_next = false;
};

RandomObject* self_rng(Value* a) { return static_cast<RandomObject*>(a[0].as<CxxObject>()); }

bool seed_rng(VM& vm, RandomObject* r, const Value& a) {
    r->has_gauss_next = false;
    std::vector<uint32_t> key;
    if (a.is_null() || a.is_none()) {
        uint64_t t = static_cast<uint64_t>(std::chrono::high_resolution_clock::now().time_since_epoch().count());
        key = {static_cast<uint32_t>(t), static_cast<uint32_t>(t >> 32),
               static_cast<uint32_t>(reinterpret_cast<uintptr_t>(r))};
        r->mt.init_by_array(key);
        return true;
    }
    uint64_t n;
    if (a.is_intlike()) {
        int64_t v = a.as_intlike();
        n = v < 0 ? -static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    } else if (is_bigint(a)) {
        // CPython keys the generator with |a|'s 32-bit words, least significant first.
        BigInt b;
        to_bigint(a, b);
        r->mt.init_by_array(b.m_mag);
        return true;
    } else if (a.is_float()) {
        int64_t h = vm.hash(a);
        n = h < 0 ? -static_cast<uint64_t>(h) : static_cast<uint64_t>(h);
    } else if (is_str(a)) {
        // version 2: int.from_bytes(a.encode() + sha512(a.encode()).digest(), 'big')
        std::string s = as_str(a)->str();
        std::vector<uint8_t> bytes(s.begin(), s.end());
        Hasher sha512(Hasher::Kind::Sha512);
        sha512.update(s);
        std::string dg = sha512.digest();
        bytes.insert(bytes.end(), dg.begin(), dg.end());
        // Big-endian bytes -> little-endian 32-bit words.
        for (size_t end = bytes.size(); end > 0; end = end >= 4 ? end - 4 : 0) {
            uint32_t w = 0;
            size_t start = end >= 4 ? end - 4 : 0;
            for (size_t i = start; i < end; ++i) w = (w << 8) | bytes[i];
            key.push_back(w);
            if (start == 0) break;
        }
        while (key.size() > 1 && key.back() == 0) key.pop_back();
        r->mt.init_by_array(key);
        return true;
    } else {
        int64_t h = vm.hash(a);
        if (h == -1 && vm.has_exc()) return false;
        n = h < 0 ? -static_cast<uint64_t>(h) : static_cast<uint64_t>(h);
    }
    key.push_back(static_cast<uint32_t>(n));
    if (n >> 32) key.push_back(static_cast<uint32_t>(n >> 32));
    r->mt.init_by_array(key);
    return true;
}

int bit_length(uint64_t n) {
    int k = 0;
    while (n) {
        ++k;
        n >>= 1;
    }
    return k;
}

// Random._randbelow_with_getrandbits
int64_t randbelow(RandomObject* r, int64_t n) {
    if (n <= 0) return 0;
    int k = bit_length(static_cast<uint64_t>(n));
    uint64_t v = r->mt.getrandbits(k);
    while (v >= static_cast<uint64_t>(n)) v = r->mt.getrandbits(k);
    return static_cast<int64_t>(v);
}

Value r_seed(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (!seed_rng(vm, self_rng(a), n > 1 ? a[1] : Value())) return Value();
    return Value::none();
}
Value r_random(VM&, Value* a, int, TupleObject*, Value&) { return Value::real(self_rng(a)->mt.random()); }
Value r_getrandbits(VM& vm, Value* a, int n, TupleObject*, Value&) {
    int64_t k;
    if (n != 2 || !int_from_value(vm, a[1], k, "k"))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "getrandbits() takes exactly one argument");
    if (k < 0) return vm.raise(vm.e_ValueError, "number of bits must be non-negative");
    if (k == 0) return Value::integer(0);
    if (k > 63) {
        // As CPython: 32-bit words least significant first, the last one's top bits.
        if (!vm.reserve_memory(static_cast<size_t>(k / 8 + 16))) return Value();
        BigInt b;
        b.m_mag.resize(static_cast<size_t>((k + 31) / 32));
        for (size_t i = 0; i < b.m_mag.size(); ++i) {
            uint32_t w = self_rng(a)->mt.genrand();
            int64_t left = k - static_cast<int64_t>(i) * 32;
            b.m_mag[i] = left < 32 ? w >> (32 - left) : w;
        }
        b.trim();
        return int_value(vm, b);
    }
    return Value::integer(static_cast<int64_t>(self_rng(a)->mt.getrandbits(static_cast<int>(k))));
}
Value r_randrange(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value args[3];
    if (!parse_args(vm, "randrange", a + 1, n - 1, kw, {"start", "stop", "step"}, 1, args)) return Value();
    RandomObject* r = self_rng(a);
    int64_t start, stop, step = 1;
    if (!int_from_value(vm, args[0], start, "start")) return Value();
    if (args[1].is_null() || args[1].is_none()) {
        if (start > 0) return Value::integer(randbelow(r, start));
        return vm.raise(vm.e_ValueError, "empty range for randrange()");
    }
    if (!int_from_value(vm, args[1], stop, "stop")) return Value();
    if (!args[2].is_null() && !int_from_value(vm, args[2], step, "step")) return Value();
    int64_t width = stop - start;
    if (step == 1) {
        if (width > 0) return Value::integer(start + randbelow(r, width));
        return vm.raisef(vm.e_ValueError, "empty range for randrange() (%lld, %lld, %lld)",
                         static_cast<long long>(start), static_cast<long long>(stop), static_cast<long long>(width));
    }
    int64_t cnt;
    if (step > 0)
        cnt = (width + step - 1) / step;
    else if (step < 0)
        cnt = (width + step + 1) / step;
    else
        return vm.raise(vm.e_ValueError, "zero step for randrange()");
    if (cnt <= 0) return vm.raise(vm.e_ValueError, "empty range for randrange()");
    return Value::integer(start + step * randbelow(r, cnt));
}
Value r_randint(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 3)
        return vm.raisef(vm.e_TypeError, "randint() missing %d required positional argument%s", 3 - n,
                         3 - n == 1 ? "" : "s");
    int64_t lo, hi;
    if (!int_from_value(vm, a[1], lo, "a") || !int_from_value(vm, a[2], hi, "b")) return Value();
    int64_t width = hi + 1 - lo;
    if (width > 0) return Value::integer(lo + randbelow(self_rng(a), width));
    return vm.raisef(vm.e_ValueError, "empty range for randrange() (%lld, %lld, %lld)", static_cast<long long>(lo),
                     static_cast<long long>(hi + 1), static_cast<long long>(width));
}
Value r_choice(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raise(vm.e_TypeError, "choice() takes exactly one argument");
    int64_t len = vm.len_of(a[1]);
    if (len < 0) return Value();
    if (len == 0) return vm.raise(vm.e_IndexError, "Cannot choose from an empty sequence");
    return vm.getitem(a[1], Value::integer(randbelow(self_rng(a), len)));
}
Value r_shuffle(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raise(vm.e_TypeError, "shuffle() takes exactly one argument");
    RandomObject* r = self_rng(a);
    int64_t len = vm.len_of(a[1]);
    if (len < 0) return Value();
    for (int64_t i = len - 1; i >= 1; --i) {
        int64_t j = randbelow(r, i + 1);
        Value xi = vm.getitem(a[1], Value::integer(i));
        Value xj = vm.getitem(a[1], Value::integer(j));
        if (xi.is_null() || xj.is_null()) return Value();
        if (!vm.setitem(a[1], Value::integer(i), xj) || !vm.setitem(a[1], Value::integer(j), xi)) return Value();
    }
    return Value::none();
}
Value r_uniform(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double lo, hi;
    if (n != 3 || !vm.as_double(a[1], lo) || !vm.as_double(a[2], hi))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "uniform() takes exactly 2 arguments");
    return Value::real(lo + (hi - lo) * self_rng(a)->mt.random());
}
Value r_sample(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value args[3];
    if (!parse_args(vm, "sample", a + 1, n - 1, kw, {"population", "k", "counts"}, 2, args)) return Value();
    RandomObject* r = self_rng(a);
    if (is_kind(args[0], ObjKind::Set) || is_kind(args[0], ObjKind::FrozenSet) || is_kind(args[0], ObjKind::Dict))
        return vm.raise(vm.e_TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).");
    std::vector<Value> pop;
    if (!vm.to_list(args[0], pop)) return Value();
    int64_t k;
    if (!int_from_value(vm, args[1], k, "k")) return Value();
    int64_t N = static_cast<int64_t>(pop.size());
    if (k < 0 || k > N) return vm.raise(vm.e_ValueError, "Sample larger than population or is negative");
    std::vector<Value> result(k);
    int64_t setsize = 21;
    if (k > 5) setsize += static_cast<int64_t>(std::pow(4.0, std::ceil(std::log(k * 3.0) / std::log(4.0))));
    if (N <= setsize) {
        std::vector<Value> pool = pop;
        for (int64_t i = 0; i < k; ++i) {
            int64_t j = randbelow(r, N - i);
            result[i] = pool[j];
            pool[j] = pool[N - i - 1];
        }
    } else {
        std::vector<bool> selected(N, false);
        for (int64_t i = 0; i < k; ++i) {
            int64_t j = randbelow(r, N);
            while (selected[j]) j = randbelow(r, N);
            selected[j] = true;
            result[i] = pop[j];
        }
    }
    ListObject* l = vm.new_list(result.size());
    Value lv = Value::steal(l);
    for (auto& v : result) list_append(vm, l, v);
    return lv;
}
Value r_choices(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value args[4];
    if (!parse_args(vm, "choices", a + 1, n - 1, kw, {"population", "weights", "cum_weights", "k"}, 1, args, 2))
        return Value();
    RandomObject* r = self_rng(a);
    std::vector<Value> pop;
    if (!vm.to_list(args[0], pop)) return Value();
    int64_t k = 1;
    if (!args[3].is_null() && !int_from_value(vm, args[3], k, "k")) return Value();
    ListObject* out = vm.new_list();
    Value outv = Value::steal(out);
    double nn = static_cast<double>(pop.size());
    bool no_weights = (args[1].is_null() || args[1].is_none()) && (args[2].is_null() || args[2].is_none());
    if (no_weights) {
        if (pop.empty()) return vm.raise(vm.e_IndexError, "Cannot choose from an empty sequence");
        for (int64_t i = 0; i < k; ++i) list_append(vm, out, pop[static_cast<size_t>(std::floor(r->mt.random() * nn))]);
        return outv;
    }
    std::vector<double> cum;
    if (!args[2].is_null() && !args[2].is_none()) {
        if (!args[1].is_null() && !args[1].is_none())
            return vm.raise(vm.e_TypeError, "Cannot specify both weights and cumulative weights");
        std::vector<Value> cw;
        if (!vm.to_list(args[2], cw)) return Value();
        for (auto& v : cw) {
            double d;
            if (!vm.as_double(v, d)) return Value();
            cum.push_back(d);
        }
    } else {
        std::vector<Value> w;
        if (!vm.to_list(args[1], w)) return Value();
        double acc = 0;
        for (auto& v : w) {
            double d;
            if (!vm.as_double(v, d)) return Value();
            acc += d;
            cum.push_back(acc);
        }
    }
    if (cum.size() != pop.size())
        return vm.raise(vm.e_ValueError, "The number of weights does not match the population");
    double total = cum.back();
    if (total <= 0.0) return vm.raise(vm.e_ValueError, "Total of weights must be greater than zero");
    if (!std::isfinite(total)) return vm.raise(vm.e_ValueError, "Total of weights must be finite");
    size_t hi = pop.size() - 1;
    for (int64_t i = 0; i < k; ++i) {
        double x = r->mt.random() * total;
        // bisect_right(cum, x, 0, hi)
        size_t lo = 0, h = hi;
        while (lo < h) {
            size_t mid = (lo + h) / 2;
            if (x < cum[mid])
                h = mid;
            else
                lo = mid + 1;
        }
        list_append(vm, out, pop[lo]);
    }
    return outv;
}
Value r_gauss(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value args[2];
    if (!parse_args(vm, "gauss", a + 1, n - 1, kw, {"mu", "sigma"}, 0, args)) return Value();
    double mu = 0, sigma = 1;
    if (!args[0].is_null() && !vm.as_double(args[0], mu)) return Value();
    if (!args[1].is_null() && !vm.as_double(args[1], sigma)) return Value();
    RandomObject* r = self_rng(a);
    double z;
    if (r->has_gauss_next) {
        z = r->gauss_next;
        r->has_gauss_next = false;
    } else {
        double x2pi = r->mt.random() * 2 * M_PI;
        double g2rad = std::sqrt(-2.0 * std::log(1.0 - r->mt.random()));
        z = std::cos(x2pi) * g2rad;
        r->gauss_next = std::sin(x2pi) * g2rad;
        r->has_gauss_next = true;
    }
    return Value::real(mu + z * sigma);
}
Value r_normalvariate(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value args[2];
    if (!parse_args(vm, "normalvariate", a + 1, n - 1, kw, {"mu", "sigma"}, 0, args)) return Value();
    double mu = 0, sigma = 1;
    if (!args[0].is_null() && !vm.as_double(args[0], mu)) return Value();
    if (!args[1].is_null() && !vm.as_double(args[1], sigma)) return Value();
    RandomObject* r = self_rng(a);
    const double NV_MAGICCONST = 4 * std::exp(-0.5) / std::sqrt(2.0);
    double z;
    for (;;) {
        double u1 = r->mt.random();
        double u2 = 1.0 - r->mt.random();
        z = NV_MAGICCONST * (u1 - 0.5) / u2;
        double zz = z * z / 4.0;
        if (zz <= -std::log(u2)) break;
    }
    return Value::real(mu + z * sigma);
}
Value r_expovariate(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double lambd;
    if (n != 2 || !vm.as_double(a[1], lambd))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "expovariate() takes exactly one argument");
    return Value::real(-std::log(1.0 - self_rng(a)->mt.random()) / lambd);
}
Value r_triangular(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double low = 0, high = 1, mode;
    if (n > 1 && !vm.as_double(a[1], low)) return Value();
    if (n > 2 && !vm.as_double(a[2], high)) return Value();
    double u = self_rng(a)->mt.random();
    double c = 0.5;
    if (n > 3 && !a[3].is_none()) {
        if (!vm.as_double(a[3], mode)) return Value();
        if (high == low) return Value::real(low);
        c = (mode - low) / (high - low);
    }
    if (u > c) {
        u = 1.0 - u;
        c = 1.0 - c;
        std::swap(low, high);
    }
    return Value::real(low + (high - low) * std::sqrt(u * c));
}
Value r_getstate(VM& vm, Value* a, int, TupleObject*, Value&) {
    RandomObject* r = self_rng(a);
    TupleObject* t = vm.new_tuple(MT19937::N + 1);
    for (int i = 0; i < MT19937::N; ++i) t->items()[i] = Value::integer(r->mt.mt[i]);
    t->items()[MT19937::N] = Value::integer(r->mt.mti);
    return vm.tuple(
        {Value::integer(3), Value::steal(t), r->has_gauss_next ? Value::real(r->gauss_next) : Value::none()});
}
Value r_setstate(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2 || !is_kind(a[1], ObjKind::Tuple) || a[1].as<TupleObject>()->m_size != 3)
        return vm.raise(vm.e_TypeError, "state must be a tuple from getstate()");
    RandomObject* r = self_rng(a);
    auto* st = a[1].as<TupleObject>();
    auto* inner = st->items()[1].as<TupleObject>();
    for (int i = 0; i < MT19937::N; ++i) r->mt.mt[i] = static_cast<uint32_t>(inner->items()[i].as_intlike());
    r->mt.mti = static_cast<int>(inner->items()[MT19937::N].as_intlike());
    r->has_gauss_next = !st->items()[2].is_none();
    if (r->has_gauss_next) vm.as_double(st->items()[2], r->gauss_next);
    return Value::none();
}

Value random_new(VM& vm, TypeObject* t, Value* args, int nargs, TupleObject*) {
    auto* r = vm.alloc<RandomObject>(t, ObjKind::Cxx);
    Value rv = Value::steal(r);
    if (!seed_rng(vm, r, nargs > 0 ? args[0] : Value())) return Value();
    return rv;
}

// Module-level functions call the hidden shared instance.
Value bound_call(VM& vm, Value* a, int n, TupleObject* kw, Value& data) {
    auto* pair = data.as<TupleObject>();  // (instance, method)
    std::vector<Value> all;
    all.push_back(pair->items()[0]);
    for (int i = 0; i < n; ++i) all.push_back(a[i]);
    return pair->items()[1].as<NativeObject>()->m_fn(vm, all.data(), n + 1, kw,
                                                     pair->items()[1].as<NativeObject>()->m_data);
}

Value init_random(VM& vm) {
    Value mv = new_module(vm, "random");
    auto* m = mv.as<ModuleObject>();
    TypeObject* t = vm.new_builtin_type("Random", vm.t_object, ObjKind::Cxx, random_new, TF_BASETYPE, "random");
    Value tv = Value::steal(t);
    struct {
        const char* n;
        NativeFn f;
    } methods[] = {
        {"seed", r_seed},
        {"random", r_random},
        {"getrandbits", r_getrandbits},
        {"randrange", r_randrange},
        {"randint", r_randint},
        {"choice", r_choice},
        {"shuffle", r_shuffle},
        {"uniform", r_uniform},
        {"sample", r_sample},
        {"choices", r_choices},
        {"gauss", r_gauss},
        {"normalvariate", r_normalvariate},
        {"expovariate", r_expovariate},
        {"triangular", r_triangular},
        {"getstate", r_getstate},
        {"setstate", r_setstate},
    };
    for (auto& mm : methods) vm.add_method(t, mm.n, mm.f);
    module_add(vm, m, "Random", tv);
    Value inst = random_new(vm, t, nullptr, 0, nullptr);
    module_add(vm, m, "_inst", inst);
    for (auto& mm : methods) {
        Value meth = vm.type_lookup(t, vm.intern(mm.n));
        module_add(vm, m, mm.n, vm.new_native(mm.n, bound_call, vm.tuple({inst, meth})));
    }
    return mv;
}

}  // namespace

void register_random_module(VM& vm) { vm.register_module("random", init_random); }

}  // namespace aio::script
