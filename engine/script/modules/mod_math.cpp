// mod_math.cpp — the math module: constants and the functions tutorials use,
// with CPython's error messages.
#include <cmath>
#include <cstdint>

#include "modules/modules.hpp"
#include "objects/runtime.hpp"

namespace aio::script {

namespace {

// log(x) for an int too large for a double: log of its top bits plus the
// shift, as CPython's loghelper does. False when x is not such an int.
bool big_log(const Value& v, double (*f)(double), double ln2_in_f, double& out) {
    BigInt b;
    if (!is_bigint(v) || !to_bigint(v, b) || b.is_neg()) return false;
    double d;
    if (b.to_double(d)) {
        out = f(d);
        return true;
    }
    uint64_t shift = b.bit_length() - 60;
    bigint_shr(b, shift).to_double(d);
    out = f(d) + static_cast<double>(shift) * ln2_in_f;
    return true;
}

bool num_arg(VM& vm, const Value& v, double& out) {
    if (vm.as_double(v, out)) return true;
    vm.clear_exc();
    vm.raisef(vm.e_TypeError, "must be real number, not %s", type_name(v).c_str());
    return false;
}

template <double (*F)(double)>
Value m_unary(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double x;
    if (n != 1) return vm.raise(vm.e_TypeError, "math function takes exactly one argument");
    if (!num_arg(vm, a[0], x)) return Value();
    errno = 0;
    double r = F(x);
    if (std::isnan(r) && !std::isnan(x)) return vm.raise(vm.e_ValueError, "math domain error");
    if (std::isinf(r) && std::isfinite(x)) return vm.raise(vm.e_OverflowError, "math range error");
    return Value::real(r);
}

Value m_sqrt(VM& vm, Value* a, int n, TupleObject* kw, Value& d) {
    double x;
    if (n == 1 && num_arg(vm, a[0], x) && x < 0) return vm.raise(vm.e_ValueError, "math domain error");
    if (vm.has_exc()) return Value();
    return m_unary<std::sqrt>(vm, a, n, kw, d);
}
Value m_floor(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1) return vm.raise(vm.e_TypeError, "floor() takes exactly one argument");
    if (a[0].is_intlike()) return Value::integer(a[0].as_intlike());
    if (!a[0].is_float()) {
        Value f = vm.type_lookup(vm.type_of(a[0]), vm.intern("__floor__"));
        if (!f.is_null()) return vm.call(f, {a[0]});
    }
    double x;
    if (!num_arg(vm, a[0], x)) return Value();
    return vm.call_method(Value::real(std::floor(x)), "__int__", {});
}
Value m_ceil(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1) return vm.raise(vm.e_TypeError, "ceil() takes exactly one argument");
    if (a[0].is_intlike()) return Value::integer(a[0].as_intlike());
    if (!a[0].is_float()) {
        Value f = vm.type_lookup(vm.type_of(a[0]), vm.intern("__ceil__"));
        if (!f.is_null()) return vm.call(f, {a[0]});
    }
    double x;
    if (!num_arg(vm, a[0], x)) return Value();
    return vm.call_method(Value::real(std::ceil(x)), "__int__", {});
}
Value m_trunc(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1) return vm.raise(vm.e_TypeError, "trunc() takes exactly one argument");
    return vm.call_method(a[0], "__trunc__", {});
}
Value m_log(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n < 1 || n > 2) return vm.raise(vm.e_TypeError, "log expected 1 or 2 arguments");
    double x, r;
    if (!big_log(a[0], std::log, M_LN2, r)) {
        if (!num_arg(vm, a[0], x)) return Value();
        if (x <= 0) return vm.raise(vm.e_ValueError, "math domain error");
        r = std::log(x);
    }
    if (n == 2) {
        double b;
        if (big_log(a[1], std::log, M_LN2, b)) {
            r /= b;
            return Value::real(r);
        }
        if (!num_arg(vm, a[1], b)) return Value();
        if (b <= 0 || b == 1)
            return vm.raise(b == 1 ? vm.e_ZeroDivisionError : vm.e_ValueError,
                            b == 1 ? "float division by zero" : "math domain error");
        r /= std::log(b);
    }
    return Value::real(r);
}
Value m_log2(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double x;
    if (n == 1 && big_log(a[0], std::log2, 1.0, x)) return Value::real(x);
    if (n != 1 || !num_arg(vm, a[0], x))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "log2 expects one argument");
    if (x <= 0) return vm.raise(vm.e_ValueError, "math domain error");
    return Value::real(std::log2(x));
}
Value m_log10(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double x;
    if (n == 1 && big_log(a[0], std::log10, 0.30102999566398119521, x)) return Value::real(x);
    if (n != 1 || !num_arg(vm, a[0], x))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "log10 expects one argument");
    if (x <= 0) return vm.raise(vm.e_ValueError, "math domain error");
    return Value::real(std::log10(x));
}
Value m_pow(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double x, y;
    if (n != 2 || !num_arg(vm, a[0], x) || !num_arg(vm, a[1], y))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "pow expected 2 arguments");
    if (x == 0 && y < 0) return vm.raise(vm.e_ValueError, "math domain error");
    double r = std::pow(x, y);
    if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return vm.raise(vm.e_ValueError, "math domain error");
    if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) return vm.raise(vm.e_OverflowError, "math range error");
    return Value::real(r);
}
template <double (*F)(double, double)>
Value m_binary(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double x, y;
    if (n != 2 || !num_arg(vm, a[0], x) || !num_arg(vm, a[1], y))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "expected 2 arguments");
    double r = F(x, y);
    if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return vm.raise(vm.e_ValueError, "math domain error");
    return Value::real(r);
}
Value m_hypot(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double acc = 0;
    for (int i = 0; i < n; ++i) {
        double x;
        if (!num_arg(vm, a[i], x)) return Value();
        acc = std::hypot(acc, x);
    }
    return Value::real(acc);
}
template <bool (*P)(double)>
Value m_pred(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double x;
    if (n != 1 || !num_arg(vm, a[0], x))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "expected 1 argument");
    return Value::boolean(P(x));
}
bool p_isnan(double x) { return std::isnan(x); }
bool p_isinf(double x) { return std::isinf(x); }
bool p_isfinite(double x) { return std::isfinite(x); }
Value m_fabs(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double x;
    if (n != 1 || !num_arg(vm, a[0], x))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "fabs expects one argument");
    return Value::real(std::fabs(x));
}
// An integer argument (int, bool, big int or __index__) as a BigInt.
bool int_arg(VM& vm, const Value& v, BigInt& out) {
    if (to_bigint(v, out)) return true;
    int64_t x;
    if (!int_from_value(vm, v, x, "")) return false;
    out = BigInt::from_i64(x);
    return true;
}

