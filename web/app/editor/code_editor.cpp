// The code editor widget. Contents:
//   [SECTION] Set-up and frame entry
//   [SECTION] Mouse
//   [SECTION] Keyboard and clipboard
//   [SECTION] Drawing
//   [SECTION] Bracket matching

#include "editor/code_editor.h"

#include "ui/theme.h"

#include <SDL_scancode.h>

#include <algorithm>
#include <cmath>

namespace aio::web {

namespace {

CodeEditor* g_focused_editor = nullptr;

bool has_non_ascii(const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

}  // namespace

// [SECTION] Set-up and frame entry -------------------------------------------

void CodeEditor::set_text(std::string_view text) {
    m_buf.set_text(text);
    m_error = {};
    m_exec_line = -1;
    m_scroll_to_line = 0;
}

void CodeEditor::set_error(int line, int col, std::string message) { m_error = {line, col, std::move(message)}; }

void CodeEditor::scroll_to_line(int line) { m_scroll_to_line = line; }

CodeEditor* CodeEditor::focused_editor() { return g_focused_editor; }

void CodeEditor::refresh_highlight() {
    if (m_spans_version == m_buf.version()) return;
    // TextBuffer keeps its lines private; colour a copy of the visible model.
    std::vector<std::string> lines;
    lines.reserve(static_cast<size_t>(m_buf.line_count()));
    m_max_cells = 0;
    for (int i = 0; i < m_buf.line_count(); ++i) {
        lines.push_back(m_buf.line(i));
        m_max_cells = std::max(m_max_cells, m_buf.line_cells(i));
    }
    m_spans = highlight(m_lang, lines);
    m_spans_version = m_buf.version();
}

bool CodeEditor::draw(const char* id, const ImVec2& size, ImFont* font) {
    std::uint64_t version_before = m_buf.version();
    refresh_highlight();

    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colours::editor_bg);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild(id, size, false,
                      ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove);

    Geometry& g = m_geo;
    // The exact advance: CalcTextSize rounds widths up to whole pixels, which
    // would drift columns apart over a line.
    g.char_w = font->GetCharAdvance('M') * ImGui::GetFontSize() / font->FontSize;
    g.line_h = std::floor(ImGui::GetFontSize() * 1.5f);
    int digits = std::max(3, static_cast<int>(std::log10(std::max(1, m_buf.line_count()))) + 1);
    g.gutter_w = std::floor(g.char_w * static_cast<float>(digits + 3));
    g.pad = std::floor(g.char_w * 1.2f);

    ImVec2 win_pos = ImGui::GetWindowPos();
    ImVec2 win_size = ImGui::GetWindowSize();
    float scroll_x = ImGui::GetScrollX();
    float scroll_y = ImGui::GetScrollY();
    float top_pad = 4.0f;
    g.origin = ImVec2(win_pos.x + g.gutter_w + g.pad - scroll_x, win_pos.y + top_pad - scroll_y);
    g.view_min = ImVec2(win_pos.x + g.gutter_w, win_pos.y);
    g.view_max =
        ImVec2(win_pos.x + ImGui::GetWindowContentRegionMax().x, win_pos.y + ImGui::GetWindowContentRegionMax().y);

    // Content size: every line, plus room to scroll the last line up to mid-view.
    float content_w = g.gutter_w + g.pad + static_cast<float>(m_max_cells + 4) * g.char_w;
    float content_h = top_pad + static_cast<float>(m_buf.line_count()) * g.line_h + win_size.y * 0.5f;

    // One invisible item over the visible area takes the mouse; placed at the
    // scroll offset so it always covers what is on screen.
    ImGui::SetCursorPos(ImVec2(scroll_x, scroll_y));
    ImVec2 hit_size(std::max(1.0f, g.view_max.x - win_pos.x), std::max(1.0f, g.view_max.y - win_pos.y));
    ImGui::InvisibleButton("##text", hit_size);
    bool hovered = ImGui::IsItemHovered();
    bool held = ImGui::IsItemActive();
    if (ImGui::IsItemActivated()) m_focused = true;
    ImGui::SetCursorPos(ImVec2(0, 0));
    ImGui::Dummy(ImVec2(content_w, content_h));

