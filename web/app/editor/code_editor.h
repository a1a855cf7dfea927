#pragma once
// The code editor widget: a TextBuffer drawn with ImGui. Line numbers,
// colouring, a marked error line with its message, the line being run,
// bracket matching, mouse and keyboard editing, clipboard, undo/redo.
// Ctrl/Cmd+Enter calls on_run. Read-only mode is the C++ twin's viewer.

#include "editor/syntax.h"
#include "editor/text_buffer.h"

#include <imgui.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace aio::web {

class CodeEditor {
public:
    struct Marker {
        int line = -1;        // 0-based; -1 = none
        int col = -1;         // 0-based byte column; -1 = whole line
        std::string message;  // "SyntaxError: invalid syntax"
    };

    explicit CodeEditor(Language lang = Language::python) : m_lang(lang) {}

    // Loads text, clearing history, selection, scroll and markers.
    void set_text(std::string_view text);
    std::string text() const { return m_buf.text(); }
    TextBuffer& buffer() { return m_buf; }
    const TextBuffer& buffer() const { return m_buf; }

    void set_read_only(bool ro) { m_read_only = ro; }
    bool read_only() const { return m_read_only; }

    void set_error(int line, int col, std::string message);
    void clear_error() { m_error = {}; }
    const Marker& error() const { return m_error; }
    // The line the interpreter is running (while stepping); -1 for none.
    void set_exec_line(int line) { m_exec_line = line; }

    // Called on Ctrl/Cmd+Enter.
    std::function<void()> on_run;

    // Draws into a region of `size` with the given monospace font. Returns
    // true when the text changed this frame.
    bool draw(const char* id, const ImVec2& size, ImFont* font);

    bool focused() const { return m_focused; }
    void focus() { m_want_focus = true; }
    void scroll_to_line(int line);

    // What Copy would put on the clipboard: the selection, or the whole
    // current line when nothing is selected (as most code editors do).
    std::string copy_text() const;
    // The editor that had keyboard focus in the last frame, if any (the web
    // clipboard glue asks it what to copy).
    static CodeEditor* focused_editor();

private:
    struct Geometry {
        ImVec2 origin;    // screen position of line 0, column 0
        ImVec2 view_min;  // visible text area, screen coordinates
        ImVec2 view_max;
        float line_h = 16;  // pixels per line
        float char_w = 8;   // pixels per cell (monospace)
        float gutter_w = 40;
        float pad = 6;  // space between gutter and text
    };

    void refresh_highlight();
    void handle_mouse(bool hovered, bool held);
    void handle_keyboard();
    void render(ImDrawList* dl, ImFont* font);
    void render_line(ImDrawList* dl, ImFont* font, int line, float y);
    void render_error_message(ImDrawList* dl, ImFont* font, float y);
    void ensure_cursor_visible();
    float x_of(int line, int col) const;
    TextPos pos_at(ImVec2 mouse) const;
    bool find_bracket_match(TextPos& a, TextPos& b) const;
    bool in_string_or_comment(int line, int col) const;
    void copy(bool cut);
    void paste();
    void touch() {
        m_last_input = ImGui::GetTime();
        m_scroll_to_cursor = true;
    }

    TextBuffer m_buf;
    Language m_lang;
    bool m_read_only = false;
    Marker m_error;
    int m_exec_line = -1;

    std::vector<LineSpans> m_spans;
    std::uint64_t m_spans_version = ~std::uint64_t{0};
    int m_max_cells = 0;

    Geometry m_geo;
    bool m_focused = false;
    bool m_want_focus = false;
    bool m_scroll_to_cursor = false;
    int m_scroll_to_line = -1;
    double m_last_input = 0;
    // Mouse drag: what the press selected (a word or a line for double or
    // triple clicks), so dragging extends by whole words or lines.
    int m_drag_unit = 0;  // 0 none, 1 char, 2 word, 3 line
    Selection m_drag_origin;
};

}  // namespace aio::web
