// numbers.cpp — int, float and bool: constructors and methods.
//
// ints are int64 inline; beyond that a BigIntObject (int_ops.cpp), whose
// methods here read it through to_bigint.
#include <cmath>

#include "objects/runtime.hpp"

namespace aio::script {

namespace {

Value int_from_float(VM& vm, double d) {
    if (std::isnan(d)) return vm.raise(vm.e_ValueError, "cannot convert float NaN to integer");
    if (std::isinf(d)) return vm.raise(vm.e_OverflowError, "cannot convert float infinity to integer");
    double t = std::trunc(d);
    if (t >= 9223372036854775808.0 || t < -9223372036854775808.0) return int_value(vm, BigInt::from_double(t));
    return Value::integer(static_cast<int64_t>(t));
}

Value int_new(VM& vm, TypeObject*, Value* args, int nargs, TupleObject* kw) {
    Value a[2];
    if (!parse_args(vm, "int", args, nargs, kw, {"x", "base"}, 0, a, 2)) return Value();
    if (a[0].is_null()) {
        if (!a[1].is_null()) return vm.raise(vm.e_TypeError, "int() missing string argument");
        return Value::integer(0);
    }
    const Value& x = a[0];
    if (!a[1].is_null()) {
        int64_t base;
        if (!int_from_value(vm, a[1], base, "base")) return Value();
        if (!is_str(x)) return vm.raise(vm.e_TypeError, "int() can't convert non-string with explicit base");
        if (base != 0 && (base < 2 || base > 36))
            return vm.raise(vm.e_ValueError, "int() base must be >= 2 and <= 36, or 0");
        return int_from_string(vm, as_str(x)->view(), static_cast<int>(base));
    }
    if (x.is_int() || is_bigint(x)) return x;
    if (x.is_bool()) return Value::integer(x.as_intlike());
    if (x.is_float()) return int_from_float(vm, x.as_float());
    if (is_str(x)) return int_from_string(vm, as_str(x)->view(), 10);
    TypeObject* t = vm.type_of(x);
    for (StrObject* n : {vm.names().d_int, vm.names().d_index}) {
        Value f = vm.type_lookup(t, n);
        if (!f.is_null()) {
            Value r = vm.call(f, {x});
            if (r.is_null()) return Value();
            if (is_bigint(r)) return r;
            if (!r.is_intlike())
                return vm.raisef(vm.e_TypeError, "__int__ returned non-int (type %s)", type_name(r).c_str());
            return Value::integer(r.as_intlike());
        }
    }
    Value tr = vm.type_lookup(t, vm.intern("__trunc__"));
    if (!tr.is_null()) return vm.call(tr, {x});
    return vm.raisef(vm.e_TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                     type_name(x).c_str());
}

Value float_new(VM& vm, TypeObject*, Value* args, int nargs, TupleObject* kw) {
    if (!no_kwargs(vm, "float", kw)) return Value();
    if (nargs > 1) return vm.raisef(vm.e_TypeError, "float expected at most 1 argument, got %d", nargs);
    if (nargs == 0) return Value::real(0.0);
    const Value& x = args[0];
    if (x.is_float()) return x;
    if (x.is_intlike()) return Value::real(static_cast<double>(x.as_intlike()));
    if (is_bigint(x)) {
        double d;
        if (!int_to_double(vm, x, d)) return Value();
        return Value::real(d);
    }
    if (is_str(x)) return float_from_string(vm, as_str(x)->view());
    TypeObject* t = vm.type_of(x);
    Value f = vm.type_lookup(t, vm.names().d_float);
    if (!f.is_null()) {
        Value r = vm.call(f, {x});
        if (r.is_null()) return Value();
        if (!r.is_float())
            return vm.raisef(vm.e_TypeError, "%s.__float__ returned non-float (type %s)", type_name(x).c_str(),
                             type_name(r).c_str());
        return r;
    }
    int64_t i;
    if (vm.index_of(x, i)) return Value::real(static_cast<double>(i));
    if (vm.has_exc()) return Value();
    return vm.raisef(vm.e_TypeError, "float() argument must be a string or a real number, not '%s'",
                     type_name(x).c_str());
}

Value bool_new(VM& vm, TypeObject*, Value* args, int nargs, TupleObject* kw) {
    if (!no_kwargs(vm, "bool", kw)) return Value();
    if (nargs > 1) return vm.raisef(vm.e_TypeError, "bool expected at most 1 argument, got %d", nargs);
    if (nargs == 0) return Value::boolean(false);
    int t = vm.truthy(args[0]);
    if (t < 0) return Value();
    return Value::boolean(t);
}

Value none_new(VM& vm, TypeObject*, Value*, int nargs, TupleObject*) {
    if (nargs) return vm.raise(vm.e_TypeError, "NoneType takes no arguments");
    return Value::none();
}

int64_t self_int(Value* a) { return a[0].as_intlike(); }

Value i_bit_length(VM& vm, Value* a, int, TupleObject*, Value&) {
    BigInt b;
    if (is_bigint(a[0]) && to_bigint(a[0], b)) return int_value(vm, BigInt::from_u64(b.bit_length()));
    int64_t v = self_int(a);
    uint64_t m = v < 0 ? -static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    int n = 0;
    while (m) {
        ++n;
        m >>= 1;
    }
    return Value::integer(n);
}
Value i_bit_count(VM& vm, Value* a, int, TupleObject*, Value&) {
    BigInt b;
    if (is_bigint(a[0]) && to_bigint(a[0], b)) return int_value(vm, BigInt::from_u64(b.bit_count()));
    int64_t v = self_int(a);
    uint64_t m = v < 0 ? -static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    return Value::integer(__builtin_popcountll(m));
}
// The int itself (a bool becomes its int).
Value self_as_int(Value* a) { return is_bigint(a[0]) ? a[0] : Value::integer(self_int(a)); }
Value i_conjugate(VM&, Value* a, int, TupleObject*, Value&) { return self_as_int(a); }
Value i_real(VM&, Value* a, int, TupleObject*, Value&) { return self_as_int(a); }
Value i_imag(VM&, Value*, int, TupleObject*, Value&) { return Value::integer(0); }
Value i_denominator(VM&, Value*, int, TupleObject*, Value&) { return Value::integer(1); }
Value i_ratio(VM& vm, Value* a, int, TupleObject*, Value&) { return vm.tuple({self_as_int(a), Value::integer(1)}); }
Value i_is_integer(VM&, Value*, int, TupleObject*, Value&) { return Value::boolean(true); }
Value i_index(VM&, Value* a, int, TupleObject*, Value&) { return self_as_int(a); }
Value i_to_bytes(VM& vm, Value*, int, TupleObject*, Value&) {
    return vm.raise(vm.e_NotImplementedError, "bytes are not supported");
}
Value i_format(VM& vm, Value* a, int n, TupleObject*, Value&) {
    std::string out;
    std::string_view spec = n > 1 && is_str(a[1]) ? as_str(a[1])->view() : "";
    if (a[0].is_bool() && spec.empty()) return vm.to_str(a[0]);
    if (is_bigint(a[0])) return vm.format(a[0], spec);
    if (!format_int(vm, self_int(a), spec, out)) return Value();
    return vm.str(out);
}
Value i_round(VM& vm, Value* a, int n, TupleObject*, Value&) {
    int64_t v = self_int(a);
    if (n < 2 || a[1].is_none()) return self_as_int(a);
    int64_t nd;
    if (!int_from_value(vm, a[1], nd, "ndigits")) return Value();
    if (nd >= 0) return self_as_int(a);
    if (is_bigint(a[0])) return vm.raise(vm.e_NotImplementedError, "round() of an int beyond 64 bits to tens");
    // Round to 10**-nd, halves to even.
    if (nd < -18) return Value::integer(0);
    int64_t p = 1;
    for (int64_t i = 0; i < -nd; ++i) p *= 10;
    int64_t q = v / p, r = v % p;
    if (r < 0) {
        r += p;
        --q;
    }
    if (2 * r > p || (2 * r == p && (q & 1))) ++q;
    int64_t out;
    if (__builtin_mul_overflow(q, p, &out)) return vm.int_overflow();
    return Value::integer(out);
}

double self_float(Value* a) { return a[0].as_float(); }
Value f_is_integer(VM&, Value* a, int, TupleObject*, Value&) {
    double d = self_float(a);
    return Value::boolean(std::isfinite(d) && d == std::floor(d));
}
Value f_conjugate(VM&, Value* a, int, TupleObject*, Value&) { return a[0]; }
Value f_real(VM&, Value* a, int, TupleObject*, Value&) { return a[0]; }
Value f_imag(VM&, Value*, int, TupleObject*, Value&) { return Value::real(0.0); }
Value f_ratio(VM& vm, Value* a, int, TupleObject*, Value&) {
    double d = self_float(a);
    if (std::isinf(d)) return vm.raise(vm.e_OverflowError, "cannot convert Infinity to integer ratio");
    if (std::isnan(d)) return vm.raise(vm.e_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = std::frexp(d, &e);
    for (int i = 0; i < 300 && m != std::floor(m); ++i) {
        m *= 2;
        --e;
    }
    int64_t num = static_cast<int64_t>(m), den = 1;
    if (e > 0) {
        for (int i = 0; i < e; ++i)
            if (__builtin_mul_overflow(num, 2, &num)) return vm.int_overflow();
    } else {
        for (int i = 0; i < -e; ++i)
            if (__builtin_mul_overflow(den, 2, &den)) return vm.int_overflow();
    }
    return vm.tuple({Value::integer(num), Value::integer(den)});
}
Value f_format(VM& vm, Value* a, int n, TupleObject*, Value&) {
    std::string out;
    if (!format_float(vm, self_float(a), n > 1 && is_str(a[1]) ? as_str(a[1])->view() : "", out)) return Value();
    return vm.str(out);
}
Value f_round(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double d = self_float(a);
    if (n < 2 || a[1].is_none()) {
        if (std::isnan(d)) return vm.raise(vm.e_ValueError, "cannot convert float NaN to integer");
        if (std::isinf(d)) return vm.raise(vm.e_OverflowError, "cannot convert float infinity to integer");
        double r = std::nearbyint(d);  // default rounding mode: halves to even
        if (r >= 9223372036854775808.0 || r < -9223372036854775808.0) return vm.int_overflow();
        return Value::integer(static_cast<int64_t>(r));
    }
    int64_t nd;
    if (!int_from_value(vm, a[1], nd, "ndigits")) return Value();
    if (!std::isfinite(d) || d == 0.0) return Value::real(d);
    if (nd > 323) return Value::real(d);
    if (nd < -308) return Value::real(0.0 * d);
    if (nd >= 0) {
        // Correctly rounded: the exact decimal expansion rounded half-even by printf.
        char buf[512];
        std::snprintf(buf, sizeof buf, "%.*f", static_cast<int>(nd), d);
        return Value::real(std::strtod(buf, nullptr));
    }
    double p = std::pow(10.0, static_cast<double>(-nd));
    double y = d / p;
    double z = std::nearbyint(y);
    if (std::fabs(y - z) == 0.5) z = 2.0 * std::nearbyint(y / 2.0);
    return Value::real(z * p);
}
Value f_trunc(VM& vm, Value* a, int, TupleObject*, Value&) { return int_from_float(vm, self_float(a)); }
Value f_floor(VM& vm, Value* a, int, TupleObject*, Value&) { return int_from_float(vm, std::floor(self_float(a))); }
Value f_ceil(VM& vm, Value* a, int, TupleObject*, Value&) { return int_from_float(vm, std::ceil(self_float(a))); }
Value f_int(VM& vm, Value* a, int, TupleObject*, Value&) { return int_from_float(vm, self_float(a)); }
Value f_float(VM&, Value* a, int, TupleObject*, Value&) { return a[0]; }
Value f_hex(VM& vm, Value* a, int, TupleObject*, Value&) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%a", self_float(a));
    return vm.str(buf);
}

}  // namespace

void init_number_types(VM& vm) {
    vm.t_int->m_new = int_new;
    vm.t_int->m_tflags |= TF_BASETYPE;
    vm.t_float->m_new = float_new;
    vm.t_bool->m_new = bool_new;
    vm.t_none->m_new = none_new;
    TypeObject* i = vm.t_int;
    vm.add_method(i, "bit_length", i_bit_length);
    vm.add_method(i, "bit_count", i_bit_count);
    vm.add_method(i, "conjugate", i_conjugate);
    vm.add_method(i, "as_integer_ratio", i_ratio);
    vm.add_method(i, "is_integer", i_is_integer);
    vm.add_method(i, "to_bytes", i_to_bytes);
    vm.add_method(i, "__index__", i_index);
    vm.add_method(i, "__int__", i_index);
    vm.add_method(i, "__format__", i_format);
    vm.add_method(i, "__round__", i_round);
    vm.add_method(i, "__trunc__", i_index);
    vm.add_method(i, "__floor__", i_index);
    vm.add_method(i, "__ceil__", i_index);
    vm.add_property(i, "real", i_real);
    vm.add_property(i, "imag", i_imag);
    vm.add_property(i, "numerator", i_real);
    vm.add_property(i, "denominator", i_denominator);
    TypeObject* f = vm.t_float;
    vm.add_method(f, "is_integer", f_is_integer);
    vm.add_method(f, "conjugate", f_conjugate);
    vm.add_method(f, "as_integer_ratio", f_ratio);
    vm.add_method(f, "hex", f_hex);
    vm.add_method(f, "__format__", f_format);
    vm.add_method(f, "__round__", f_round);
    vm.add_method(f, "__trunc__", f_trunc);
    vm.add_method(f, "__floor__", f_floor);
    vm.add_method(f, "__ceil__", f_ceil);
    vm.add_method(f, "__int__", f_int);
    vm.add_method(f, "__float__", f_float);
    vm.add_property(f, "real", f_real);
    vm.add_property(f, "imag", f_imag);
}

}  // namespace aio::script
