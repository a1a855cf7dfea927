#pragma once
// An error to mark in the editor, and how one is read from what the
// interpreter printed on stderr.

#include <string>
#include <string_view>

namespace aio::web {

struct Diagnostic {
    int line = 0;         // 1-based; 0 = none
    int column = 0;       // 1-based; 0 = unknown
    std::string message;  // "SyntaxError: invalid syntax"
    bool present() const { return line > 0; }
};

// The error to mark from a traceback or SyntaxError report printed for
// `filename` (the innermost frame in that file), given the script's source
// (to turn the caret's position back into a column).
Diagnostic diagnostic_from_traceback(std::string_view stderr_text, std::string_view filename, std::string_view source);

}  // namespace aio::web
