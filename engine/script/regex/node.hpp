// node.hpp — the parsed form of a pattern (CPython's re._parser subpatterns),
// which compiler.cpp turns into a Program.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace aio::script::regex {

// CPython's re flag values (re._constants SRE_FLAG_*).
enum Flag : uint32_t {
    F_TEMPLATE = 1,
    F_IGNORECASE = 2,
    F_LOCALE = 4,
    F_MULTILINE = 8,
    F_DOTALL = 16,
    F_UNICODE = 32,
    F_VERBOSE = 64,
    F_DEBUG = 128,
    F_ASCII = 256,
};

constexpr uint64_t kMaxRepeat = 4294967295u;  // CPython's MAXREPEAT (64-bit builds): "no upper bound"
constexpr uint64_t kMaxGroups = 2147483647u;  // MAXGROUPS

// \d \D \w \W \s \S (inside and outside classes).
enum class Category : uint8_t { Digit, NotDigit, Word, NotWord, Space, NotSpace };

// ^ $ \A \Z \b \B
enum class At : uint8_t { Beginning, End, BeginningString, EndString, Boundary, NonBoundary };

struct SetItem {
    enum Kind : uint8_t { Literal, Range, Cat } kind;
    uint32_t lo = 0, hi = 0;  // Literal: lo; Range: lo..hi inclusive
    Category cat = Category::Digit;
};

enum class NodeKind : uint8_t {
    Literal,      // c
    NotLiteral,   // [^c]
    Any,          // .
    Set,          // [...]: items, negate
    At,           // at
    Group,        // (...): group (-1: none), add/del flags, kids[0]
    Concat,       // kids in order
    Branch,       // kids are the alternatives
    Repeat,       // kids[0]{min,max}, greedy / lazy / possessive
    GroupRef,     // \N, (?P=name)
    Assert,       // (?=) (?!) (?<=) (?<!): dir, negate, kids[0]
    Atomic,       // (?>...)
    GroupExists,  // (?(group)kids[0]|kids[1])
};

enum class RepeatKind : uint8_t { Greedy, Lazy, Possessive };

struct Node {
    NodeKind kind;
    uint32_t c = 0;
    bool negate = false;
    At at = At::Beginning;
    int64_t group = -1;
    uint32_t add_flags = 0, del_flags = 0;
    uint64_t min = 0, max = 0;
    RepeatKind rk = RepeatKind::Greedy;
    int dir = 1;  // Assert: 1 ahead, -1 behind
    std::vector<SetItem> set;
    std::vector<std::unique_ptr<Node>> kids;

    explicit Node(NodeKind k) : kind(k) {}
};
using NodePtr = std::unique_ptr<Node>;

// A syntax error: CPython's re.error (message and position in code points),
// or OverflowError for repeat counts past MAXREPEAT.
struct Error {
    std::string msg;
    int64_t pos = -1;  // -1: no position (look-behind width)
    bool overflow = false;
};

// What parsing a whole pattern yields.
struct Parsed {
    NodePtr root;                                           // a Concat
    uint32_t flags = 0;                                     // global flags after (?x) etc. (+UNICODE for str)
    int64_t groups = 1;                                     // capturing groups + 1
    std::vector<std::pair<std::u32string, int64_t>> names;  // (?P<name>) in order of definition
};

}  // namespace aio::script::regex