    if (m_want_focus) {
        ImGui::SetWindowFocus();
        m_want_focus = false;
    }
    m_focused = ImGui::IsWindowFocused();
    if (m_focused)
        g_focused_editor = this;
    else if (g_focused_editor == this)
        g_focused_editor = nullptr;

    handle_mouse(hovered, held);
    if (m_focused) handle_keyboard();
    if (m_buf.version() != version_before) refresh_highlight();

    if (m_scroll_to_line >= 0) {
        float y = static_cast<float>(m_scroll_to_line) * g.line_h;
        float view_h = g.view_max.y - g.view_min.y;
        if (m_scroll_to_line == 0)
            ImGui::SetScrollY(0);
        else if (y < scroll_y || y + g.line_h > scroll_y + view_h)
            ImGui::SetScrollY(std::max(0.0f, y - view_h * 0.35f));
        m_scroll_to_line = -1;
    }
    if (m_scroll_to_cursor) {
        ensure_cursor_visible();
        m_scroll_to_cursor = false;
    }

    render(ImGui::GetWindowDrawList(), font);

    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    return m_buf.version() != version_before;
}

float CodeEditor::x_of(int line, int col) const {
    const std::string& s = m_buf.line(line);
    int cells = has_non_ascii(s) ? m_buf.display_column({line, col}) : std::min(col, static_cast<int>(s.size()));
    return m_geo.origin.x + static_cast<float>(cells) * m_geo.char_w;
}

TextPos CodeEditor::pos_at(ImVec2 mouse) const {
    int line = static_cast<int>(std::floor((mouse.y - m_geo.origin.y) / m_geo.line_h));
    line = std::clamp(line, 0, m_buf.line_count() - 1);
    float cells = (mouse.x - m_geo.origin.x) / m_geo.char_w;
    int cell = std::max(0, static_cast<int>(std::lround(cells)));
    return {line, m_buf.col_from_display(line, cell)};
}

void CodeEditor::ensure_cursor_visible() {
    const Geometry& g = m_geo;
    TextPos c = m_buf.cursor();
    float scroll_x = ImGui::GetScrollX();
    float scroll_y = ImGui::GetScrollY();
    float view_w = g.view_max.x - g.view_min.x - g.pad;
    float view_h = g.view_max.y - g.view_min.y;
    float y = static_cast<float>(c.line) * g.line_h;
    if (y < scroll_y + g.line_h * 0.5f)
        ImGui::SetScrollY(std::max(0.0f, y - g.line_h));
    else if (y + g.line_h * 2 > scroll_y + view_h)
        ImGui::SetScrollY(y + g.line_h * 2 - view_h);
    float x = static_cast<float>(m_buf.display_column(c)) * g.char_w;
    if (x < scroll_x)
        ImGui::SetScrollX(std::max(0.0f, x - g.char_w * 8));
    else if (x + g.char_w * 4 > scroll_x + view_w)
        ImGui::SetScrollX(x + g.char_w * 8 - view_w);
}

// [SECTION] Mouse --------------------------------------------------------------

void CodeEditor::handle_mouse(bool hovered, bool held) {
    ImGuiIO& io = ImGui::GetIO();
    ImVec2 mouse = io.MousePos;
    bool in_gutter = mouse.x < m_geo.view_min.x;
    if (hovered && !in_gutter) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);

    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        TextPos p = pos_at(mouse);
        int clicks = in_gutter ? 3 : std::min<int>(3, ImGui::GetMouseClickedCount(ImGuiMouseButton_Left));
        if (clicks == 1 && io.KeyShift) {
            m_buf.set_cursor(p, true);
            m_drag_origin = {m_buf.selection().anchor, m_buf.selection().anchor};
        } else {
            if (clicks == 1)
                m_buf.set_cursor(p);
            else if (clicks == 2)
                m_buf.select_word_at(p);
            else
                m_buf.select_line(p.line);
            m_drag_origin = m_buf.selection();
        }
        m_drag_unit = clicks;
        m_last_input = ImGui::GetTime();
    }

    if (held && m_drag_unit > 0 && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 1.0f)) {
        TextPos p = pos_at(mouse);
        Selection o = m_drag_origin;
        if (m_drag_unit == 1) {
            m_buf.set_selection(o.anchor, p);
        } else {
            // Extend by whole words/lines, keeping the originally clicked unit.
            Selection unit;
            if (m_drag_unit == 2) {
                m_buf.select_word_at(p);
                unit = m_buf.selection();
            } else {
                m_buf.select_line(p.line);
                unit = m_buf.selection();
            }
            if (unit.start() < o.start())
                m_buf.set_selection(o.end(), unit.start());
            else
                m_buf.set_selection(o.start(), unit.end());
        }
        // Dragging past the edge scrolls.
        float dy = 0;
        if (mouse.y < m_geo.view_min.y)
            dy = mouse.y - m_geo.view_min.y;
        else if (mouse.y > m_geo.view_max.y)
            dy = mouse.y - m_geo.view_max.y;
        if (dy != 0) ImGui::SetScrollY(ImGui::GetScrollY() + dy * 0.5f);
        m_last_input = ImGui::GetTime();
    }
    if (!held) m_drag_unit = 0;
}

