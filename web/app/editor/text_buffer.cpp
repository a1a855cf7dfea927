// The editor's text model. Contents:
//   [SECTION] Text helpers (UTF-8, tabs, character classes)
//   [SECTION] Loading and reading
//   [SECTION] Cursor movement
//   [SECTION] Editing
//   [SECTION] Undo/redo

#include "text_buffer.h"

#include <algorithm>

namespace aio::web {

// [SECTION] Text helpers --------------------------------------------------

namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The position just after `text` when it is inserted at `at`.
TextPos end_of(TextPos at, std::string_view text) {
    size_t nl = text.rfind('\n');
    if (nl == std::string_view::npos) return {at.line, at.col + static_cast<int>(text.size())};
    int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    return {at.line + lines, static_cast<int>(text.size() - nl - 1)};
}

// The part of a Python line before any comment, so "if x:  # note" still
// counts as ending with a colon. Quotes are tracked so '#' in a string is kept.
std::string_view code_part(std::string_view line) {
    char quote = 0;
    for (size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quote) {
            if (c == '\\')
                ++i;
            else if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '#') {
            return line.substr(0, i);
        }
    }
    return line;
}

std::string_view trim(std::string_view s) {
    size_t b = s.find_first_not_of(' ');
    if (b == std::string_view::npos) return {};
    size_t e = s.find_last_not_of(' ');
    return s.substr(b, e - b + 1);
}

bool starts_with_word(std::string_view s, std::string_view word) {
    if (s.substr(0, word.size()) != word) return false;
    return s.size() == word.size() || char_class(static_cast<unsigned char>(s[word.size()])) != CharClass::word;
}

}  // namespace

CharClass char_class(unsigned char c) {
    if (c == ' ' || c == '\t') return CharClass::space;
    if (c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80)
        return CharClass::word;
    return CharClass::punct;
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x110000) {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string normalize_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    int cells = 0;  // screen column on the current line, for tab stops
    for (char c : text) {
        if (c == '\r') continue;
        if (c == '\t') {
            int n = TextBuffer::kIndentWidth - cells % TextBuffer::kIndentWidth;
            out.append(static_cast<size_t>(n), ' ');
            cells += n;
        } else {
            out += c;
            if (c == '\n')
                cells = 0;
            else if (!is_continuation(static_cast<unsigned char>(c)))
                ++cells;
        }
    }
    return out;
}

// [SECTION] Loading and reading --------------------------------------------

TextBuffer::TextBuffer() : m_lines(1) {}

void TextBuffer::set_text(std::string_view text) {
    std::string norm = normalize_text(text);
    m_lines.clear();
    size_t start = 0;
    for (;;) {
        size_t nl = norm.find('\n', start);
        if (nl == std::string::npos) {
            m_lines.emplace_back(norm.substr(start));
            break;
        }
        m_lines.emplace_back(norm.substr(start, nl - start));
        start = nl + 1;
    }
    m_sel = {};
    m_goal_cells = -1;
    m_history.clear();
    m_undo_pos = 0;
    m_merge_open = false;
    ++m_version;
}

std::string TextBuffer::text() const {
    std::string out;
    for (size_t i = 0; i < m_lines.size(); ++i) {
        if (i) out += '\n';
        out += m_lines[i];
    }
    return out;
}

std::string TextBuffer::text_range(TextPos a, TextPos b) const {
    a = clamp(a);
    b = clamp(b);
    if (b < a) std::swap(a, b);
    if (a.line == b.line)
        return m_lines[static_cast<size_t>(a.line)].substr(static_cast<size_t>(a.col),
                                                           static_cast<size_t>(b.col - a.col));
    std::string out = m_lines[static_cast<size_t>(a.line)].substr(static_cast<size_t>(a.col));
    for (int l = a.line + 1; l < b.line; ++l) {
        out += '\n';
        out += m_lines[static_cast<size_t>(l)];
    }
    out += '\n';
    out += m_lines[static_cast<size_t>(b.line)].substr(0, static_cast<size_t>(b.col));
    return out;
}

std::string TextBuffer::selected_text() const { return text_range(m_sel.start(), m_sel.end()); }

