// bigint.cpp — the limb arithmetic of arbitrary-precision ints.
//
// Contents
//   [SECTION] Magnitudes (unsigned limb vectors)
//   [SECTION] Multiplication (schoolbook, Karatsuba)
//   [SECTION] Division (Knuth's algorithm D)
//   [SECTION] Signed arithmetic
//   [SECTION] Conversions
//
// Magnitudes are vectors of 32-bit limbs, least significant first. 64-bit
// intermediates carry products and borrows, so nothing here needs __int128.
#include "objects/bigint.hpp"

#include <algorithm>
#include <cmath>

namespace aio::script {

namespace {

using Mag = std::vector<uint32_t>;

// [SECTION] Magnitudes

void trim_mag(Mag& m) {
    while (!m.empty() && m.back() == 0) m.pop_back();
}

int cmp_mag(const Mag& a, const Mag& b) {
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    for (size_t i = a.size(); i-- > 0;)
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}

Mag add_mag(const Mag& a, const Mag& b) {
    const Mag& x = a.size() >= b.size() ? a : b;
    const Mag& y = a.size() >= b.size() ? b : a;
    Mag r(x.size() + 1);
    uint64_t carry = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        uint64_t t = uint64_t(x[i]) + (i < y.size() ? y[i] : 0) + carry;
        r[i] = static_cast<uint32_t>(t);
        carry = t >> 32;
    }
    r[x.size()] = static_cast<uint32_t>(carry);
    trim_mag(r);
    return r;
}

// a - b for a >= b.
Mag sub_mag(const Mag& a, const Mag& b) {
    Mag r(a.size());
    int64_t borrow = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        int64_t t = int64_t(a[i]) - (i < b.size() ? int64_t(b[i]) : 0) - borrow;
        borrow = t < 0;
        r[i] = static_cast<uint32_t>(t);
    }
    trim_mag(r);
    return r;
}

// r[off...] += x (r is long enough for the carry).
void add_into(Mag& r, size_t off, const Mag& x) {
    uint64_t carry = 0;
    size_t i = 0;
    for (; i < x.size(); ++i) {
        uint64_t t = uint64_t(r[off + i]) + x[i] + carry;
        r[off + i] = static_cast<uint32_t>(t);
        carry = t >> 32;
    }
    for (; carry && off + i < r.size(); ++i) {
        uint64_t t = uint64_t(r[off + i]) + carry;
        r[off + i] = static_cast<uint32_t>(t);
        carry = t >> 32;
    }
}

// m = m * f + a, in place.
void mul_add_small(Mag& m, uint32_t f, uint32_t a) {
    uint64_t carry = a;
    for (uint32_t& limb : m) {
        uint64_t t = uint64_t(limb) * f + carry;
        limb = static_cast<uint32_t>(t);
        carry = t >> 32;
    }
    if (carry) m.push_back(static_cast<uint32_t>(carry));
}

// q = a / d; returns a % d.
uint32_t divmod_small(const Mag& a, uint32_t d, Mag& q) {
    q.assign(a.size(), 0);
    uint64_t r = 0;
    for (size_t i = a.size(); i-- > 0;) {
        uint64_t cur = (r << 32) | a[i];
        q[i] = static_cast<uint32_t>(cur / d);
        r = cur % d;
    }
    trim_mag(q);
    return static_cast<uint32_t>(r);
}

Mag shl_mag(const Mag& a, uint64_t n) {
    if (a.empty()) return {};
    size_t limbs = static_cast<size_t>(n / 32);
    unsigned bits = static_cast<unsigned>(n % 32);
    Mag r(a.size() + limbs + 1, 0);
    for (size_t i = 0; i < a.size(); ++i) {
        uint64_t t = uint64_t(a[i]) << bits;
        r[i + limbs] |= static_cast<uint32_t>(t);
        r[i + limbs + 1] |= static_cast<uint32_t>(t >> 32);
    }
    trim_mag(r);
    return r;
}