// [SECTION] Keyboard and clipboard ----------------------------------------------

void CodeEditor::handle_keyboard() {
    ImGuiIO& io = ImGui::GetIO();
    // Cmd on macOS plays Ctrl's role; Alt (Option) moves by words there.
    bool ctrl = io.KeyCtrl || io.KeySuper;
    bool shift = io.KeyShift;
    bool word = ctrl || io.KeyAlt;
    auto pressed = [](ImGuiKey_ k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); };
    auto pressed_sc = [](int scancode) { return ImGui::IsKeyPressed(scancode); };
    bool ro = m_read_only;
    std::uint64_t v0 = m_buf.version();
    TextPos c0 = m_buf.cursor();
    int page = std::max(1, static_cast<int>((m_geo.view_max.y - m_geo.view_min.y) / m_geo.line_h) - 1);

    // macOS: Cmd+arrows go to line and document ends (Option+arrows move by
    // words). Elsewhere the Super key is not used with arrows, so this is safe.
    bool cmd = io.KeySuper;
    if (pressed(ImGuiKey_LeftArrow))
        cmd ? m_buf.move_home(shift) : word ? m_buf.move_word_left(shift) : m_buf.move_left(shift);
    if (pressed(ImGuiKey_RightArrow))
        cmd ? m_buf.move_end(shift) : word ? m_buf.move_word_right(shift) : m_buf.move_right(shift);
    if (pressed(ImGuiKey_UpArrow)) {
        if (cmd)
            m_buf.move_doc_start(shift);
        else if (ctrl && !shift)
            ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() - m_geo.line_h));
        else
            m_buf.move_up(shift);
    }
    if (pressed(ImGuiKey_DownArrow)) {
        if (cmd)
            m_buf.move_doc_end(shift);
        else if (ctrl && !shift)
            ImGui::SetScrollY(ImGui::GetScrollY() + m_geo.line_h);
        else
            m_buf.move_down(shift);
    }
    if (pressed(ImGuiKey_Home)) ctrl ? m_buf.move_doc_start(shift) : m_buf.move_home(shift);
    if (pressed(ImGuiKey_End)) ctrl ? m_buf.move_doc_end(shift) : m_buf.move_end(shift);
    if (pressed(ImGuiKey_PageUp)) m_buf.move_up(shift, page);
    if (pressed(ImGuiKey_PageDown)) m_buf.move_down(shift, page);
    if (pressed(ImGuiKey_Escape) && m_buf.has_selection()) m_buf.set_cursor(m_buf.cursor());

    if (pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter)) {
        if (ctrl) {
            if (on_run) on_run();
        } else if (!ro) {
            m_buf.new_line();
        }
    }

    if (ctrl && pressed(ImGuiKey_A)) m_buf.select_all();
    if (ctrl && pressed(ImGuiKey_C)) copy(false);
    if (ctrl && pressed(ImGuiKey_X) && !ro) copy(true);
    if (ctrl && pressed(ImGuiKey_V) && !ro) paste();

    if (!ro) {
        if (pressed(ImGuiKey_Tab)) shift ? m_buf.unindent() : m_buf.indent();
        if (pressed(ImGuiKey_Backspace)) word ? m_buf.delete_word_left() : m_buf.backspace();
        if (pressed(ImGuiKey_Delete)) word ? m_buf.delete_word_right() : m_buf.delete_forward();
        if (ctrl && pressed(ImGuiKey_Z)) shift ? m_buf.redo() : m_buf.undo();
        if (ctrl && pressed(ImGuiKey_Y)) m_buf.redo();
        if (ctrl && pressed_sc(SDL_SCANCODE_SLASH)) m_buf.toggle_comment();

        // Typed characters (SDL text input). With Ctrl or Cmd held these are
        // shortcuts, not text, except Ctrl+Alt, which is AltGr on European
        // layouts ('@', '{', '[' on a German keyboard).
        if (!ctrl || io.KeyAlt) {
            for (ImWchar ch : io.InputQueueCharacters) {
                if (ch == '\t' || ch == '\r' || ch == '\n') continue;  // handled as keys
                m_buf.type_char(ch);
            }
        }
        io.InputQueueCharacters.resize(0);
    }

    if (m_buf.version() != v0 || m_buf.cursor() != c0) touch();
}