TextPos TextBuffer::clamp(TextPos pos) const {
    pos.line = std::clamp(pos.line, 0, line_count() - 1);
    const std::string& s = m_lines[static_cast<size_t>(pos.line)];
    pos.col = std::clamp(pos.col, 0, static_cast<int>(s.size()));
    while (pos.col > 0 && pos.col < static_cast<int>(s.size()) &&
           is_continuation(static_cast<unsigned char>(s[static_cast<size_t>(pos.col)])))
        --pos.col;
    return pos;
}

int TextBuffer::display_column(TextPos pos) const {
    const std::string& s = m_lines[static_cast<size_t>(pos.line)];
    int cells = 0;
    for (int i = 0; i < pos.col && i < static_cast<int>(s.size()); ++i)
        if (!is_continuation(static_cast<unsigned char>(s[static_cast<size_t>(i)]))) ++cells;
    return cells;
}

int TextBuffer::col_from_display(int line, int cells) const {
    const std::string& s = m_lines[static_cast<size_t>(std::clamp(line, 0, line_count() - 1))];
    int col = 0;
    int seen = 0;
    while (col < static_cast<int>(s.size()) && seen < cells) {
        col = next_char(line, col);
        ++seen;
    }
    return col;
}

int TextBuffer::prev_char(int line, int col) const {
    const std::string& s = m_lines[static_cast<size_t>(line)];
    if (col <= 0) return 0;
    --col;
    while (col > 0 && is_continuation(static_cast<unsigned char>(s[static_cast<size_t>(col)]))) --col;
    return col;
}

int TextBuffer::next_char(int line, int col) const {
    const std::string& s = m_lines[static_cast<size_t>(line)];
    int n = static_cast<int>(s.size());
    if (col >= n) return n;
    ++col;
    while (col < n && is_continuation(static_cast<unsigned char>(s[static_cast<size_t>(col)]))) ++col;
    return col;
}

int TextBuffer::leading_spaces(int line) const {
    const std::string& s = m_lines[static_cast<size_t>(line)];
    int n = 0;
    while (n < static_cast<int>(s.size()) && s[static_cast<size_t>(n)] == ' ') ++n;
    return n;
}

// [SECTION] Cursor movement --------------------------------------------------

void TextBuffer::set_cursor_keep_goal(TextPos pos, bool extend) {
    m_sel.cursor = clamp(pos);
    if (!extend) m_sel.anchor = m_sel.cursor;
    m_merge_open = false;
}

void TextBuffer::set_cursor(TextPos pos, bool extend) {
    m_goal_cells = -1;
    set_cursor_keep_goal(pos, extend);
}

void TextBuffer::set_selection(TextPos anchor, TextPos cursor) {
    m_goal_cells = -1;
    m_sel.anchor = clamp(anchor);
    m_sel.cursor = clamp(cursor);
    m_merge_open = false;
}

void TextBuffer::select_all() {
    int last = line_count() - 1;
    set_selection({0, 0}, {last, static_cast<int>(m_lines[static_cast<size_t>(last)].size())});
}

void TextBuffer::select_word_at(TextPos pos) {
    pos = clamp(pos);
    const std::string& s = m_lines[static_cast<size_t>(pos.line)];
    int n = static_cast<int>(s.size());
    if (n == 0) {
        set_selection(pos, pos);
        return;
    }
    // Clicking just past the end of a word selects that word.
    int probe = pos.col < n ? pos.col : prev_char(pos.line, pos.col);
    CharClass cls = char_class(static_cast<unsigned char>(s[static_cast<size_t>(probe)]));
    int a = probe;
    int b = next_char(pos.line, probe);
    if (cls != CharClass::punct) {
        while (a > 0) {
            int p = prev_char(pos.line, a);
            if (char_class(static_cast<unsigned char>(s[static_cast<size_t>(p)])) != cls) break;
            a = p;
        }
        while (b < n && char_class(static_cast<unsigned char>(s[static_cast<size_t>(b)])) == cls)
            b = next_char(pos.line, b);
    }
    set_selection({pos.line, a}, {pos.line, b});
}

void TextBuffer::select_line(int line) {
    line = std::clamp(line, 0, line_count() - 1);
    if (line + 1 < line_count())
        set_selection({line, 0}, {line + 1, 0});
    else
        set_selection({line, 0}, {line, static_cast<int>(m_lines[static_cast<size_t>(line)].size())});
}