Mag shr_mag(const Mag& a, uint64_t n) {
    if (n / 32 >= a.size()) return {};
    size_t limbs = static_cast<size_t>(n / 32);
    unsigned bits = static_cast<unsigned>(n % 32);
    Mag r(a.size() - limbs);
    for (size_t i = 0; i < r.size(); ++i) {
        uint64_t lo = a[i + limbs];
        uint64_t hi = i + limbs + 1 < a.size() ? a[i + limbs + 1] : 0;
        r[i] = static_cast<uint32_t>(((hi << 32) | lo) >> bits);
    }
    trim_mag(r);
    return r;
}

// True when any of the low n bits of a is set.
bool low_bits_set(const Mag& a, uint64_t n) {
    size_t limbs = static_cast<size_t>(std::min<uint64_t>(n / 32, a.size()));
    for (size_t i = 0; i < limbs; ++i)
        if (a[i]) return true;
    unsigned bits = static_cast<unsigned>(n % 32);
    return limbs < a.size() && bits && (a[limbs] & ((uint32_t(1) << bits) - 1));
}

uint64_t bit_length_mag(const Mag& a) {
    if (a.empty()) return 0;
    return uint64_t(a.size() - 1) * 32 + (32 - static_cast<unsigned>(__builtin_clz(a.back())));
}

// [SECTION] Multiplication

constexpr size_t kKaratsubaLimbs = 48;  // below this, schoolbook is faster

Mag mul_span(const uint32_t* a, size_t na, const uint32_t* b, size_t nb);

Mag mul_school(const uint32_t* a, size_t na, const uint32_t* b, size_t nb) {
    Mag r(na + nb, 0);
    for (size_t i = 0; i < na; ++i) {
        uint64_t ai = a[i], carry = 0;
        if (!ai) continue;
        for (size_t j = 0; j < nb; ++j) {
            uint64_t t = ai * b[j] + r[i + j] + carry;
            r[i + j] = static_cast<uint32_t>(t);
            carry = t >> 32;
        }
        r[i + nb] = static_cast<uint32_t>(carry);
    }
    trim_mag(r);
    return r;
}

Mag span_mag(const uint32_t* p, size_t n) {
    Mag m(p, p + n);
    trim_mag(m);
    return m;
}

// Karatsuba: (a1 B + a0)(b1 B + b0) = z2 B^2 + ((a0+a1)(b0+b1) - z0 - z2) B + z0.
Mag mul_span(const uint32_t* a, size_t na, const uint32_t* b, size_t nb) {
    while (na && !a[na - 1]) --na;
    while (nb && !b[nb - 1]) --nb;
    if (na < nb) {
        std::swap(a, b);
        std::swap(na, nb);
    }
    if (nb == 0) return {};
    if (nb < kKaratsubaLimbs) return mul_school(a, na, b, nb);
    Mag r(na + nb + 1, 0);
    if (2 * nb <= na) {
        // Unbalanced: multiply b by slices of a as long as b.
        for (size_t off = 0; off < na; off += nb) {
            Mag part = mul_span(a + off, std::min(nb, na - off), b, nb);
            add_into(r, off, part);
        }
        trim_mag(r);
        return r;
    }
    size_t m = na / 2;  // nb > m, so both split
    Mag z0 = mul_span(a, m, b, m);
    Mag z2 = mul_span(a + m, na - m, b + m, nb - m);
    Mag sa = add_mag(span_mag(a, m), span_mag(a + m, na - m));
    Mag sb = add_mag(span_mag(b, m), span_mag(b + m, nb - m));
    Mag z1 = mul_span(sa.data(), sa.size(), sb.data(), sb.size());
    z1 = sub_mag(sub_mag(z1, z0), z2);
    add_into(r, 0, z0);
    add_into(r, m, z1);
    add_into(r, 2 * m, z2);
    trim_mag(r);
    return r;
}

Mag mul_mag(const Mag& a, const Mag& b) { return mul_span(a.data(), a.size(), b.data(), b.size()); }

// [SECTION] Division