void CodeEditor::copy(bool cut) {
    std::string text = copy_text();
    if (text.empty()) return;
    ImGui::SetClipboardText(text.c_str());
    if (!cut) return;
    if (!m_buf.has_selection()) {
        // Cutting with no selection takes the whole line.
        int l = m_buf.cursor().line;
        if (l + 1 < m_buf.line_count())
            m_buf.set_selection({l, 0}, {l + 1, 0});
        else
            m_buf.set_selection({l, 0}, {l, static_cast<int>(m_buf.line(l).size())});
    }
    m_buf.delete_selection();
}

void CodeEditor::paste() {
    const char* text = ImGui::GetClipboardText();
    if (text && *text) m_buf.insert_text(text);
}

std::string CodeEditor::copy_text() const {
    if (m_buf.has_selection()) return m_buf.selected_text();
    return m_buf.line(m_buf.cursor().line) + "\n";
}

// [SECTION] Drawing ----------------------------------------------------------------

void CodeEditor::render(ImDrawList* dl, ImFont* font) {
    const Geometry& g = m_geo;
    ImVec2 win_pos = ImGui::GetWindowPos();
    float top = g.view_min.y;
    float bottom = g.view_max.y;
    int first = std::max(0, static_cast<int>(std::floor((top - g.origin.y) / g.line_h)));
    int last = std::min(m_buf.line_count() - 1, static_cast<int>(std::ceil((bottom - g.origin.y) / g.line_h)));
    TextPos cur = m_buf.cursor();
    Selection sel = m_buf.selection();
    float font_size = ImGui::GetFontSize();
    float text_dy = std::floor((g.line_h - font_size) * 0.5f);

    // Gutter background and separator.
    dl->AddRectFilled(ImVec2(win_pos.x, top), ImVec2(g.view_min.x, bottom), colours::editor_bg);

    // Text area, clipped so horizontal scrolling slides under the gutter.
    dl->PushClipRect(ImVec2(g.view_min.x, top), g.view_max, true);
    TextPos bm_a, bm_b;
    bool have_match = m_focused && find_bracket_match(bm_a, bm_b);
    for (int line = first; line <= last; ++line) {
        float y = g.origin.y + static_cast<float>(line) * g.line_h;
        ImVec2 row_min(g.view_min.x, y), row_max(g.view_max.x, y + g.line_h);
        if (line == m_error.line)
            dl->AddRectFilled(row_min, row_max, colours::error_line);
        else if (line == m_exec_line)
            dl->AddRectFilled(row_min, row_max, IM_COL32(0xd2, 0x99, 0x22, 0x26));
        else if (line == cur.line && sel.empty() && (m_focused || !m_read_only))
            dl->AddRectFilled(row_min, row_max, colours::current_line);

        // Selection.
        if (!sel.empty() && line >= sel.start().line && line <= sel.end().line) {
            float x0 = line == sel.start().line ? x_of(line, sel.start().col) : g.origin.x;
            float x1 = line == sel.end().line ? x_of(line, sel.end().col)
                                              : x_of(line, static_cast<int>(m_buf.line(line).size())) + g.char_w * 0.5f;
            if (x1 > x0)
                dl->AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + g.line_h),
                                  m_focused ? colours::selection : colours::selection_unfocused);
        }
        if (have_match) {
            for (TextPos p : {bm_a, bm_b}) {
                if (p.line != line) continue;
                float x = x_of(line, p.col);
                dl->AddRect(ImVec2(x, y + 1), ImVec2(x + g.char_w, y + g.line_h - 1), colours::bracket_match, 2.0f);
            }
        }
        render_line(dl, font, line, y + text_dy);
        if (line == m_error.line) {
            // A wavy underline from the error column to the end of its token.
            const std::string& s = m_buf.line(line);
            int c0 = m_error.col >= 0 ? std::min(m_error.col, static_cast<int>(s.size()))
                                      : static_cast<int>(s.find_first_not_of(' '));
            if (c0 < 0) c0 = 0;
            int c1 = c0;
            while (c1 < static_cast<int>(s.size()) && s[static_cast<size_t>(c1)] != ' ') ++c1;
            if (c1 == c0) c1 = c0 + 1;
            float xa = x_of(line, c0),
                  xb = std::max(xa + g.char_w, x_of(line, std::min(c1, static_cast<int>(s.size()))));
            float base = y + g.line_h - 3;
            for (float x = xa; x < xb; x += 4) {
                float x2 = std::min(x + 2, xb);
                float x3 = std::min(x + 4, xb);
                dl->AddLine(ImVec2(x, base), ImVec2(x2, base - 2), colours::bad, 1.2f);
                if (x3 > x2) dl->AddLine(ImVec2(x2, base - 2), ImVec2(x3, base), colours::bad, 1.2f);
            }
            render_error_message(dl, font, y + text_dy);
        }
    }

    // Cursor: blinks, but stays solid right after any input.
    if (m_focused) {
        double t = ImGui::GetTime() - m_last_input;
        bool on = t < 0.5 || std::fmod(t, 1.0) < 0.6;
        if (on && cur.line >= first && cur.line <= last) {
            float x = x_of(cur.line, cur.col);
            float y = g.origin.y + static_cast<float>(cur.line) * g.line_h;
            dl->AddRectFilled(ImVec2(x - 0.5f, y + 2), ImVec2(x + 1.5f, y + g.line_h - 2), colours::cursor);
        }
    }
    dl->PopClipRect();

    // Line numbers (drawn last so nothing scrolls over them).
    dl->PushClipRect(ImVec2(win_pos.x, top), ImVec2(g.view_min.x, bottom), true);
    char num[16];
    for (int line = first; line <= last; ++line) {
        float y = g.origin.y + static_cast<float>(line) * g.line_h + text_dy;
        std::snprintf(num, sizeof num, "%d", line + 1);
        float w = ImGui::CalcTextSize(num).x;
        ImU32 col = line == cur.line ? colours::gutter_text_current : colours::gutter_text;
        if (line == m_error.line) {
            col = colours::bad;
            float cy = y + font_size * 0.5f;
            dl->AddCircleFilled(ImVec2(win_pos.x + g.char_w * 0.9f, cy), g.char_w * 0.32f, colours::bad);
        } else if (line == m_exec_line) {
            float cy = y + font_size * 0.5f, x = win_pos.x + g.char_w * 0.5f, s = g.char_w * 0.4f;
            dl->AddTriangleFilled(ImVec2(x, cy - s), ImVec2(x + s * 1.4f, cy), ImVec2(x, cy + s), colours::warn);
        }
        dl->AddText(font, font_size, ImVec2(g.view_min.x - g.char_w * 1.5f - w, y), col, num);
    }
    dl->PopClipRect();

    // Hovering the marked line's number shows the full message.
    if (m_error.line >= first && m_error.line <= last && ImGui::IsWindowHovered()) {
        ImVec2 m = ImGui::GetIO().MousePos;
        float y = g.origin.y + static_cast<float>(m_error.line) * g.line_h;
        if (m.y >= y && m.y < y + g.line_h && m.x < g.view_min.x) ImGui::SetTooltip("%s", m_error.message.c_str());
    }
}