// Charges the instruction budget and reserves memory for a result of about
// `bits` bits, so factorial(10**8) is a MemoryError, not a minute's work.
bool afford_bits(VM& vm, double bits) {
    if (bits > static_cast<double>(vm.m_limits.max_memory) * 8) {
        vm.raise(vm.e_MemoryError, "");
        return false;
    }
    // Karatsuba's cost grows as limbs**1.585: charged up front, so a run with
    // an instruction limit stops before a factorial of millions starts.
    double work = std::pow(bits / 32, 1.585) / 8;
    return vm.reserve_memory(static_cast<size_t>(bits / 8) + 16) && vm.charge(1 + static_cast<uint64_t>(work));
}

// lo * (lo+1) * ... * hi by binary splitting: balanced products are what
// Karatsuba makes fast.
BigInt range_product(uint64_t lo, uint64_t hi) {
    if (lo > hi) return BigInt::from_i64(1);
    if (hi - lo < 16) {
        BigInt r = BigInt::from_u64(lo);
        for (uint64_t i = lo + 1; i <= hi; ++i) r = bigint_mul(r, BigInt::from_u64(i));
        return r;
    }
    uint64_t mid = lo + (hi - lo) / 2;
    return bigint_mul(range_product(lo, mid), range_product(mid + 1, hi));
}