// q = a / b, r = a % b (b nonzero), by Knuth's algorithm D (TAOCP 4.3.1).
void divmod_mag(const Mag& a, const Mag& b, Mag& q, Mag& r) {
    if (cmp_mag(a, b) < 0) {
        q.clear();
        r = a;
        return;
    }
    if (b.size() == 1) {
        uint32_t rem = divmod_small(a, b[0], q);
        r.clear();
        if (rem) r.push_back(rem);
        return;
    }
    size_t n = b.size(), m = a.size() - n;
    unsigned s = static_cast<unsigned>(__builtin_clz(b.back()));  // normalise: top bit of b set
    Mag bn(n), an(a.size() + 1);
    for (size_t i = n; i-- > 0;)
        bn[i] = (b[i] << s) | (s && i ? static_cast<uint32_t>(uint64_t(b[i - 1]) >> (32 - s)) : 0);
    an[a.size()] = s ? static_cast<uint32_t>(uint64_t(a.back()) >> (32 - s)) : 0;
    for (size_t i = a.size(); i-- > 0;)
        an[i] = (a[i] << s) | (s && i ? static_cast<uint32_t>(uint64_t(a[i - 1]) >> (32 - s)) : 0);
    q.assign(m + 1, 0);
    const uint64_t base = uint64_t(1) << 32;
    for (size_t j = m + 1; j-- > 0;) {
        uint64_t num = (uint64_t(an[j + n]) << 32) | an[j + n - 1];
        uint64_t qhat = num / bn[n - 1], rhat = num % bn[n - 1];
        while (qhat >= base || qhat * bn[n - 2] > ((rhat << 32) | an[j + n - 2])) {
            --qhat;
            rhat += bn[n - 1];
            if (rhat >= base) break;
        }
        // an[j..j+n] -= qhat * bn
        int64_t borrow = 0;
        uint64_t carry = 0;
        for (size_t i = 0; i < n; ++i) {
            uint64_t p = qhat * bn[i] + carry;
            carry = p >> 32;
            int64_t t = int64_t(an[i + j]) - borrow - int64_t(p & 0xFFFFFFFFu);
            an[i + j] = static_cast<uint32_t>(t);
            borrow = t < 0;
        }
        int64_t t = int64_t(an[j + n]) - borrow - int64_t(carry);
        an[j + n] = static_cast<uint32_t>(t);
        if (t < 0) {  // qhat was one too large: add bn back
            --qhat;
            uint64_t c = 0;
            for (size_t i = 0; i < n; ++i) {
                uint64_t t2 = uint64_t(an[i + j]) + bn[i] + c;
                an[i + j] = static_cast<uint32_t>(t2);
                c = t2 >> 32;
            }
            an[j + n] = static_cast<uint32_t>(an[j + n] + c);
        }
        q[j] = static_cast<uint32_t>(qhat);
    }
    trim_mag(q);
    an.resize(n);
    trim_mag(an);
    r = shr_mag(an, s);
}

// Two's complement of a (of n limbs) for negative values.
Mag to_twos(const BigInt& a, size_t n) {
    Mag r(n, 0);
    std::copy(a.m_mag.begin(), a.m_mag.end(), r.begin());
    if (a.m_neg) {
        uint64_t carry = 1;
        for (uint32_t& limb : r) {
            uint64_t t = uint64_t(static_cast<uint32_t>(~limb)) + carry;
            limb = static_cast<uint32_t>(t);
            carry = t >> 32;
        }
    }
    return r;
}

// value * 2**e rounded half to even, with `sticky` for nonzero bits already
// dropped below q; the caller gives q at least two bits beyond a double's 53.
bool round_to_double(const Mag& q, int64_t e, bool sticky, bool neg, double& out) {
    uint64_t bl = bit_length_mag(q);
    if (bl == 0) {
        out = neg ? -0.0 : 0.0;
        return true;
    }
    int64_t k = static_cast<int64_t>(bl) - 53;
    if (e + k < -1074) k = -1074 - e;  // subnormal: fewer bits survive
    if (e + k > 1024) return false;
    uint64_t mant;
    if (k <= 0) {
        mant = 0;
        for (size_t i = q.size(); i-- > 0;) mant = (mant << 32) | q[i];
    } else {
        Mag top = shr_mag(q, static_cast<uint64_t>(k));
        mant = 0;
        for (size_t i = top.size(); i-- > 0;) mant = (mant << 32) | top[i];
        uint64_t half_bit = static_cast<uint64_t>(k - 1);
        bool half = (q.size() > half_bit / 32) && ((q[half_bit / 32] >> (half_bit % 32)) & 1);
        bool lower = sticky || low_bits_set(q, half_bit);
        if (half && (lower || (mant & 1))) ++mant;
    }
    double d = std::ldexp(static_cast<double>(mant), static_cast<int>(k > 0 ? e + k : e));
    if (std::isinf(d)) return false;
    out = neg ? -d : d;
    return true;
}

}  // namespace