void TextBuffer::move_left(bool extend) {
    if (!extend && has_selection()) return set_cursor(m_sel.start());
    TextPos c = m_sel.cursor;
    if (c.col > 0)
        c.col = prev_char(c.line, c.col);
    else if (c.line > 0)
        c = {c.line - 1, static_cast<int>(m_lines[static_cast<size_t>(c.line - 1)].size())};
    set_cursor(c, extend);
}

void TextBuffer::move_right(bool extend) {
    if (!extend && has_selection()) return set_cursor(m_sel.end());
    TextPos c = m_sel.cursor;
    if (c.col < static_cast<int>(m_lines[static_cast<size_t>(c.line)].size()))
        c.col = next_char(c.line, c.col);
    else if (c.line + 1 < line_count())
        c = {c.line + 1, 0};
    set_cursor(c, extend);
}

void TextBuffer::move_up(bool extend, int lines) {
    TextPos c = m_sel.cursor;
    if (m_goal_cells < 0) m_goal_cells = display_column(c);
    if (c.line == 0) {
        set_cursor_keep_goal({0, 0}, extend);
        return;
    }
    int line = std::max(0, c.line - lines);
    set_cursor_keep_goal({line, col_from_display(line, m_goal_cells)}, extend);
}

void TextBuffer::move_down(bool extend, int lines) {
    TextPos c = m_sel.cursor;
    if (m_goal_cells < 0) m_goal_cells = display_column(c);
    int last = line_count() - 1;
    if (c.line == last) {
        set_cursor_keep_goal({last, static_cast<int>(m_lines[static_cast<size_t>(last)].size())}, extend);
        return;
    }
    int line = std::min(last, c.line + lines);
    set_cursor_keep_goal({line, col_from_display(line, m_goal_cells)}, extend);
}

// Word jumps skip blanks, then one run of the same character class
// (identifier characters or punctuation), and cross line ends one at a time.
void TextBuffer::move_word_left(bool extend) {
    TextPos c = m_sel.cursor;
    if (c.col == 0) {
        if (c.line > 0) c = {c.line - 1, static_cast<int>(m_lines[static_cast<size_t>(c.line - 1)].size())};
        return set_cursor(c, extend);
    }
    const std::string& s = m_lines[static_cast<size_t>(c.line)];
    auto cls_before = [&](int col) {
        return char_class(static_cast<unsigned char>(s[static_cast<size_t>(prev_char(c.line, col))]));
    };
    while (c.col > 0 && cls_before(c.col) == CharClass::space) c.col = prev_char(c.line, c.col);
    if (c.col > 0) {
        CharClass cls = cls_before(c.col);
        while (c.col > 0 && cls_before(c.col) == cls) c.col = prev_char(c.line, c.col);
    }
    set_cursor(c, extend);
}

void TextBuffer::move_word_right(bool extend) {
    TextPos c = m_sel.cursor;
    const std::string& s = m_lines[static_cast<size_t>(c.line)];
    int n = static_cast<int>(s.size());
    if (c.col >= n) {
        if (c.line + 1 < line_count()) c = {c.line + 1, 0};
        return set_cursor(c, extend);
    }
    auto cls_at = [&](int col) { return char_class(static_cast<unsigned char>(s[static_cast<size_t>(col)])); };
    while (c.col < n && cls_at(c.col) == CharClass::space) c.col = next_char(c.line, c.col);
    if (c.col < n) {
        CharClass cls = cls_at(c.col);
        while (c.col < n && cls_at(c.col) == cls) c.col = next_char(c.line, c.col);
    }
    set_cursor(c, extend);
}

void TextBuffer::move_home(bool extend) {
    TextPos c = m_sel.cursor;
    int indent = leading_spaces(c.line);
    c.col = (c.col == indent) ? 0 : indent;
    set_cursor(c, extend);
}

void TextBuffer::move_end(bool extend) {
    TextPos c = m_sel.cursor;
    c.col = static_cast<int>(m_lines[static_cast<size_t>(c.line)].size());
    set_cursor(c, extend);
}

void TextBuffer::move_doc_start(bool extend) { set_cursor({0, 0}, extend); }

