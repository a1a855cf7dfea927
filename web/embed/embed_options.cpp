// embed_options.cpp — see embed_options.hpp.
#include "embed_options.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace aio::web {

namespace {

// A JS number as the message shows it: 2.5, -3, NaN, Infinity.
std::string js_number(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    // The shortest form that reads back (as JS prints numbers).
    for (int p = 1; p <= 17; ++p) {
        char b[32];
        std::snprintf(b, sizeof b, "%.*g", p, v);
        if (std::strtod(b, nullptr) == v) return b;
    }
    return buf;
}

std::string out_of_range(std::string_view name, const char* what, double lo, double hi, double v) {
    return std::string(name) + " must be " + what + " from " + js_number(lo) + " to " + js_number(hi) + ", not " +
           js_number(v);
}

// The range check comes first, on the double: only then is a cast defined.
bool in_range(double v, double lo, double hi) { return std::isfinite(v) && v >= lo && v <= hi; }

}  // namespace

const char* clock_name(EmbedClock c) {
    switch (c) {
    case EmbedClock::virtual_:
        return "virtual";
    case EmbedClock::scaled:
        return "scaled";
    case EmbedClock::real:
        break;
    }
    return "real";
}

std::string parse_clock(std::string_view text, EmbedClock& out) {
    if (text == "real")
        out = EmbedClock::real;
    else if (text == "virtual")
        out = EmbedClock::virtual_;
    else if (text == "scaled")
        out = EmbedClock::scaled;
    else
        return "clock must be 'real', 'virtual' or 'scaled', not '" + std::string(text) + "'";
    return "";
}

std::string set_string_option(EmbedOptions& o, std::string_view name, std::string_view value) {
    if (name == "clock") return parse_clock(value, o.clock);
    if (name == "filename") {
        if (value.empty()) return "filename must not be empty";
        o.filename = std::string(value);
        return "";
    }
    return "unknown string option " + std::string(name);
}

std::string set_number_option(EmbedOptions& o, std::string_view name, double v) {
    if (name == "speed") {
        if (!in_range(v, kMinSpeed, kMaxSpeed)) return out_of_range(name, "a number", kMinSpeed, kMaxSpeed, v);
        o.speed = v;
    } else if (name == "sliceInstructions") {
        if (!in_range(v, kMinSlice, kMaxSlice) || v != std::floor(v))
            return out_of_range(name, "an integer", kMinSlice, kMaxSlice, v);
        o.slice_instructions = static_cast<std::uint64_t>(v);
    } else if (name == "maxDepth") {
        if (!in_range(v, kMinDepth, kMaxDepth) || v != std::floor(v))
            return out_of_range(name, "an integer", kMinDepth, kMaxDepth, v);
        o.max_depth = static_cast<int>(v);
    } else if (name == "maxMemoryMB") {
        // At least one byte once converted: 0 would refuse every allocation.
        if (!in_range(v, 1.0 / (1 << 20), kMaxMemoryMB) || v <= 0)
            return out_of_range(name, "a number", 1.0 / (1 << 20), kMaxMemoryMB, v);
        o.max_memory = static_cast<std::size_t>(std::ldexp(v, 20));
    } else if (name == "maxOutputKB") {
        if (!in_range(v, 1.0 / 1024, kMaxOutputKB)) return out_of_range(name, "a number", 1.0 / 1024, kMaxOutputKB, v);
        o.max_output = static_cast<std::size_t>(v * 1024);
    } else {
        return "unknown number option " + std::string(name);
    }
    return "";
}

}  // namespace aio::web