// [SECTION] Signed arithmetic

void BigInt::trim() {
    trim_mag(m_mag);
    if (m_mag.empty()) m_neg = false;
}

BigInt BigInt::from_u64(uint64_t v, bool neg) {
    BigInt r;
    if (v) r.m_mag.push_back(static_cast<uint32_t>(v));
    if (v >> 32) r.m_mag.push_back(static_cast<uint32_t>(v >> 32));
    r.m_neg = neg && v;
    return r;
}

BigInt BigInt::from_i64(int64_t v) {
    return from_u64(v < 0 ? -static_cast<uint64_t>(v) : static_cast<uint64_t>(v), v < 0);
}

bool BigInt::fits_i64(int64_t& out) const {
    if (m_mag.size() > 2) return false;
    uint64_t m = 0;
    for (size_t i = m_mag.size(); i-- > 0;) m = (m << 32) | m_mag[i];
    if (m_neg) {
        if (m > uint64_t(1) << 63) return false;
        out = static_cast<int64_t>(0 - m);  // wraps to INT64_MIN for 2**63
        return true;
    }
    if (m > static_cast<uint64_t>(INT64_MAX)) return false;
    out = static_cast<int64_t>(m);
    return true;
}

uint64_t BigInt::bit_length() const { return bit_length_mag(m_mag); }

uint64_t BigInt::bit_count() const {
    uint64_t n = 0;
    for (uint32_t limb : m_mag) n += static_cast<uint64_t>(__builtin_popcount(limb));
    return n;
}

BigInt BigInt::operator-() const {
    BigInt r = *this;
    if (!r.m_mag.empty()) r.m_neg = !r.m_neg;
    return r;
}

BigInt BigInt::abs() const {
    BigInt r = *this;
    r.m_neg = false;
    return r;
}

int bigint_cmp(const BigInt& a, const BigInt& b) {
    if (a.m_neg != b.m_neg) return a.m_neg ? -1 : 1;
    int c = cmp_mag(a.m_mag, b.m_mag);
    return a.m_neg ? -c : c;
}

BigInt bigint_add(const BigInt& a, const BigInt& b) {
    BigInt r;
    if (a.m_neg == b.m_neg) {
        r.m_mag = add_mag(a.m_mag, b.m_mag);
        r.m_neg = a.m_neg;
    } else if (cmp_mag(a.m_mag, b.m_mag) >= 0) {
        r.m_mag = sub_mag(a.m_mag, b.m_mag);
        r.m_neg = a.m_neg;
    } else {
        r.m_mag = sub_mag(b.m_mag, a.m_mag);
        r.m_neg = b.m_neg;
    }
    r.trim();
    return r;
}

BigInt bigint_sub(const BigInt& a, const BigInt& b) { return bigint_add(a, -b); }

BigInt bigint_mul(const BigInt& a, const BigInt& b) {
    BigInt r;
    r.m_mag = mul_mag(a.m_mag, b.m_mag);
    r.m_neg = a.m_neg != b.m_neg;
    r.trim();
    return r;
}

void bigint_divmod(const BigInt& a, const BigInt& b, BigInt* q, BigInt* r) {
    Mag qm, rm;
    divmod_mag(a.m_mag, b.m_mag, qm, rm);
    bool differ = a.m_neg != b.m_neg;
    if (differ && !rm.empty()) {
        // Floor: the quotient rounds away from zero, the remainder takes b's sign.
        qm = add_mag(qm, Mag{1});
        rm = sub_mag(b.m_mag, rm);
    }
    if (q) {
        q->m_mag = std::move(qm);
        q->m_neg = differ;
        q->trim();
    }
    if (r) {
        r->m_mag = std::move(rm);
        r->m_neg = b.m_neg;
        r->trim();
    }
}