void TextBuffer::move_doc_end(bool extend) {
    int last = line_count() - 1;
    set_cursor({last, static_cast<int>(m_lines[static_cast<size_t>(last)].size())}, extend);
}

// [SECTION] Editing ------------------------------------------------------------

TextPos TextBuffer::raw_replace(TextPos a, TextPos b, std::string_view text) {
    std::string head = m_lines[static_cast<size_t>(a.line)].substr(0, static_cast<size_t>(a.col));
    std::string tail = m_lines[static_cast<size_t>(b.line)].substr(static_cast<size_t>(b.col));
    m_lines.erase(m_lines.begin() + a.line + 1, m_lines.begin() + b.line + 1);

    std::vector<std::string> parts;
    size_t start = 0;
    for (;;) {
        size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) {
            parts.emplace_back(text.substr(start));
            break;
        }
        parts.emplace_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    m_lines[static_cast<size_t>(a.line)] = head + parts[0];
    m_lines.insert(m_lines.begin() + a.line + 1, parts.begin() + 1, parts.end());
    TextPos end{a.line + static_cast<int>(parts.size()) - 1, 0};
    end.col = static_cast<int>(m_lines[static_cast<size_t>(end.line)].size());
    m_lines[static_cast<size_t>(end.line)] += tail;
    ++m_version;
    return end;
}

TextPos TextBuffer::replace(TextPos a, TextPos b, std::string_view text) {
    a = clamp(a);
    b = clamp(b);
    if (b < a) std::swap(a, b);
    Edit e{a, text_range(a, b), std::string(text)};
    TextPos end = raw_replace(a, b, text);
    m_pending.edits.push_back(std::move(e));
    return end;
}

void TextBuffer::begin_step(EditKind kind) {
    m_pending = UndoStep{};
    m_pending.before = m_sel;
    m_pending.kind = kind;
    m_in_step = true;
}

// Closes the step begun by begin_step. Typing and deleting merge into the
// previous step while they continue where it stopped, so Ctrl+Z takes back a
// word or a run of backspaces, not one character.
void TextBuffer::end_step() {
    m_in_step = false;
    m_goal_cells = -1;
    if (m_pending.edits.empty()) return;
    m_pending.after = m_sel;

    bool merged = false;
    if (m_merge_open && m_pending.kind != EditKind::other && m_undo_pos == m_history.size() && !m_history.empty()) {
        UndoStep& last = m_history.back();
        const Edit& prev = last.edits.back();
        const Edit& cur = m_pending.edits.front();
        bool contiguous = false;
        if (last.kind == EditKind::typing && m_pending.kind == EditKind::typing && cur.removed.empty()) {
            // A word ends where a blank follows a non-blank.
            bool word_break = !cur.inserted.empty() && cur.inserted[0] == ' ' && !prev.inserted.empty() &&
                              prev.inserted.back() != ' ';
            contiguous = cur.start == end_of(prev.start, prev.inserted) && !word_break;
        } else if (last.kind == EditKind::deleting && m_pending.kind == EditKind::deleting && cur.inserted.empty()) {
            contiguous = end_of(cur.start, cur.removed) == prev.start  // backspace run
                         || cur.start == prev.start;                   // delete-forward run
        }
        if (contiguous) {
            for (Edit& e : m_pending.edits) last.edits.push_back(std::move(e));
            last.after = m_pending.after;
            merged = true;
        }
    }
    EditKind kind = m_pending.kind;
    if (!merged) {
        m_history.resize(m_undo_pos);
        m_history.push_back(std::move(m_pending));
        m_undo_pos = m_history.size();
    }
    m_merge_open = kind != EditKind::other;
}

bool TextBuffer::delete_selection() {
    if (!has_selection()) return false;
    bool own_step = !m_in_step;
    if (own_step) begin_step(EditKind::other);
    TextPos s = m_sel.start();
    replace(s, m_sel.end(), {});
    m_sel = {s, s};
    if (own_step) end_step();
    return true;
}

void TextBuffer::insert_text(std::string_view text) {
    std::string norm = normalize_text(text);
    begin_step(EditKind::other);
    TextPos end = replace(m_sel.start(), m_sel.end(), norm);
    m_sel = {end, end};
    end_step();
}

