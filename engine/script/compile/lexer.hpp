// lexer.hpp — source text to tokens, with Python's indentation rules.
//
// The lexer turns a whole source into a token vector up front: INDENT and
// DEDENT from the indentation stack, NEWLINE only at the end of logical
// lines (never inside brackets or after a backslash), string literals decoded
// (f-strings are kept raw; the parser splits them), numbers converted.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aio::script {

enum class Tok : uint8_t {
    EndMarker,
    Newline,
    Indent,
    Dedent,
    Name,
    Number,
    String,
    // keywords
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
    // operators and delimiters
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    VBar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    Tilde,
    Circumflex,
    At,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    LeftShift,
    RightShift,
    DoubleStar,
    DoubleSlash,
    PlusEqual,
    MinEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmperEqual,
    VBarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlashEqual,
    AtEqual,
    Arrow,
    Ellipsis,
    ColonEqual,
};

const char* tok_name(Tok t);  // for messages: "'('", "NAME", ...

struct Token {
    Tok kind;
    int line, col;          // start (1-based line, 0-based code-point column)
    int end_line, end_col;  // end (exclusive column)
    std::string text;       // names: identifier; numbers: source; strings: decoded value
                            // (f-strings: the raw body between the quotes)
    // numbers
    bool is_float = false;
    bool int_overflow = false;
    int64_t ival = 0;
    double fval = 0;
    // strings
    bool is_fstring = false;
    bool is_raw = false;
    bool is_bytes = false;
    int body_line = 0, body_col = 0;  // where an f-string body starts (for sub-parsing)
};

struct SyntaxErrorInfo {
    std::string msg;
    int line = 0;  // 1-based
    int col = 0;   // 0-based code point column of the caret
    int end_line = 0;
    int end_col = -1;          // exclusive; -1 = one caret
    bool indentation = false;  // IndentationError rather than SyntaxError
};

class Lexer {
public:
    // `base_line`/`base_col` offset locations (used for f-string expressions).
    explicit Lexer(std::string_view src, int base_line = 1, int base_col = 0, bool sub = false);
    // Tokenizes everything; returns false and fills err on a lexical error.
    bool run(std::vector<Token>& out, SyntaxErrorInfo& err);

private:
    bool fail(const std::string& msg, int line, int col, int end_col = -1, bool indent = false);
    bool lex_string(Token& t, size_t prefix_start, std::string_view prefix);
    bool lex_number(Token& t);
    int col_of(size_t pos) const;
    bool at_line_start_logic(std::vector<Token>& out);
    void push(std::vector<Token>& out, Tok k, size_t start, size_t end);

    std::string_view m_src;
    size_t m_pos = 0;
    int m_line;
    size_t m_line_start = 0;               // byte offset of the current line
    mutable size_t m_col_line = SIZE_MAX;  // col_of's running count: line, position, columns
    mutable size_t m_col_pos = 0;
    mutable int m_col_count = 0;
    int m_base_col;
    bool m_sub;  // f-string expression: no NEWLINE/INDENT handling
    std::vector<int> m_indents{0};
    std::vector<std::pair<char, std::pair<int, int>>> m_brackets;  // open char, (line, col)
    SyntaxErrorInfo* m_err = nullptr;
};

// Decodes backslash escapes of a non-raw string body. Returns false with a
// message on a malformed escape.
// bytes: \x and octal escapes give raw bytes, \u \U \N are not escapes.
bool decode_escapes(std::string_view body, std::string& out, std::string& err, bool bytes = false);

// Is `s` a valid identifier start / continuation code point? (ASCII letters,
// digits, underscore, and any non-ASCII code point, as a pragmatic subset.)
bool is_ident_start(uint32_t cp);
bool is_ident_char(uint32_t cp);

}  // namespace aio::script