void CodeEditor::render_line(ImDrawList* dl, ImFont* font, int line, float y) {
    const std::string& s = m_buf.line(line);
    if (s.empty()) return;
    float font_size = ImGui::GetFontSize();
    const LineSpans* spans = static_cast<size_t>(line) < m_spans.size() ? &m_spans[static_cast<size_t>(line)] : nullptr;
    // Skip what lies left of the view (long lines scrolled sideways).
    float left = m_geo.view_min.x - m_geo.char_w;
    float right = m_geo.view_max.x + m_geo.char_w;
    auto draw_run = [&](int a, int b, ImU32 col) {
        if (a >= b) return;
        float x = x_of(line, a);
        if (x > right) return;
        float xe = x_of(line, b);
        if (xe < left) return;
        dl->AddText(font, font_size, ImVec2(x, y), col, s.data() + a, s.data() + b);
    };
    int at = 0;
    if (spans) {
        for (const Span& sp : *spans) {
            draw_run(at, sp.start, token_colour(TokenKind::text));
            draw_run(sp.start, sp.end, token_colour(sp.kind));
            at = sp.end;
        }
    }
    draw_run(at, static_cast<int>(s.size()), token_colour(TokenKind::text));
}

void CodeEditor::render_error_message(ImDrawList* dl, ImFont* font, float y) {
    if (m_error.message.empty()) return;
    const std::string& s = m_buf.line(m_error.line);
    float x = x_of(m_error.line, static_cast<int>(s.size())) + m_geo.char_w * 3;
    // Keep the message on screen even when the line is long or scrolled.
    float min_x = m_geo.view_min.x + m_geo.char_w;
    x = std::max(x, min_x);
    std::string msg = "\xE2\x97\x8F " + m_error.message;  // "● message"
    dl->AddText(font, ImGui::GetFontSize(), ImVec2(x, y), IM_COL32(0xf8, 0x71, 0x6a, 0xe0), msg.c_str());
}

