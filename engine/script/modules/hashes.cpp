// hashes.cpp — MD5 (RFC 1321), SHA-1 and SHA-2 (FIPS 180-4): one block
// buffer and padding for all, a compression function per family.
#include "modules/hashes.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace aio::script {

namespace {

// SHA-512's round constants (the cube roots of the first 80 primes); SHA-256
// uses the top 32 bits of the first 64.
const uint64_t kSha512K[80] = {
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538,
    0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe,
    0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2, 0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
    0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
    0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5, 0x983e5152ee66dfab,
    0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
    0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df, 0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
    0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
    0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8, 0x19a4c116b8d2d0c8, 0x1e376c085141ab53,
    0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c,
    0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6,
    0x113f9804bef90dae, 0x1b710b35131c471b, 0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817};

// Initial values: square roots of the first 8 primes (SHA-512, and SHA-256 as
// their top halves) and of the 9th to 16th (SHA-384, and SHA-224 as the low halves).
const uint64_t kSha512Iv[8] = {0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
                               0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179};
const uint64_t kSha384Iv[8] = {0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939,
                               0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4};

uint32_t rotl32(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }
uint32_t rotr32(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
uint64_t rotr64(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }
uint32_t load_be32(const uint8_t* p) {
    return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3];
}
uint32_t load_le32(const uint8_t* p) {
    return uint32_t(p[3]) << 24 | uint32_t(p[2]) << 16 | uint32_t(p[1]) << 8 | p[0];
}
uint64_t load_be64(const uint8_t* p) { return uint64_t(load_be32(p)) << 32 | load_be32(p + 4); }

// MD5's sine table, floor(|sin(i + 1)| * 2**32): doubles get all 64 right.
struct Md5Table {
    uint32_t k[64];
    Md5Table() {
        for (int i = 0; i < 64; ++i)
            k[i] = static_cast<uint32_t>(std::floor(std::fabs(std::sin(i + 1.0)) * 4294967296.0));
    }
};

void md5_compress(uint32_t* h, const uint8_t* block) {
    static const Md5Table table;
    static const int shift[4][4] = {{7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};
    uint32_t m[16];
    for (int i = 0; i < 16; ++i) m[i] = load_le32(block + 4 * i);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
    for (int i = 0; i < 64; ++i) {
        uint32_t f;
        int g;
        switch (i / 16) {
        case 0:
            f = (b & c) | (~b & d);
            g = i;
            break;
        case 1:
            f = (d & b) | (~d & c);
            g = (5 * i + 1) % 16;
            break;
        case 2:
            f = b ^ c ^ d;
            g = (3 * i + 5) % 16;
            break;
        default:
            f = c ^ (b | ~d);
            g = (7 * i) % 16;
        }
        uint32_t next = b + rotl32(a + f + table.k[i] + m[g], shift[i / 16][i % 4]);
        a = d;
        d = c;
        c = b;
        b = next;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
}

void sha1_compress(uint32_t* h, const uint8_t* block) {
    uint32_t w[80];
    for (int i = 0; i < 16; ++i) w[i] = load_be32(block + 4 * i);
    for (int i = 16; i < 80; ++i) w[i] = rotl32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; ++i) {
        uint32_t f, k;
        if (i < 20) {
            f = (b & c) | (~b & d);
            k = 0x5a827999;
        } else if (i < 40) {
            f = b ^ c ^ d;
            k = 0x6ed9eba1;
        } else if (i < 60) {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8f1bbcdc;
        } else {
            f = b ^ c ^ d;
            k = 0xca62c1d6;
        }
        uint32_t t = rotl32(a, 5) + f + e + k + w[i];
        e = d;
        d = c;
        c = rotl32(b, 30);
        b = a;
        a = t;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
}

void sha256_compress(uint32_t* h, const uint8_t* block) {
    uint32_t w[64];
    for (int i = 0; i < 16; ++i) w[i] = load_be32(block + 4 * i);
    for (int i = 16; i < 64; ++i) {
        uint32_t s0 = rotr32(w[i - 15], 7) ^ rotr32(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = rotr32(w[i - 2], 17) ^ rotr32(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t v[8];
    std::memcpy(v, h, sizeof v);
    for (int i = 0; i < 64; ++i) {
        uint32_t s1 = rotr32(v[4], 6) ^ rotr32(v[4], 11) ^ rotr32(v[4], 25);
        uint32_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
        uint32_t t1 = v[7] + s1 + ch + static_cast<uint32_t>(kSha512K[i] >> 32) + w[i];
        uint32_t s0 = rotr32(v[0], 2) ^ rotr32(v[0], 13) ^ rotr32(v[0], 22);
        uint32_t maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
        std::memmove(v + 1, v, 7 * sizeof v[0]);
        v[4] += t1;
        v[0] = t1 + s0 + maj;
    }
    for (int i = 0; i < 8; ++i) h[i] += v[i];
}

void sha512_compress(uint64_t* h, const uint8_t* block) {
    uint64_t w[80];
    for (int i = 0; i < 16; ++i) w[i] = load_be64(block + 8 * i);
    for (int i = 16; i < 80; ++i) {
        uint64_t s0 = rotr64(w[i - 15], 1) ^ rotr64(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = rotr64(w[i - 2], 19) ^ rotr64(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint64_t v[8];
    std::memcpy(v, h, sizeof v);
    for (int i = 0; i < 80; ++i) {
        uint64_t s1 = rotr64(v[4], 14) ^ rotr64(v[4], 18) ^ rotr64(v[4], 41);
        uint64_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
        uint64_t t1 = v[7] + s1 + ch + kSha512K[i] + w[i];
        uint64_t s0 = rotr64(v[0], 28) ^ rotr64(v[0], 34) ^ rotr64(v[0], 39);
        uint64_t maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
        std::memmove(v + 1, v, 7 * sizeof v[0]);
        v[4] += t1;
        v[0] = t1 + s0 + maj;
    }
    for (int i = 0; i < 8; ++i) h[i] += v[i];
}

}  // namespace

Hasher::Hasher(Kind kind) : m_kind(kind) {
    switch (kind) {
    case Kind::Md5:
    case Kind::Sha1: {
        const uint32_t iv[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
        std::memcpy(m_h32, iv, sizeof iv);
        break;
    }
    case Kind::Sha224:
        for (int i = 0; i < 8; ++i) m_h32[i] = static_cast<uint32_t>(kSha384Iv[i]);
        break;
    case Kind::Sha256:
        for (int i = 0; i < 8; ++i) m_h32[i] = static_cast<uint32_t>(kSha512Iv[i] >> 32);
        break;
    case Kind::Sha384:
        std::memcpy(m_h64, kSha384Iv, sizeof m_h64);
        break;
    case Kind::Sha512:
        std::memcpy(m_h64, kSha512Iv, sizeof m_h64);
        break;
    }
}

bool Hasher::kind_of(std::string_view name, Kind& out) {
    std::string n;
    for (char c : name) n += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    static const struct {
        const char* name;
        Kind kind;
    } names[] = {{"md5", Kind::Md5},       {"sha1", Kind::Sha1},     {"sha224", Kind::Sha224},
                 {"sha256", Kind::Sha256}, {"sha384", Kind::Sha384}, {"sha512", Kind::Sha512}};
    for (auto& e : names)
        if (n == e.name) {
            out = e.kind;
            return true;
        }
    return false;
}

const char* Hasher::name() const {
    static const char* names[] = {"md5", "sha1", "sha224", "sha256", "sha384", "sha512"};
    return names[static_cast<int>(m_kind)];
}

size_t Hasher::digest_size() const {
    static const size_t sizes[] = {16, 20, 28, 32, 48, 64};
    return sizes[static_cast<int>(m_kind)];
}

void Hasher::compress(const uint8_t* block) {
    switch (m_kind) {
    case Kind::Md5:
        md5_compress(m_h32, block);
        break;
    case Kind::Sha1:
        sha1_compress(m_h32, block);
        break;
    case Kind::Sha224:
    case Kind::Sha256:
        sha256_compress(m_h32, block);
        break;
    default:
        sha512_compress(m_h64, block);
    }
}

void Hasher::update(std::string_view data) {
    if (data.empty()) return;  // an empty view's data() may be null: no memcpy from it
    const auto* p = reinterpret_cast<const uint8_t*>(data.data());
    size_t n = data.size(), bs = block_size();
    m_length += n;
    if (m_buffered) {
        size_t take = std::min(n, bs - m_buffered);
        std::memcpy(m_buf + m_buffered, p, take);
        m_buffered += take;
        p += take;
        n -= take;
        if (m_buffered < bs) return;
        compress(m_buf);
        m_buffered = 0;
    }
    for (; n >= bs; p += bs, n -= bs) compress(p);
    if (n) std::memcpy(m_buf, p, n);
    m_buffered = n;
}

std::string Hasher::digest() const {
    Hasher h = *this;  // finalise a copy: digest() may be called again, update() go on
    size_t bs = block_size(), len_bytes = wide() ? 16 : 8;
    uint64_t bits = m_length * 8;
    uint8_t pad[256] = {0x80};
    size_t padn = bs - (m_buffered + len_bytes) % bs;
    bool little = m_kind == Kind::Md5;
    // The length's high 64 bits (SHA-384/512 count 128) stay zero.
    for (int i = 0; i < 8; ++i) {
        uint8_t byte = static_cast<uint8_t>(bits >> (8 * i));
        if (little)
            pad[padn + i] = byte;
        else
            pad[padn + len_bytes - 1 - i] = byte;
    }
    h.update(std::string_view(reinterpret_cast<const char*>(pad), padn + len_bytes));
    std::string out;
    if (wide()) {
        for (int i = 0; i < 8; ++i)
            for (int b = 7; b >= 0; --b) out += static_cast<char>(h.m_h64[i] >> (8 * b));
    } else {
        int words = m_kind == Kind::Md5 ? 4 : m_kind == Kind::Sha1 ? 5 : 8;
        for (int i = 0; i < words; ++i)
            for (int b = 0; b < 4; ++b) out += static_cast<char>(h.m_h32[i] >> (little ? 8 * b : 8 * (3 - b)));
    }
    out.resize(digest_size());
    return out;
}

}  // namespace aio::script
