#pragma once
// Syntax colouring for the editor (Python) and the C++ twin view. A small
// hand-written scanner per language, line by line, carrying what crosses a
// line end (triple-quoted strings, block comments). It only colours; the
// interpreter's own tokenizer is what decides whether code is valid.

#include <cstdint>
#include <string>
#include <vector>

namespace aio::web {

enum class TokenKind : std::uint8_t {
    text,       // identifiers and anything not listed below
    keyword,    // def, async, await, return, co_await, ...
    constant,   // True, False, None, nullptr, true, false
    builtin,    // print, len, range, ValueError, ...
    self,       // self / this
    function,   // a name being defined (def f, class C)
    call,       // a name followed by '('
    type,       // C++ types and CamelCase names
    decorator,  // @name
    number,
    string,
    string_escape,  // \n, \x41 inside a string; {{ and }} in f-strings
    fstring_brace,  // the { } around an f-string replacement field
    comment,
    op,            // operators and punctuation
    preprocessor,  // #include, #pragma
    count
};

struct Span {
    int start;  // byte column, inclusive
    int end;    // byte column, exclusive
    TokenKind kind;
};

using LineSpans = std::vector<Span>;  // sorted, non-overlapping; gaps are plain text

enum class Language : std::uint8_t { python, cpp, plain };

// Colours every line; state that crosses a line end is carried through.
std::vector<LineSpans> highlight(Language lang, const std::vector<std::string>& lines);

}  // namespace aio::web