BigInt bigint_shl(const BigInt& a, uint64_t n) {
    BigInt r;
    r.m_mag = shl_mag(a.m_mag, n);
    r.m_neg = a.m_neg;
    r.trim();
    return r;
}

BigInt bigint_shr(const BigInt& a, uint64_t n) {
    BigInt r;
    if (!a.m_neg) {
        r.m_mag = shr_mag(a.m_mag, n);
        return r;
    }
    // floor(a / 2**n) == -(((|a| - 1) >> n) + 1) for negative a.
    r.m_mag = add_mag(shr_mag(sub_mag(a.m_mag, Mag{1}), n), Mag{1});
    r.m_neg = true;
    r.trim();
    return r;
}

BigInt bigint_bitop(BitOp op, const BigInt& a, const BigInt& b) {
    size_t n = std::max(a.m_mag.size(), b.m_mag.size()) + 1;
    Mag x = to_twos(a, n), y = to_twos(b, n);
    for (size_t i = 0; i < n; ++i) {
        switch (op) {
        case BitOp::And:
            x[i] &= y[i];
            break;
        case BitOp::Or:
            x[i] |= y[i];
            break;
        case BitOp::Xor:
            x[i] ^= y[i];
            break;
        }
    }
    BigInt r;
    r.m_neg = (x[n - 1] >> 31) != 0;
    if (r.m_neg) {  // back from two's complement
        uint64_t carry = 1;
        for (uint32_t& limb : x) {
            uint64_t t = uint64_t(static_cast<uint32_t>(~limb)) + carry;
            limb = static_cast<uint32_t>(t);
            carry = t >> 32;
        }
    }
    r.m_mag = std::move(x);
    r.trim();
    return r;
}

BigInt bigint_invert(const BigInt& a) { return -bigint_add(a, BigInt::from_i64(1)); }

BigInt bigint_pow(const BigInt& a, uint64_t e) {
    BigInt result = BigInt::from_i64(1), base = a;
    while (e) {
        if (e & 1) result = bigint_mul(result, base);
        e >>= 1;
        if (e) base = bigint_mul(base, base);
    }
    return result;
}

BigInt bigint_powmod(const BigInt& a, const BigInt& e, const BigInt& m) {
    BigInt mod = m.abs();
    BigInt base, result = BigInt::from_i64(1);
    bigint_divmod(a, mod, nullptr, &base);
    bigint_divmod(result, mod, nullptr, &result);  // mod 1 is 0
    uint64_t bits = e.bit_length();
    for (uint64_t i = bits; i-- > 0;) {
        bigint_divmod(bigint_mul(result, result), mod, nullptr, &result);
        if ((e.m_mag[i / 32] >> (i % 32)) & 1) bigint_divmod(bigint_mul(result, base), mod, nullptr, &result);
    }
    if (m.m_neg && !result.is_zero()) result = bigint_add(result, m);
    return result;
}

BigInt bigint_gcd(BigInt a, BigInt b) {
    a.m_neg = b.m_neg = false;
    while (!b.is_zero()) {
        BigInt r;
        bigint_divmod(a, b, nullptr, &r);
        a = std::move(b);
        b = std::move(r);
    }
    return a;
}

BigInt bigint_isqrt(const BigInt& a) {
    if (a.is_zero()) return a;
    // Newton's iteration from above: x starts at a power of two >= sqrt(a).
    BigInt x = bigint_shl(BigInt::from_i64(1), (a.bit_length() + 1) / 2);
    for (;;) {
        BigInt q;
        bigint_divmod(a, x, &q, nullptr);
        BigInt y = bigint_shr(bigint_add(x, q), 1);
        if (bigint_cmp(y, x) >= 0) return x;
        x = std::move(y);
    }
}