// [SECTION] Bracket matching ----------------------------------------------------

bool CodeEditor::in_string_or_comment(int line, int col) const {
    if (static_cast<size_t>(line) >= m_spans.size()) return false;
    for (const Span& sp : m_spans[static_cast<size_t>(line)]) {
        if (col < sp.start) return false;
        if (col < sp.end)
            return sp.kind == TokenKind::string || sp.kind == TokenKind::comment || sp.kind == TokenKind::string_escape;
    }
    return false;
}

// The bracket next to the cursor and its partner, skipping brackets inside
// strings and comments. Scans at most a few thousand characters.
bool CodeEditor::find_bracket_match(TextPos& a, TextPos& b) const {
    static const std::string_view open = "([{", close = ")]}";
    TextPos c = m_buf.cursor();
    const std::string& s = m_buf.line(c.line);
    auto bracket_at = [&](int col) -> int {
        if (col < 0 || col >= static_cast<int>(s.size()) || in_string_or_comment(c.line, col)) return -1;
        return static_cast<int>(s[static_cast<size_t>(col)]);
    };
    int col = -1;
    for (int probe : {c.col - 1, c.col}) {
        int ch = bracket_at(probe);
        if (ch >= 0 && (open.find(static_cast<char>(ch)) != std::string_view::npos ||
                        close.find(static_cast<char>(ch)) != std::string_view::npos)) {
            col = probe;
            break;
        }
    }
    if (col < 0) return false;
    char ch = s[static_cast<size_t>(col)];
    bool forward = open.find(ch) != std::string_view::npos;
    char want = forward ? close[open.find(ch)] : open[close.find(ch)];
    int depth = 0;
    int budget = 20000;
    int line = c.line, k = col;
    while (budget-- > 0) {
        const std::string& t = m_buf.line(line);
        if (forward) {
            if (++k >= static_cast<int>(t.size())) {
                if (++line >= m_buf.line_count()) return false;
                k = -1;
                continue;
            }
        } else {
            if (--k < 0) {
                if (--line < 0) return false;
                k = static_cast<int>(m_buf.line(line).size());
                continue;
            }
        }
        const std::string& u = m_buf.line(line);
        char x = u[static_cast<size_t>(k)];
        if (x != ch && x != want) continue;
        if (in_string_or_comment(line, k)) continue;
        if (x == ch)
            ++depth;
        else if (depth == 0) {
            a = {c.line, col};
            b = {line, k};
            return true;
        } else {
            --depth;
        }
    }
    return false;
}

}  // namespace aio::web