void TextBuffer::type_char(std::uint32_t cp) {
    if (cp == '\n' || cp == '\r') return new_line();
    if (cp == '\t') return indent();
    if (cp < 0x20 || cp == 0x7F) return;
    std::string s;
    append_utf8(s, cp);
    // Typing over a selection is a replacement, not part of a typing run.
    begin_step(has_selection() ? EditKind::other : EditKind::typing);
    TextPos end = replace(m_sel.start(), m_sel.end(), s);
    m_sel = {end, end};
    end_step();
}

void TextBuffer::new_line() {
    begin_step(EditKind::other);
    delete_selection();
    TextPos c = m_sel.cursor;
    const std::string& line = m_lines[static_cast<size_t>(c.line)];
    std::string_view before = std::string_view(line).substr(0, static_cast<size_t>(c.col));
    int indent = std::min(leading_spaces(c.line), c.col);
    std::string_view code = trim(code_part(before));
    if (!code.empty() && code.back() == ':') {
        indent += kIndentWidth;
    } else if (starts_with_word(code, "return") || starts_with_word(code, "pass") || starts_with_word(code, "break") ||
               starts_with_word(code, "continue") || starts_with_word(code, "raise")) {
        // The block ends here; the next statement belongs to the outer one.
        indent = std::max(0, indent - kIndentWidth);
    }
    // The text moved to the new line loses its own leading blanks.
    int after = c.col;
    while (after < static_cast<int>(line.size()) && line[static_cast<size_t>(after)] == ' ') ++after;
    std::string ins = "\n" + std::string(static_cast<size_t>(indent), ' ');
    TextPos end = replace(c, {c.line, after}, ins);
    m_sel = {end, end};
    end_step();
}

void TextBuffer::backspace() {
    if (has_selection()) return delete_selection(), void();
    TextPos c = m_sel.cursor;
    if (c.col == 0 && c.line == 0) return;
    begin_step(EditKind::deleting);
    TextPos from;
    if (c.col == 0) {
        from = {c.line - 1, static_cast<int>(m_lines[static_cast<size_t>(c.line - 1)].size())};
    } else if (leading_spaces(c.line) >= c.col) {
        // Inside the indentation: one Backspace removes one indent level.
        from = {c.line, ((c.col - 1) / kIndentWidth) * kIndentWidth};
    } else {
        from = {c.line, prev_char(c.line, c.col)};
    }
    replace(from, c, {});
    m_sel = {from, from};
    end_step();
}

void TextBuffer::delete_forward() {
    if (has_selection()) return delete_selection(), void();
    TextPos c = m_sel.cursor;
    int n = static_cast<int>(m_lines[static_cast<size_t>(c.line)].size());
    if (c.col == n && c.line + 1 == line_count()) return;
    begin_step(EditKind::deleting);
    TextPos to = c.col < n ? TextPos{c.line, next_char(c.line, c.col)} : TextPos{c.line + 1, 0};
    replace(c, to, {});
    m_sel = {c, c};
    end_step();
}

void TextBuffer::delete_word_left() {
    if (has_selection()) return delete_selection(), void();
    TextPos c = m_sel.cursor;
    move_word_left(false);
    TextPos from = m_sel.cursor;
    m_sel = {c, c};
    if (from == c) return;
    begin_step(EditKind::other);
    replace(from, c, {});
    m_sel = {from, from};
    end_step();
}

void TextBuffer::delete_word_right() {
    if (has_selection()) return delete_selection(), void();
    TextPos c = m_sel.cursor;
    move_word_right(false);
    TextPos to = m_sel.cursor;
    m_sel = {c, c};
    if (to == c) return;
    begin_step(EditKind::other);
    replace(c, to, {});
    m_sel = {c, c};
    end_step();
}

namespace {

// Lines touched by a selection; a selection ending at column 0 does not
// include that last line (the usual editor convention for full-line selections).
std::pair<int, int> selected_lines(const Selection& sel) {
    TextPos a = sel.start(), b = sel.end();
    int last = b.line;
    if (b.line > a.line && b.col == 0) --last;
    return {a.line, last};
}

// Moves a position on `line` after `delta` bytes were inserted (delta > 0) or
// removed (delta < 0) at column `at`.
void shift(TextPos& p, int line, int at, int delta) {
    if (p.line != line) return;
    if (delta > 0) {
        if (p.col >= at && !(at == 0 && p.col == 0)) p.col += delta;
    } else if (p.col > at) {
        p.col = std::max(at, p.col + delta);
    }
}

}  // namespace

