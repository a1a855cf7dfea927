// fuzz_embed_options.cpp — libFuzzer target over the embed module's option
// parsing (web/embed/embed_options.cpp). The input is a list of options:
// one byte picks the option, then 8 bytes of a double (any bit pattern: NaN,
// ±inf, subnormals, 1e308) or a short string. Every value is either taken,
// and then within the option's documented range, or refused with a message
// and the options left as they were. UBSan catches an out-of-range cast.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "embed_options.hpp"

using namespace aio::web;

namespace {

bool same(const EmbedOptions& a, const EmbedOptions& b) {
    return a.clock == b.clock && (a.speed == b.speed) && a.filename == b.filename &&
           a.slice_instructions == b.slice_instructions && a.max_depth == b.max_depth && a.max_memory == b.max_memory &&
           a.max_output == b.max_output;
}

void check_ranges(const EmbedOptions& o) {
    if (!(o.speed >= kMinSpeed && o.speed <= kMaxSpeed)) std::abort();
    if (o.slice_instructions < kMinSlice || o.slice_instructions > kMaxSlice) std::abort();
    if (o.max_depth && (*o.max_depth < kMinDepth || *o.max_depth > kMaxDepth)) std::abort();
    if (o.max_memory < 1 || o.max_memory > static_cast<std::size_t>(kMaxMemoryMB) << 20) std::abort();
    if (o.max_output < 1 || o.max_output > static_cast<std::size_t>(kMaxOutputKB) << 10) std::abort();
    if (o.filename.empty()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const char* const numbers[] = {"speed",       "sliceInstructions", "maxDepth",
                                          "maxMemoryMB", "maxOutputKB",       "nope"};
    static const char* const strings[] = {"clock", "filename", "speed"};
    EmbedOptions o;
    size_t i = 0;
    while (i < size) {
        uint8_t pick = data[i++];
        EmbedOptions before = o;
        std::string err;
        if (pick & 0x80) {
            // A string option: a length byte, then that many bytes.
            if (i >= size) break;
            size_t n = data[i++] % 16;
            if (n > size - i) n = size - i;
            std::string_view s(reinterpret_cast<const char*>(data + i), n);
            i += n;
            err = set_string_option(o, strings[pick % 3], s);
        } else {
            double v;
            if (size - i < sizeof v) break;
            std::memcpy(&v, data + i, sizeof v);
            i += sizeof v;
            err = set_number_option(o, numbers[pick % 6], v);
        }
        if (!err.empty() && !same(before, o)) std::abort();  // refused: nothing changed
        check_ranges(o);
    }
    (void)clock_name(o.clock);
    return 0;
}
