// bigint.hpp — arbitrary-precision integers: the limb arithmetic and the heap
// object that holds an int too large for the inline int64 of a Value.
//
// BigInt is a plain C++ value (sign and magnitude, 32-bit limbs, least
// significant first, no leading zero limbs; zero has no limbs), so the
// arithmetic is testable without a VM. BigIntObject is its frozen heap form,
// whose Python type is `int`. Every int that fits in int64 lives inline
// (Tag::Int); a BigIntObject always holds a value outside int64 (int_value()
// normalises), so small ints keep their fast paths.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "objects/value.hpp"

namespace aio::script {

class BigInt {
public:
    BigInt() = default;
    static BigInt from_i64(int64_t v);
    static BigInt from_u64(uint64_t v, bool neg = false);
    // Truncates toward zero; d must be finite.
    static BigInt from_double(double d);
    // Parses digits (no sign, no underscores, each valid for base) in base 2..36.
    static BigInt from_digits(std::string_view digits, int base);

    bool is_zero() const { return m_mag.empty(); }
    bool is_neg() const { return m_neg; }
    bool is_odd() const { return !m_mag.empty() && (m_mag[0] & 1); }
    bool fits_i64(int64_t& out) const;
    uint64_t bit_length() const;  // of the magnitude
    uint64_t bit_count() const;   // of the magnitude
    // Correctly rounded (half to even); false when the result is out of range.
    bool to_double(double& out) const;
    std::string to_string(int base = 10) const;  // base 2..36, lower case, "-" for negatives
    size_t size() const { return m_mag.size(); }

    BigInt operator-() const;
    BigInt abs() const;

    bool m_neg = false;
    std::vector<uint32_t> m_mag;

    void trim();
};

int bigint_cmp(const BigInt& a, const BigInt& b);  // <0, 0, >0
BigInt bigint_add(const BigInt& a, const BigInt& b);
BigInt bigint_sub(const BigInt& a, const BigInt& b);
BigInt bigint_mul(const BigInt& a, const BigInt& b);
// Floor division and modulo (Python's signs); b must be nonzero.
void bigint_divmod(const BigInt& a, const BigInt& b, BigInt* q, BigInt* r);
BigInt bigint_shl(const BigInt& a, uint64_t n);
BigInt bigint_shr(const BigInt& a, uint64_t n);  // floor (arithmetic shift)
enum class BitOp { And, Or, Xor };
BigInt bigint_bitop(BitOp op, const BigInt& a, const BigInt& b);  // two's complement semantics
BigInt bigint_invert(const BigInt& a);                            // ~a == -(a+1)
BigInt bigint_pow(const BigInt& a, uint64_t e);
BigInt bigint_powmod(const BigInt& a, const BigInt& e, const BigInt& m);  // e >= 0, m != 0
BigInt bigint_gcd(BigInt a, BigInt b);                                    // >= 0
BigInt bigint_isqrt(const BigInt& a);                                     // a >= 0
// Correctly rounded a / b; false when the quotient overflows a double.
bool bigint_truediv(const BigInt& a, const BigInt& b, double& out);
// Python's hash of an int (modulo 2**61 - 1).
int64_t bigint_hash(const BigInt& a);
// Compares a with a finite or infinite double exactly; NaN is the caller's.
int bigint_cmp_double(const BigInt& a, double d);

// The heap object: a value outside int64.
struct BigIntObject : Object {
    uint32_t m_size;  // limbs
    bool m_neg;
    uint32_t* limbs() { return reinterpret_cast<uint32_t*>(this + 1); }
    const uint32_t* limbs() const { return reinterpret_cast<const uint32_t*>(this + 1); }
};

}  // namespace aio::script