Value m_gcd(VM& vm, Value* a, int n, TupleObject*, Value&) {
    BigInt g;
    for (int i = 0; i < n; ++i) {
        BigInt x;
        if (!int_arg(vm, a[i], x)) return Value();
        g = bigint_gcd(g, x);
    }
    return int_value(vm, g);
}
Value m_lcm(VM& vm, Value* a, int n, TupleObject*, Value&) {
    BigInt l = BigInt::from_i64(1);
    for (int i = 0; i < n; ++i) {
        BigInt x, q;
        if (!int_arg(vm, a[i], x)) return Value();
        if (x.is_zero()) return Value::integer(0);
        bigint_divmod(l, bigint_gcd(l, x), &q, nullptr);
        if (!afford_bits(vm, static_cast<double>(q.bit_length() + x.bit_length()))) return Value();
        l = bigint_mul(q, x.abs());
    }
    return int_value(vm, l);
}
Value m_factorial(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1) return vm.raisef(vm.e_TypeError, "math.factorial() takes exactly one argument (%d given)", n);
    BigInt x;
    int64_t v;
    if (!int_arg(vm, a[0], x)) return Value();
    if (x.is_neg()) return vm.raise(vm.e_ValueError, "factorial() not defined for negative values");
    if (!x.fits_i64(v))
        return vm.raise(vm.e_OverflowError, "factorial() argument should not exceed 9223372036854775807");
    if (v < 2) return Value::integer(1);
    if (!afford_bits(vm, static_cast<double>(v) * std::log2(static_cast<double>(v)))) return Value();
    return int_value(vm, range_product(2, static_cast<uint64_t>(v)));
}
// n and k of comb/perm: non-negative ints, with CPython's messages.
bool comb_args(VM& vm, const Value& nv, const Value& kv, BigInt& N, BigInt& K) {
    if (!int_arg(vm, nv, N) || !int_arg(vm, kv, K)) return false;
    if (N.is_neg() || K.is_neg()) {
        vm.raise(vm.e_ValueError, N.is_neg() ? "n must be a non-negative integer" : "k must be a non-negative integer");
        return false;
    }
    return true;
}
Value m_comb(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raisef(vm.e_TypeError, "comb expected 2 arguments, got %d", n);
    BigInt N, K;
    if (!comb_args(vm, a[0], a[1], N, K)) return Value();
    if (bigint_cmp(K, N) > 0) return Value::integer(0);
    BigInt rest = bigint_sub(N, K);
    if (bigint_cmp(rest, K) < 0) K = rest;
    int64_t k;
    if (!K.fits_i64(k)) return vm.raise(vm.e_OverflowError, "min(n - k, k) must not exceed 9223372036854775807");
    if (!afford_bits(vm, static_cast<double>(k) * static_cast<double>(N.bit_length()))) return Value();
    // r = C(N-K+i, i) after step i; each division is exact.
    BigInt r = BigInt::from_i64(1), base = bigint_sub(N, K), q;
    for (int64_t i = 1; i <= k; ++i) {
        r = bigint_mul(r, bigint_add(base, BigInt::from_i64(i)));
        bigint_divmod(r, BigInt::from_i64(i), &q, nullptr);
        r = std::move(q);
    }
    return int_value(vm, r);
}
Value m_perm(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n < 1 || n > 2)
        return vm.raisef(
            vm.e_TypeError,
            n < 1 ? "perm expected at least 1 argument, got %d" : "perm expected at most 2 arguments, got %d", n);
    BigInt N, K;
    if (!comb_args(vm, a[0], n > 1 && !a[1].is_none() ? a[1] : a[0], N, K)) return Value();
    if (bigint_cmp(K, N) > 0) return Value::integer(0);
    int64_t k;
    if (!K.fits_i64(k)) return vm.raise(vm.e_OverflowError, "k must not exceed 9223372036854775807");
    if (!afford_bits(vm, static_cast<double>(k) * static_cast<double>(N.bit_length()))) return Value();
    BigInt r = BigInt::from_i64(1);
    int64_t small;
    if (N.fits_i64(small)) {
        r = range_product(static_cast<uint64_t>(small - k + 1), static_cast<uint64_t>(small));
    } else {
        for (int64_t i = 0; i < k; ++i) r = bigint_mul(r, bigint_sub(N, BigInt::from_i64(i)));
    }
    return int_value(vm, r);
}
Value m_isclose(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value args[4];
    if (!parse_args(vm, "isclose", a, n, kw, {"a", "b", "rel_tol", "abs_tol"}, 2, args, 2)) return Value();
    double x, y, rel = 1e-9, abst = 0;
    if (!num_arg(vm, args[0], x) || !num_arg(vm, args[1], y)) return Value();
    if (!args[2].is_null() && !num_arg(vm, args[2], rel)) return Value();
    if (!args[3].is_null() && !num_arg(vm, args[3], abst)) return Value();
    if (x == y) return Value::boolean(true);
    if (std::isinf(x) || std::isinf(y)) return Value::boolean(false);
    double diff = std::fabs(y - x);
    return Value::boolean(diff <= std::fabs(rel * y) || diff <= std::fabs(rel * x) || diff <= abst);
}
Value m_prod(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value args[2];
    if (!parse_args(vm, "prod", a, n, kw, {"iterable", "start"}, 1, args, 1)) return Value();
    Value acc = args[1].is_null() ? Value::integer(1) : args[1];
    std::vector<Value> items;
    if (!vm.to_list(args[0], items)) return Value();
    for (auto& x : items) {
        acc = vm.binary_op(BinOp::Mul, acc, x);
        if (acc.is_null()) return acc;
    }
    return acc;
}
Value m_fsum(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1) return vm.raise(vm.e_TypeError, "fsum() takes exactly one argument");
    std::vector<Value> items;
    if (!vm.to_list(a[0], items)) return Value();
    // Shewchuk's exact summation (as CPython's math.fsum).
    std::vector<double> partials;
    for (auto& v : items) {
        double x;
        if (!num_arg(vm, v, x)) return Value();
        size_t i = 0;
        for (double y : partials) {
            if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) partials[i++] = lo;
            x = hi;
        }
        partials.resize(i);
        partials.push_back(x);
    }
    double total = 0;
    for (double p : partials) total += p;
    return Value::real(total);
}
Value m_degrees(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double x;
    if (n != 1 || !num_arg(vm, a[0], x))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "degrees expects one argument");
    return Value::real(x * (180.0 / M_PI));
}
Value m_radians(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double x;
    if (n != 1 || !num_arg(vm, a[0], x))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "radians expects one argument");
    return Value::real(x * (M_PI / 180.0));
}
Value m_modf(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double x;
    if (n != 1 || !num_arg(vm, a[0], x))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "modf expects one argument");
    double ip;
    double fp = std::modf(x, &ip);
    return vm.tuple({Value::real(fp), Value::real(ip)});
}
Value m_frexp(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double x;
    if (n != 1) return vm.raisef(vm.e_TypeError, "math.frexp() takes exactly one argument (%d given)", n);
    if (!num_arg(vm, a[0], x)) return Value();
    if (std::isnan(x) || std::isinf(x) || x == 0.0) return vm.tuple({Value::real(x), Value::integer(0)});
    int e;
    double m = std::frexp(x, &e);
    return vm.tuple({Value::real(m), Value::integer(e)});
}
Value m_ldexp(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double x;
    if (n != 2) return vm.raisef(vm.e_TypeError, "ldexp expected 2 arguments, got %d", n);
    if (!num_arg(vm, a[0], x)) return Value();
    if (a[1].is_float()) return vm.raise(vm.e_TypeError, "Expected an int as second argument to ldexp.");
    BigInt big;
    int64_t e;
    if (!int_arg(vm, a[1], big)) return Value();
    if (!big.fits_i64(e)) e = big.is_neg() ? INT64_MIN : INT64_MAX;
    if (x == 0.0 || !std::isfinite(x)) return Value::real(x);
    int ei = e > 100000 ? 100000 : e < -100000 ? -100000 : static_cast<int>(e);
    double r = std::ldexp(x, ei);
    if (std::isinf(r)) return vm.raise(vm.e_OverflowError, "math range error");
    return Value::real(r);
}
Value m_dist(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raise(vm.e_TypeError, "dist expected 2 arguments");
    std::vector<Value> p, q;
    if (!vm.to_list(a[0], p) || !vm.to_list(a[1], q)) return Value();
    if (p.size() != q.size()) return vm.raise(vm.e_ValueError, "both points must have the same number of dimensions");
    double acc = 0;
    for (size_t i = 0; i < p.size(); ++i) {
        double x, y;
        if (!num_arg(vm, p[i], x) || !num_arg(vm, q[i], y)) return Value();
        acc = std::hypot(acc, x - y);
    }
    return Value::real(acc);
}
Value m_isqrt(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1) return vm.raisef(vm.e_TypeError, "math.isqrt() takes exactly one argument (%d given)", n);
    BigInt x;
    if (a[0].is_float()) return vm.raise(vm.e_TypeError, "'float' object cannot be interpreted as an integer");
    if (!int_arg(vm, a[0], x)) return Value();
    if (x.is_neg()) return vm.raise(vm.e_ValueError, "isqrt() argument must be nonnegative");
    if (!vm.charge(1 + x.size() * x.size() / 64)) return Value();
    return int_value(vm, bigint_isqrt(x));
}

