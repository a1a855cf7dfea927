// bigint_test.cpp — the limb arithmetic of objects/bigint.cpp, checked
// against values computed by CPython and by fixed-seed identity cross-checks.
#include <doctest/doctest.h>

#include <cstdint>

#include "objects/bigint.hpp"

using aio::script::BigInt;
using namespace aio::script;

namespace {

BigInt parse(std::string_view s) {
    bool neg = !s.empty() && s[0] == '-';
    BigInt r = BigInt::from_digits(neg ? s.substr(1) : s, 10);
    return neg ? -r : r;
}

// xorshift64*: deterministic operands of varied sizes and signs.
struct Rng {
    uint64_t s = 0x9E3779B97F4A7C15u;
    uint64_t next() {
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        return s * 2685821657736338717u;
    }
    BigInt big(size_t max_limbs) {
        BigInt r;
        size_t n = 1 + next() % max_limbs;
        for (size_t i = 0; i < n; ++i) r.m_mag.push_back(static_cast<uint32_t>(next()));
        r.m_neg = next() & 1;
        r.trim();
        return r;
    }
};

}  // namespace

TEST_CASE("bigint decimal strings round trip") {
    const char* s = "-123456789012345678901234567890123456789";
    CHECK(parse(s).to_string() == s);
    CHECK(BigInt().to_string() == "0");
    CHECK(BigInt::from_i64(INT64_MIN).to_string() == "-9223372036854775808");
    CHECK(parse("255").to_string(16) == "ff");
    CHECK(parse("-5").to_string(2) == "-101");
}

TEST_CASE("bigint products and powers match CPython") {
    // python3 -c "print(2**100 * 3**50)"
    BigInt p = bigint_mul(bigint_pow(BigInt::from_i64(2), 100), bigint_pow(BigInt::from_i64(3), 50));
    CHECK(p.to_string() == "910043815000214977332758527534256632492715260325658624");
    // python3 -c "import math; print(math.factorial(30))"
    BigInt f = BigInt::from_i64(1);
    for (int i = 2; i <= 30; ++i) f = bigint_mul(f, BigInt::from_i64(i));
    CHECK(f.to_string() == "265252859812191058636308480000000");
}

TEST_CASE("bigint floor division and modulo take Python's signs") {
    BigInt a = parse("-100000000000000000000"), b = parse("7");
    BigInt q, r;
    bigint_divmod(a, b, &q, &r);
    // python3 -c "print(divmod(-10**20, 7))"
    CHECK(q.to_string() == "-14285714285714285715");
    CHECK(r.to_string() == "5");
    bigint_divmod(parse("100000000000000000000"), parse("-30000000000000000000"), &q, &r);
    CHECK(q.to_string() == "-4");
    CHECK(r.to_string() == "-20000000000000000000");
}

TEST_CASE("bigint mul and divmod satisfy their identities on random operands") {
    Rng rng;
    for (int i = 0; i < 300; ++i) {
        BigInt a = rng.big(i < 200 ? 8 : 120), b = rng.big(i < 200 ? 6 : 100);
        if (b.is_zero()) continue;
        BigInt q, r;
        bigint_divmod(a, b, &q, &r);
        CHECK(bigint_cmp(bigint_add(bigint_mul(q, b), r), a) == 0);
        CHECK(bigint_cmp(r.abs(), b.abs()) < 0);
        CHECK((r.is_zero() || r.is_neg() == b.is_neg()));
        BigInt prod = bigint_mul(a, b), q2;
        bigint_divmod(prod, b, &q2, nullptr);
        CHECK(bigint_cmp(q2, a) == 0);
        // (a+b)(a-b) == a*a - b*b exercises Karatsuba against itself.
        CHECK(bigint_cmp(bigint_mul(bigint_add(a, b), bigint_sub(a, b)),
                         bigint_sub(bigint_mul(a, a), bigint_mul(b, b))) == 0);
        CHECK(bigint_cmp(parse(a.to_string()), a) == 0);
    }
}

TEST_CASE("bigint shifts and bitwise ops use two's complement") {
    BigInt a = parse("-12345678901234567890123");
    CHECK(bigint_shr(a, 70).to_string() == "-11");  // python3: -12345678901234567890123 >> 70
    CHECK(bigint_shl(BigInt::from_i64(-3), 100).to_string() == "-3802951800684688204490109616128");
    BigInt m = parse("1267650600228229401496703205375");  // 2**100 - 1
    CHECK(bigint_bitop(BitOp::And, a, m).to_string() == "1267650587882550500262135315253");
    CHECK(bigint_bitop(BitOp::Or, a, BigInt::from_i64(5)).to_string() == "-12345678901234567890123");
    CHECK(bigint_bitop(BitOp::Xor, a, m).to_string() == "-1267650587882550500262135315254");
    CHECK(bigint_invert(a).to_string() == "12345678901234567890122");
}

TEST_CASE("bigint hash is modulo 2**61 - 1") {
    CHECK(bigint_hash(bigint_pow(BigInt::from_i64(2), 61)) == 1);
    CHECK(bigint_hash(-bigint_pow(BigInt::from_i64(2), 61)) == -2);
    // python3 -c "print(hash(10**30))"
    CHECK(bigint_hash(bigint_pow(BigInt::from_i64(10), 30)) == 465258685558744706);
}

TEST_CASE("bigint conversion to double rounds correctly") {
    double d;
    REQUIRE(parse("9007199254740993").to_double(d));  // 2**53 + 1: ties to even
    CHECK(d == 9007199254740992.0);
    REQUIRE(parse("9007199254740995").to_double(d));
    CHECK(d == 9007199254740996.0);
    CHECK_FALSE(bigint_pow(BigInt::from_i64(2), 1024).to_double(d));
    REQUIRE(bigint_truediv(bigint_pow(BigInt::from_i64(10), 400), bigint_pow(BigInt::from_i64(10), 399), d));
    CHECK(d == 10.0);
    REQUIRE(bigint_truediv(BigInt::from_i64(1), bigint_pow(BigInt::from_i64(3), 700), d));
    CHECK(d == 0.0);  // python3: 1 / 3**700 underflows to 0.0
    CHECK(bigint_cmp_double(parse("9007199254740993"), 9007199254740992.0) > 0);
}

TEST_CASE("bigint powmod, gcd and isqrt") {
    CHECK(bigint_powmod(BigInt::from_i64(3), parse("1000000000000"), parse("1000000007")).to_string() == "570188345");
    CHECK(bigint_gcd(bigint_pow(BigInt::from_i64(6), 40), bigint_pow(BigInt::from_i64(10), 30)).to_string() ==
          "1073741824");
    CHECK(bigint_isqrt(bigint_pow(BigInt::from_i64(10), 41)).to_string() == "316227766016837933199");
}
