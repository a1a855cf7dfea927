// int_ops.cpp — Python's int operators where an operand or the result falls
// outside int64: the bridge between Values and BigInt (bigint.hpp).
//
// Small ints never come here: the int64 paths in ops.cpp and vm.cpp call in
// only when an operand is a BigIntObject or an int64 result overflowed.
// Every result is normalised (int_value), so values that fit go back inline.
#include <cmath>

#include "objects/runtime.hpp"
#include "vm/code.hpp"

namespace aio::script {

namespace {

constexpr int64_t kMaxStrDigits = 4300;  // CPython 3.11's sys.int_info.default_max_str_digits

// Refuses up front a result of about `bits` bits (temporaries included).
bool reserve_bits(VM& vm, uint64_t bits) {
    uint64_t bytes = bits / 8 + 16;
    if (bytes > vm.m_limits.max_memory / 3) {
        vm.raise(vm.e_MemoryError, "");
        return false;
    }
    return vm.reserve_memory(static_cast<size_t>(bytes * 3));
}

}  // namespace

bool to_bigint(const Value& v, BigInt& out) {
    if (v.is_intlike()) {
        out = BigInt::from_i64(v.as_intlike());
        return true;
    }
    if (!is_bigint(v)) return false;
    auto* o = v.as<BigIntObject>();
    out.m_neg = o->m_neg;
    out.m_mag.assign(o->limbs(), o->limbs() + o->m_size);
    return true;
}

Value int_value(VM& vm, const BigInt& b) {
    int64_t small;
    if (b.fits_i64(small)) return Value::integer(small);
    size_t extra = b.size() * sizeof(uint32_t);
    if (!vm.reserve_memory(extra + sizeof(BigIntObject))) return Value();
    auto* o = vm.alloc<BigIntObject>(vm.t_int, ObjKind::BigInt, extra);
    o->m_size = static_cast<uint32_t>(b.size());
    o->m_neg = b.is_neg();
    for (size_t i = 0; i < b.size(); ++i) o->limbs()[i] = b.m_mag[i];
    return Value::steal(o);
}

bool int_to_double(VM& vm, const Value& v, double& out) {
    BigInt b;
    to_bigint(v, b);
    if (b.to_double(out)) return true;
    vm.raise(vm.e_OverflowError, "int too large to convert to float");
    return false;
}

Value bigint_binop(VM& vm, BinOp op, const Value& av, const Value& bv) {
    BigInt a, b, q, r;
    to_bigint(av, a);
    to_bigint(bv, b);
    if (!vm.charge(1 + (a.size() * b.size()) / 1024)) return Value();
    switch (op) {
    case BinOp::Add:
        return int_value(vm, bigint_add(a, b));
    case BinOp::Sub:
        return int_value(vm, bigint_sub(a, b));
    case BinOp::Mul:
        if (!reserve_bits(vm, a.bit_length() + b.bit_length())) return Value();
        return int_value(vm, bigint_mul(a, b));
    case BinOp::TrueDiv: {
        if (b.is_zero()) return vm.raise(vm.e_ZeroDivisionError, "division by zero");
        double d;
        if (!bigint_truediv(a, b, d))
            return vm.raise(vm.e_OverflowError, "integer division result too large for a float");
        return Value::real(d);
    }
    case BinOp::FloorDiv:
    case BinOp::Mod:
        if (b.is_zero())
            return vm.raise(vm.e_ZeroDivisionError,
                            op == BinOp::Mod ? "integer modulo by zero" : "integer division or modulo by zero");
        bigint_divmod(a, b, &q, &r);
        return int_value(vm, op == BinOp::Mod ? r : q);
    case BinOp::Pow: {
        if (b.is_neg()) {
            double x, y;
            if (!int_to_double(vm, av, x) || !int_to_double(vm, bv, y)) return Value();
            if (x == 0.0) return vm.raise(vm.e_ZeroDivisionError, "0.0 cannot be raised to a negative power");
            return Value::real(std::pow(x, y));
        }
        int64_t e;
        BigInt aa = a.abs();
        if (aa.is_zero() || bigint_cmp(aa, BigInt::from_i64(1)) == 0) {
            // 0, 1 and -1 to any power: no need for the exponent to fit.
            if (aa.is_zero()) return Value::integer(b.is_zero() ? 1 : 0);
            return Value::integer(a.is_neg() && b.is_odd() ? -1 : 1);
        }
        if (!b.fits_i64(e) || (a.bit_length() - 1) > UINT64_MAX / static_cast<uint64_t>(e)) {
            vm.raise(vm.e_MemoryError, "");
            return Value();
        }
        if (!reserve_bits(vm, a.bit_length() * static_cast<uint64_t>(e))) return Value();
        if (!vm.charge(1 + (a.bit_length() * static_cast<uint64_t>(e)) / 4096)) return Value();
        return int_value(vm, bigint_pow(a, static_cast<uint64_t>(e)));
    }
    case BinOp::LShift:
    case BinOp::RShift: {
        if (b.is_neg()) return vm.raise(vm.e_ValueError, "negative shift count");
        int64_t n;
        bool fits = b.fits_i64(n);
        if (op == BinOp::RShift) {
            if (!fits || static_cast<uint64_t>(n) > a.bit_length()) return Value::integer(a.is_neg() ? -1 : 0);
            return int_value(vm, bigint_shr(a, static_cast<uint64_t>(n)));
        }
        if (a.is_zero()) return Value::integer(0);
        if (!fits || !reserve_bits(vm, a.bit_length() + static_cast<uint64_t>(n))) {
            if (!vm.has_exc()) vm.raise(vm.e_MemoryError, "");
            return Value();
        }
        return int_value(vm, bigint_shl(a, static_cast<uint64_t>(n)));
    }
    case BinOp::And:
        return int_value(vm, bigint_bitop(BitOp::And, a, b));
    case BinOp::Or:
        return int_value(vm, bigint_bitop(BitOp::Or, a, b));
    case BinOp::Xor:
        return int_value(vm, bigint_bitop(BitOp::Xor, a, b));
    default:
        return Value();
    }
}

Value bigint_unary(VM& vm, int op, const Value& v) {
    BigInt a;
    to_bigint(v, a);
    if (op == 1) return int_value(vm, -a);
    if (op == 2) return int_value(vm, a);
    return int_value(vm, bigint_invert(a));
}

int bigint_compare(const Value& av, const Value& bv) {
    BigInt a, b;
    if (bv.is_float()) {
        to_bigint(av, a);
        return bigint_cmp_double(a, bv.as_float());
    }
    if (av.is_float()) {
        to_bigint(bv, b);
        return -bigint_cmp_double(b, av.as_float());
    }
    to_bigint(av, a);
    to_bigint(bv, b);
    return bigint_cmp(a, b);
}

int64_t int_hash(const Value& v) {
    BigInt a;
    to_bigint(v, a);
    return bigint_hash(a);
}

bool int_to_decimal(VM& vm, const Value& v, std::string& out) {
    BigInt a;
    to_bigint(v, a);
    // log10(2) < 0.30103: a cheap bound on the digit count before the work.
    if (a.bit_length() > 14000 &&
        static_cast<int64_t>(static_cast<double>(a.bit_length() - 1) * 0.30102999566398) + 1 > kMaxStrDigits) {
        vm.raisef(vm.e_ValueError,
                  "Exceeds the limit (%lld digits) for integer string conversion; use sys.set_int_max_str_digits() "
                  "to increase the limit",
                  static_cast<long long>(kMaxStrDigits));
        return false;
    }
    std::string s = a.to_string(10);
    if (static_cast<int64_t>(s.size() - (a.is_neg() ? 1 : 0)) > kMaxStrDigits) {
        vm.raisef(vm.e_ValueError,
                  "Exceeds the limit (%lld digits) for integer string conversion; use sys.set_int_max_str_digits() "
                  "to increase the limit",
                  static_cast<long long>(kMaxStrDigits));
        return false;
    }
    out += s;
    return true;
}

Value int_from_digits(VM& vm, std::string_view digits, int base, bool neg) {
    if ((base & (base - 1)) != 0 && static_cast<int64_t>(digits.size()) > kMaxStrDigits)
        return vm.raisef(vm.e_ValueError,
                         "Exceeds the limit (%lld digits) for integer string conversion: value has %zu digits; use "
                         "sys.set_int_max_str_digits() to increase the limit",
                         static_cast<long long>(kMaxStrDigits), digits.size());
    if (!reserve_bits(vm, digits.size() * 6)) return Value();
    BigInt b = BigInt::from_digits(digits, base);
    return int_value(vm, neg ? -b : b);
}

}  // namespace aio::script
