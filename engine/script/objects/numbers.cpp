// numbers.cpp — int, float and bool: constructors and methods.
//
// ints are int64 inline; beyond that a BigIntObject (int_ops.cpp), whose
// methods here read it through to_bigint.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>

#include "objects/bytes.hpp"
#include "objects/runtime.hpp"

namespace aio::script {

Value int_from_float(VM& vm, double d) {
    if (std::isnan(d)) return vm.raise(vm.e_ValueError, "cannot convert float NaN to integer");
    if (std::isinf(d)) return vm.raise(vm.e_OverflowError, "cannot convert float infinity to integer");
    double t = std::trunc(d);
    if (t >= 9223372036854775808.0 || t < -9223372036854775808.0) return int_value(vm, BigInt::from_double(t));
    return Value::integer(static_cast<int64_t>(t));
}

namespace {

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
// byteorder argument of to_bytes/from_bytes: true for 'little'.
bool byteorder_arg(VM& vm, const Value& v, bool& little) {
    if (v.is_null()) {
        little = false;
        return true;
    }
    if (!is_str(v)) {
        vm.raisef(vm.e_TypeError, "to_bytes() argument 'byteorder' must be str, not %s", type_name(v).c_str());
        return false;
    }
    std::string_view s = as_str(v)->view();
    if (s != "little" && s != "big") {
        vm.raise(vm.e_ValueError, "byteorder must be either 'little' or 'big'");
        return false;
    }
    little = s == "little";
    return true;
}

// int.to_bytes(length=1, byteorder='big', *, signed=False)
Value i_to_bytes(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value args[3];
    if (!parse_args(vm, "to_bytes", a + 1, n - 1, kw, {"length", "byteorder", "signed"}, 0, args, 2)) return Value();
    int64_t length = 1;
    bool little;
    int is_signed = args[2].is_null() ? 0 : vm.truthy(args[2]);
    if (is_signed < 0) return Value();
    if (!args[0].is_null() && !int_from_value(vm, args[0], length, "length")) return Value();
    if (length < 0) return vm.raise(vm.e_ValueError, "length argument must be non-negative");
    if (!byteorder_arg(vm, args[1], little)) return Value();
    BigInt v;
    to_bigint(a[0], v);
    if (v.is_neg() && !is_signed) return vm.raise(vm.e_OverflowError, "can't convert negative int to unsigned");
    // The bits the value needs: its magnitude's, plus a sign bit when signed
    // (-2**(k-1) is the one negative that fits in k bits without it).
    uint64_t bits = v.bit_length();
    if (is_signed && !v.is_zero()) {
        BigInt m = v.abs();
        bool power_of_two = m.bit_count() == 1;
        if (!(v.is_neg() && power_of_two)) ++bits;
    }
    if (bits > static_cast<uint64_t>(length) * 8) return vm.raise(vm.e_OverflowError, "int too big to convert");
    if (!vm.reserve_memory(static_cast<size_t>(length))) return Value();
    if (v.is_neg()) v = bigint_add(v, bigint_shl(BigInt::from_i64(1), static_cast<uint64_t>(length) * 8));
    std::string out(static_cast<size_t>(length), '\0');
    for (size_t i = 0; i < v.m_mag.size() * 4 && i < out.size(); ++i)
        out[little ? i : out.size() - 1 - i] = static_cast<char>((v.m_mag[i / 4] >> (8 * (i % 4))) & 0xFF);
    return new_bytes(vm, out);
}

// int.from_bytes(bytes, byteorder='big', *, signed=False): a class method.
Value i_from_bytes(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value args[3];
    if (!parse_args(vm, "from_bytes", a + 1, n - 1, kw, {"bytes", "byteorder", "signed"}, 1, args, 2)) return Value();
    bool little;
    int is_signed = args[2].is_null() ? 0 : vm.truthy(args[2]);
    if (is_signed < 0 || !byteorder_arg(vm, args[1], little)) return Value();
    std::string data;
    if (is_str(args[0])) return vm.raise(vm.e_TypeError, "cannot convert 'str' object to bytes");
    if (!bytes_from_object(vm, args[0], data, false)) return Value();
    if (!little) std::reverse(data.begin(), data.end());
    BigInt v;
    v.m_mag.assign((data.size() + 3) / 4, 0);
    for (size_t i = 0; i < data.size(); ++i)
        v.m_mag[i / 4] |= static_cast<uint32_t>(static_cast<uint8_t>(data[i])) << (8 * (i % 4));
    v.trim();
    if (is_signed && !data.empty() && (static_cast<uint8_t>(data.back()) & 0x80))
        v = bigint_sub(v, bigint_shl(BigInt::from_i64(1), data.size() * 8));
    Value r = int_value(vm, v);
    if (r.is_null() || a[0].as<TypeObject>() == vm.t_int) return r;
    return vm.call(a[0], {r});  // a subclass gets cls(value), as CPython's
}
Value i_format(VM& vm, Value* a, int n, TupleObject*, Value&) {
    std::string out;
    std::string_view spec = n > 1 && is_str(a[1]) ? as_str(a[1])->view() : "";
    if (a[0].is_bool() && spec.empty()) return vm.to_str(a[0]);
    if (!format_int(vm, a[0], spec, out)) return Value();
    return vm.str(out);
}
Value i_round(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n < 2 || a[1].is_none()) return self_as_int(a);
    int64_t nd;
    if (!int_from_value(vm, a[1], nd, "ndigits")) return Value();
    if (nd >= 0) return self_as_int(a);
    // Round to a multiple of p = 10**-nd, halves to even.
    BigInt v, q, r;
    to_bigint(a[0], v);
    // 10**k > 2|v| once k passes the digit count: the result is 0.
    if (static_cast<uint64_t>(-(nd + 1)) > v.bit_length() / 3 + 1) return Value::integer(0);
    BigInt p = bigint_pow(BigInt::from_i64(10), static_cast<uint64_t>(-nd));
    bigint_divmod(v, p, &q, &r);
    int c = bigint_cmp(bigint_add(r, r), p);
    if (c > 0 || (c == 0 && q.is_odd())) q = bigint_add(q, BigInt::from_i64(1));
    return int_value(vm, bigint_mul(q, p));
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
    BigInt num = BigInt::from_double(m), den = BigInt::from_i64(1);
    if (e > 0)
        num = bigint_shl(num, static_cast<uint64_t>(e));
    else
        den = bigint_shl(den, static_cast<uint64_t>(-e));
    Value nv = int_value(vm, num), dv = int_value(vm, den);
    if (nv.is_null() || dv.is_null()) return Value();
    return vm.tuple({nv, dv});
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
        return int_from_float(vm, r);
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
// float.hex(): CPython's fixed form, 13 hex digits after the point
// ('0x1.4000000000000p+1', subnormals as '0x0.<digits>p-1022').
Value f_hex(VM& vm, Value* a, int, TupleObject*, Value&) {
    double d = self_float(a);
    if (std::isnan(d)) return vm.str("nan");
    if (std::isinf(d)) return vm.str(d > 0 ? "inf" : "-inf");
    std::string out = std::signbit(d) ? "-" : "";
    d = std::fabs(d);
    if (d == 0.0) return vm.str(out + "0x0.0p+0");
    uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    int biased = static_cast<int>(bits >> 52);
    uint64_t frac = bits & ((uint64_t(1) << 52) - 1);
    int exp = biased ? biased - 1023 : -1022;
    char buf[64];
    std::snprintf(buf, sizeof buf, "0x%d.%013llxp%+d", biased ? 1 : 0, static_cast<unsigned long long>(frac), exp);
    return vm.str(out + buf);
}

// float.fromhex(s): a class method; [sign] ['0x'] hex digits [. digits] ['p' exp], or inf/nan.
Value f_fromhex(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2 || !is_str(a[1])) return vm.raise(vm.e_TypeError, "fromhex() argument must be str");
    std::string s = as_str(a[1])->str();
    size_t b = s.find_first_not_of(" \t\n\r\f\v"), e = s.find_last_not_of(" \t\n\r\f\v");
    std::string t = b == std::string::npos ? "" : s.substr(b, e - b + 1);
    auto bad = [&] { return vm.raise(vm.e_ValueError, "invalid hexadecimal floating-point string"); };
    size_t i = 0;
    std::string sign;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) sign = t[i++];
    std::string rest = t.substr(i), low;
    for (char c : rest) low += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    double v;
    if (low == "inf" || low == "infinity") {
        v = INFINITY;
    } else if (low == "nan") {
        v = NAN;
    } else {
        size_t j = low.compare(0, 2, "0x") == 0 ? 2 : 0;
        size_t digits = 0;
        bool point = false;
        for (; j < low.size() && low[j] != 'p'; ++j) {
            if (low[j] == '.' && !point)
                point = true;
            else if (std::isxdigit(static_cast<unsigned char>(low[j])))
                ++digits;
            else
                return bad();
        }
        if (!digits) return bad();
        if (j < low.size()) {  // 'p' [sign] decimal digits
            size_t k = j + 1;
            if (k < low.size() && (low[k] == '+' || low[k] == '-')) ++k;
            if (k == low.size()) return bad();
            for (; k < low.size(); ++k)
                if (!std::isdigit(static_cast<unsigned char>(low[k]))) return bad();
        }
        std::string hex = low.compare(0, 2, "0x") == 0 ? low : "0x" + low;
        v = std::strtod(hex.c_str(), nullptr);
        if (std::isinf(v)) return vm.raise(vm.e_OverflowError, "hexadecimal value too large to represent as a float");
    }
    Value r = Value::real(sign == "-" ? -v : v);
    if (a[0].as<TypeObject>() == vm.t_float) return r;
    return vm.call(a[0], {r});
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
    vm.add_method(i, "from_bytes", i_from_bytes, NF_CLASSMETHOD);
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
    vm.add_method(f, "fromhex", f_fromhex, NF_CLASSMETHOD);
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
