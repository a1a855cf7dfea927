// Reading the error to mark from a traceback (run/diagnostic.h).

#include "run/diagnostic.h"

#include <vector>

namespace aio::web {

namespace {

std::vector<std::string_view> split_lines(std::string_view s) {
    std::vector<std::string_view> out;
    while (!s.empty()) {
        size_t nl = s.find('\n');
        out.push_back(s.substr(0, nl));
        if (nl == std::string_view::npos) break;
        s.remove_prefix(nl + 1);
    }
    return out;
}

// `  File "name", line 12, in f` -> 12 if it names `filename`.
int frame_line(std::string_view l, std::string_view filename) {
    std::string head = "  File \"" + std::string(filename) + "\", line ";
    if (l.rfind(head, 0) != 0) return 0;
    int n = 0;
    for (size_t i = head.size(); i < l.size() && l[i] >= '0' && l[i] <= '9'; ++i) n = n * 10 + (l[i] - '0');
    return n;
}

bool is_marker_line(std::string_view l) {
    size_t i = l.find_first_not_of(' ');
    if (i == std::string_view::npos) return false;
    for (size_t j = i; j < l.size(); ++j)
        if (l[j] != '^' && l[j] != '~' && l[j] != ' ') return false;
    return true;
}

}  // namespace

Diagnostic diagnostic_from_traceback(std::string_view text, std::string_view filename, std::string_view source) {
    // CPython's layout: "  File ..., line N" / "    <source, stripped>" /
    // optional "    ^^^" carets; the exception itself is the last line that
    // does not start with a space.
    std::vector<std::string_view> lines = split_lines(text);
    Diagnostic d;
    int at = -1;  // index of the last frame line naming our file
    for (size_t i = 0; i < lines.size(); ++i)
        if (int n = frame_line(lines[i], filename)) {
            d.line = n;
            at = static_cast<int>(i);
        }
    if (at < 0) return {};
    for (size_t i = lines.size(); i-- > 0;) {
        std::string_view l = lines[i];
        if (!l.empty() && l[0] != ' ' && l.rfind("Traceback", 0) != 0) {
            d.message = std::string(l);
            break;
        }
    }
    // Column from the caret line under the quoted source line, if any.
    size_t src = static_cast<size_t>(at) + 1, caret = src + 1;
    if (caret < lines.size() && is_marker_line(lines[caret]) && lines[src].size() >= 4) {
        std::vector<std::string_view> code = split_lines(source);
        if (d.line >= 1 && static_cast<size_t>(d.line) <= code.size()) {
            std::string_view original = code[static_cast<size_t>(d.line) - 1];
            size_t indent = original.find_first_not_of(" \t");
            if (indent == std::string_view::npos) indent = 0;
            size_t quoted_at = lines[src].find_first_not_of(' ');  // where the stripped source starts
            size_t mark = lines[caret].find_first_not_of(' ');
            if (quoted_at != std::string_view::npos && mark >= quoted_at)
                d.column = static_cast<int>(indent + (mark - quoted_at)) + 1;
        }
    }
    return d;
}

}  // namespace aio::web