Value init_math(VM& vm) {
    Value mv = new_module(vm, "math");
    auto* m = mv.as<ModuleObject>();
    module_add(vm, m, "pi", Value::real(M_PI));
    module_add(vm, m, "e", Value::real(M_E));
    module_add(vm, m, "tau", Value::real(2 * M_PI));
    module_add(vm, m, "inf", Value::real(INFINITY));
    module_add(vm, m, "nan", Value::real(NAN));
    struct {
        const char* n;
        NativeFn f;
    } fns[] = {
        {"sqrt", m_sqrt},
        {"floor", m_floor},
        {"ceil", m_ceil},
        {"trunc", m_trunc},
        {"log", m_log},
        {"log2", m_log2},
        {"log10", m_log10},
        {"exp", m_unary<std::exp>},
        {"pow", m_pow},
        {"sin", m_unary<std::sin>},
        {"cos", m_unary<std::cos>},
        {"tan", m_unary<std::tan>},
        {"asin", m_unary<std::asin>},
        {"acos", m_unary<std::acos>},
        {"atan", m_unary<std::atan>},
        {"sinh", m_unary<std::sinh>},
        {"cosh", m_unary<std::cosh>},
        {"tanh", m_unary<std::tanh>},
        {"atan2", m_binary<std::atan2>},
        {"fmod", m_binary<std::fmod>},
        {"copysign", m_binary<std::copysign>},
        {"hypot", m_hypot},
        {"isnan", m_pred<p_isnan>},
        {"isinf", m_pred<p_isinf>},
        {"isfinite", m_pred<p_isfinite>},
        {"fabs", m_fabs},
        {"gcd", m_gcd},
        {"lcm", m_lcm},
        {"factorial", m_factorial},
        {"comb", m_comb},
        {"perm", m_perm},
        {"isclose", m_isclose},
        {"prod", m_prod},
        {"fsum", m_fsum},
        {"degrees", m_degrees},
        {"radians", m_radians},
        {"modf", m_modf},
        {"frexp", m_frexp},
        {"ldexp", m_ldexp},
        {"dist", m_dist},
        {"isqrt", m_isqrt},
        {"expm1", m_unary<std::expm1>},
        {"log1p", m_unary<std::log1p>},
    };
    for (auto& f : fns) module_add_fn(vm, m, f.n, f.f);
    return mv;
}

}  // namespace

void register_math_module(VM& vm) { vm.register_module("math", init_math); }

}  // namespace aio::script