void TextBuffer::indent() {
    if (!has_selection()) {
        // No selection: spaces up to the next indent stop.
        TextPos c = m_sel.cursor;
        int n = kIndentWidth - display_column(c) % kIndentWidth;
        begin_step(EditKind::other);
        TextPos end = replace(c, c, std::string(static_cast<size_t>(n), ' '));
        m_sel = {end, end};
        end_step();
        return;
    }
    // A selection: indent every line it touches (blank lines stay empty).
    auto [first, last] = selected_lines(m_sel);
    begin_step(EditKind::other);
    for (int l = first; l <= last; ++l) {
        if (m_lines[static_cast<size_t>(l)].empty()) continue;
        replace({l, 0}, {l, 0}, std::string(kIndentWidth, ' '));
        shift(m_sel.anchor, l, 0, kIndentWidth);
        shift(m_sel.cursor, l, 0, kIndentWidth);
    }
    end_step();
}

void TextBuffer::unindent() {
    auto [first, last] = has_selection() ? selected_lines(m_sel) : std::pair{m_sel.cursor.line, m_sel.cursor.line};
    begin_step(EditKind::other);
    for (int l = first; l <= last; ++l) {
        int lead = leading_spaces(l);
        if (lead == 0) continue;
        int n = lead % kIndentWidth ? lead % kIndentWidth : kIndentWidth;
        replace({l, 0}, {l, n}, {});
        shift(m_sel.anchor, l, 0, -n);
        shift(m_sel.cursor, l, 0, -n);
    }
    end_step();
}

void TextBuffer::toggle_comment() {
    auto [first, last] = has_selection() ? selected_lines(m_sel) : std::pair{m_sel.cursor.line, m_sel.cursor.line};
    bool all_commented = true;
    int min_indent = 1 << 30;
    for (int l = first; l <= last; ++l) {
        const std::string& s = m_lines[static_cast<size_t>(l)];
        int lead = leading_spaces(l);
        if (lead == static_cast<int>(s.size())) continue;  // blank
        min_indent = std::min(min_indent, lead);
        if (s[static_cast<size_t>(lead)] != '#') all_commented = false;
    }
    if (min_indent == 1 << 30) return;  // only blank lines
    begin_step(EditKind::other);
    for (int l = first; l <= last; ++l) {
        const std::string& s = m_lines[static_cast<size_t>(l)];
        int lead = leading_spaces(l);
        if (lead == static_cast<int>(s.size())) continue;
        if (all_commented) {
            int n = (lead + 1 < static_cast<int>(s.size()) && s[static_cast<size_t>(lead + 1)] == ' ') ? 2 : 1;
            replace({l, lead}, {l, lead + n}, {});
            shift(m_sel.anchor, l, lead, -n);
            shift(m_sel.cursor, l, lead, -n);
        } else {
            replace({l, min_indent}, {l, min_indent}, "# ");
            shift(m_sel.anchor, l, min_indent, 2);
            shift(m_sel.cursor, l, min_indent, 2);
        }
    }
    end_step();
}

// [SECTION] Undo/redo ------------------------------------------------------------

bool TextBuffer::undo() {
    if (!can_undo()) return false;
    const UndoStep& step = m_history[--m_undo_pos];
    for (auto it = step.edits.rbegin(); it != step.edits.rend(); ++it)
        raw_replace(it->start, end_of(it->start, it->inserted), it->removed);
    m_sel = step.before;
    m_goal_cells = -1;
    m_merge_open = false;
    return true;
}

bool TextBuffer::redo() {
    if (!can_redo()) return false;
    const UndoStep& step = m_history[m_undo_pos++];
    for (const Edit& e : step.edits) raw_replace(e.start, end_of(e.start, e.removed), e.inserted);
    m_sel = step.after;
    m_goal_cells = -1;
    m_merge_open = false;
    return true;
}

}  // namespace aio::web