bool bigint_truediv(const BigInt& a, const BigInt& b, double& out) {
    bool neg = a.m_neg != b.m_neg;
    uint64_t na = a.bit_length(), nb = b.bit_length();
    if (na <= 53 && nb <= 53) {  // both exact as doubles: IEEE division rounds once
        double x, y;
        a.to_double(x);
        b.to_double(y);
        out = x / y;
        return true;
    }
    if (na > nb && na - nb > 1026) return false;
    // Scale so the quotient has at least 55 bits, then round it once.
    int64_t s = static_cast<int64_t>(na) - static_cast<int64_t>(nb) - 56;
    Mag num = a.m_mag, den = b.m_mag;
    if (s < 0)
        num = shl_mag(num, static_cast<uint64_t>(-s));
    else
        den = shl_mag(den, static_cast<uint64_t>(s));
    Mag q, r;
    divmod_mag(num, den, q, r);
    return round_to_double(q, s, !r.empty(), neg, out);
}

int64_t bigint_hash(const BigInt& a) {
    const uint64_t P = (uint64_t(1) << 61) - 1;
    uint64_t h = 0;
    for (size_t i = a.m_mag.size(); i-- > 0;) {
        h = ((h << 32) & P) | (h >> 29);  // h * 2**32 mod P: a 61-bit rotation
        h += a.m_mag[i];
        if (h >= P) h -= P;
    }
    int64_t r = static_cast<int64_t>(h);
    if (a.m_neg) r = -r;
    return r == -1 ? -2 : r;
}

int bigint_cmp_double(const BigInt& a, double d) {
    if (std::isinf(d)) return d > 0 ? -1 : 1;
    double fl = std::floor(d);
    int c = bigint_cmp(a, BigInt::from_double(fl));
    if (c) return c;
    return fl == d ? 0 : -1;  // a == floor(d) < d
}

// [SECTION] Conversions

BigInt BigInt::from_double(double d) {
    int e;
    double m = std::frexp(std::fabs(d), &e);  // |d| = m * 2**e, m in [0.5, 1)
    auto mant = static_cast<uint64_t>(std::ldexp(m, 53));
    BigInt r = from_u64(mant);
    e -= 53;
    if (e >= 0)
        r = bigint_shl(r, static_cast<uint64_t>(e));
    else
        r.m_mag = shr_mag(r.m_mag, static_cast<uint64_t>(-e));  // truncates toward zero
    r.m_neg = d < 0;
    r.trim();
    return r;
}

namespace {
int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}
}  // namespace

BigInt BigInt::from_digits(std::string_view digits, int base) {
    // Groups of k digits: base**k is the largest power that fits in a limb.
    uint32_t group = static_cast<uint32_t>(base);
    int k = 1;
    while (uint64_t(group) * static_cast<uint64_t>(base) <= 0xFFFFFFFFu) {
        group *= static_cast<uint32_t>(base);
        ++k;
    }
    BigInt r;
    size_t i = 0;
    size_t first = digits.size() % static_cast<size_t>(k);
    if (first == 0) first = static_cast<size_t>(k);
    while (i < digits.size()) {
        size_t len = i == 0 ? first : static_cast<size_t>(k);
        uint32_t chunk = 0, f = 1;
        for (size_t j = 0; j < len; ++j) {
            chunk = chunk * static_cast<uint32_t>(base) + static_cast<uint32_t>(digit_value(digits[i + j]));
            f *= static_cast<uint32_t>(base);
        }
        mul_add_small(r.m_mag, f, chunk);
        i += len;
    }
    r.trim();
    return r;
}

bool BigInt::to_double(double& out) const { return round_to_double(m_mag, 0, false, m_neg, out); }

std::string BigInt::to_string(int base) const {
    if (m_mag.empty()) return "0";
    static const char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    uint32_t group = static_cast<uint32_t>(base);
    int k = 1;
    while (uint64_t(group) * static_cast<uint64_t>(base) <= 0xFFFFFFFFu) {
        group *= static_cast<uint32_t>(base);
        ++k;
    }
    std::string rev;  // least significant digit first
    Mag cur = m_mag, q;
    while (!cur.empty()) {
        uint32_t rem = divmod_small(cur, group, q);
        cur.swap(q);
        for (int j = 0; j < k && (rem || !cur.empty()); ++j) {
            rev.push_back(kDigits[rem % static_cast<uint32_t>(base)]);
            rem /= static_cast<uint32_t>(base);
        }
    }
    if (m_neg) rev.push_back('-');
    return std::string(rev.rbegin(), rev.rend());
}

}  // namespace aio::script
