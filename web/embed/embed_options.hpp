#pragma once
// embed_options.hpp — the options object of `new M.EmbedRun(options, ...)`
// (web/embed/README.md), read and checked without Embind so that it can be
// tested and fuzzed natively. JavaScript hands over any number — NaN, ±inf,
// negative, 1e300, 2.5 for a count — and a plain static_cast of those is
// undefined behaviour; here each is either accepted within its range or
// refused with a message that names the option and what it takes.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aio::web {

enum class EmbedClock { real, virtual_, scaled };

struct EmbedOptions {
    EmbedClock clock = EmbedClock::real;
    double speed = 1.0;  // scaled clock: loop seconds per real second
    std::string filename = "<embed>";
    std::uint64_t slice_instructions = 20000;
    std::optional<int> max_depth;  // unset: the interpreter's default
    std::size_t max_memory = std::size_t(128) << 20;
    std::size_t max_output = std::size_t(1) << 20;
};

// The accepted ranges (inclusive), for the messages and the tests.
inline constexpr double kMinSpeed = 0.01, kMaxSpeed = 1000;
inline constexpr double kMinSlice = 100, kMaxSlice = 1e9;
inline constexpr double kMinDepth = 1, kMaxDepth = 100000;
inline constexpr double kMaxMemoryMB = 4095;  // below 4 GiB: size_t is 32 bits in wasm32
inline constexpr double kMaxOutputKB = 1 << 20;

// Each returns "" when the value was taken, else the error ("maxDepth must
// be an integer from 1 to 100000, not -3") and leaves `o` unchanged.
std::string parse_clock(std::string_view text, EmbedClock& out);
std::string set_string_option(EmbedOptions& o, std::string_view name, std::string_view value);
std::string set_number_option(EmbedOptions& o, std::string_view name, double value);

const char* clock_name(EmbedClock c);

}  // namespace aio::web
