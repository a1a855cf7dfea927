// hashes.hpp — the message digests hashlib offers (MD5, SHA-1, SHA-2), as
// incremental hashers: update() any number of times, digest() at any point
// (it finalises a copy, so the hasher goes on). Plain C++, no VM: hashlib
// (mod_hashlib.cpp) and random's str seeds (mod_random.cpp) use them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace aio::script {

class Hasher {
public:
    enum class Kind { Md5, Sha1, Sha224, Sha256, Sha384, Sha512 };

    explicit Hasher(Kind kind);
    // The hasher for a hashlib name ("md5", "sha256", "SHA256", ...); false if none.
    static bool kind_of(std::string_view name, Kind& out);

    void update(std::string_view data);
    std::string digest() const;  // raw bytes

    Kind kind() const { return m_kind; }
    const char* name() const;
    size_t digest_size() const;
    size_t block_size() const { return wide() ? 128 : 64; }

private:
    bool wide() const { return m_kind == Kind::Sha384 || m_kind == Kind::Sha512; }
    void compress(const uint8_t* block);

    Kind m_kind;
    uint32_t m_h32[8] = {};  // MD5, SHA-1, SHA-224/256 state
    uint64_t m_h64[8] = {};  // SHA-384/512 state
    uint8_t m_buf[128] = {};
    size_t m_buffered = 0;
    uint64_t m_length = 0;  // bytes hashed so far
};

}  // namespace aio::script
