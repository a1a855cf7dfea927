// fuzz_permalink.cpp — libFuzzer target over the playground's permalink
// text (web/app/model/permalink.cpp): base64url decoding of any fragment a
// link can hold, and the round trips that make a link reopen the same code.
// (The compressed `#src=` form is inflated by the browser's
// DecompressionStream, not by C++; see permalink.h.)
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "model/permalink.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view in(reinterpret_cast<const char*>(data), size);
    // Any bytes encode, and decode back to themselves.
    std::string enc = aio::web::base64url_encode(in);
    auto back = aio::web::base64url_decode(enc);
    if (!back || *back != in) std::abort();
    if (aio::web::code_fragment(in) != "code=" + enc) std::abort();
    // Any text either decodes or is refused; what decodes re-encodes to a
    // text that decodes to the same bytes.
    if (auto dec = aio::web::base64url_decode(in)) {
        auto again = aio::web::base64url_decode(aio::web::base64url_encode(*dec));
        if (!again || *again != *dec) std::abort();
        if (dec->size() > in.size()) std::abort();
    }
    return 0;
}
