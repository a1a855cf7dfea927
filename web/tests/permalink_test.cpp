// base64url as the playground's links use it: RFC 4648's test vectors in the
// URL-safe alphabet, without padding, and round trips through UTF-8 text.

#include "model/permalink.h"

#include <doctest/doctest.h>

using namespace aio::web;

TEST_CASE("base64url: RFC 4648 vectors, unpadded") {
    CHECK(base64url_encode("") == "");
    CHECK(base64url_encode("f") == "Zg");
    CHECK(base64url_encode("fo") == "Zm8");
    CHECK(base64url_encode("foo") == "Zm9v");
    CHECK(base64url_encode("foob") == "Zm9vYg");
    CHECK(base64url_encode("fooba") == "Zm9vYmE");
    CHECK(base64url_encode("foobar") == "Zm9vYmFy");
}

TEST_CASE("base64url: the URL-safe alphabet") {
    // 0xfb 0xff 0xbf is "+/+/" in standard base64.
    CHECK(base64url_encode("\xfb\xff\xbf") == "-_-_");
    CHECK(base64url_decode("-_-_") == std::string("\xfb\xff\xbf"));
}

TEST_CASE("base64url: decoding accepts padding or none, rejects what no encoder writes") {
    CHECK(base64url_decode("Zm9vYg") == std::string("foob"));
    CHECK(base64url_decode("Zm9vYg==") == std::string("foob"));
    CHECK_FALSE(base64url_decode("Zm9vY").has_value());   // a lone trailing character
    CHECK_FALSE(base64url_decode("Zm9v+g").has_value());  // standard alphabet, not URL-safe
    CHECK_FALSE(base64url_decode("Zm 9v").has_value());
}

TEST_CASE("base64url: UTF-8 source round-trips") {
    std::string src = "import asyncio\n\nasync def main():\n    print(\"caf\xC3\xA9 \xE2\x86\x92 \xF0\x9F\x90\x8D\")\n";
    for (size_t n = 0; n <= src.size(); ++n) {
        std::string part = src.substr(0, n);
        CHECK(base64url_decode(base64url_encode(part)) == part);
    }
    CHECK(code_fragment("hi") == "code=aGk");
}
