#pragma once
// The code editor's text model: lines of UTF-8, one cursor with a selection
// anchor, and an undo/redo history. No ImGui here, so every editing rule
// (auto-indent, word jumps, undo grouping) is unit-tested without a window.
//
// Positions are (line, byte column). Columns always sit on a UTF-8 character
// boundary; movement steps whole characters. Tabs are expanded to spaces on
// the way in (Python code, four-space indents), so one byte of ASCII is one
// cell on screen and the view can map columns to x with a monospace font.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aio::web {

struct TextPos {
    int line = 0;  // 0-based
    int col = 0;   // byte offset into the line, on a character boundary

    friend bool operator==(TextPos a, TextPos b) { return a.line == b.line && a.col == b.col; }
    friend bool operator!=(TextPos a, TextPos b) { return !(a == b); }
    friend bool operator<(TextPos a, TextPos b) { return a.line < b.line || (a.line == b.line && a.col < b.col); }
    friend bool operator<=(TextPos a, TextPos b) { return !(b < a); }
};

// The cursor is where typing happens; the anchor is the other end of the
// selection (equal to the cursor when nothing is selected).
struct Selection {
    TextPos anchor;
    TextPos cursor;

    bool empty() const { return anchor == cursor; }
    TextPos start() const { return cursor < anchor ? cursor : anchor; }
    TextPos end() const { return cursor < anchor ? anchor : cursor; }
};

class TextBuffer {
public:
    static constexpr int kIndentWidth = 4;

    TextBuffer();
    explicit TextBuffer(std::string_view text) : TextBuffer() { set_text(text); }

    // Replaces everything and clears the history (loading a file is not an edit).
    void set_text(std::string_view text);
    std::string text() const;

    int line_count() const { return static_cast<int>(m_lines.size()); }
    const std::string& line(int i) const { return m_lines[static_cast<size_t>(i)]; }
    // Counts every change; views use it to know when to re-highlight or save.
    std::uint64_t version() const { return m_version; }

    // --- cursor and selection -------------------------------------------
    const Selection& selection() const { return m_sel; }
    TextPos cursor() const { return m_sel.cursor; }
    bool has_selection() const { return !m_sel.empty(); }
    std::string selected_text() const;
    std::string text_range(TextPos a, TextPos b) const;

    // Puts the cursor at `pos` (clamped); with `extend` the anchor stays.
    void set_cursor(TextPos pos, bool extend = false);
    void set_selection(TextPos anchor, TextPos cursor);
    void select_all();
    void select_word_at(TextPos pos);
    void select_line(int line);
    TextPos clamp(TextPos pos) const;

    void move_left(bool extend);
    void move_right(bool extend);
    void move_up(bool extend, int lines = 1);
    void move_down(bool extend, int lines = 1);
    void move_word_left(bool extend);
    void move_word_right(bool extend);
    // Home toggles between the first non-blank character and column 0.
    void move_home(bool extend);
    void move_end(bool extend);
    void move_doc_start(bool extend);
    void move_doc_end(bool extend);

    // --- editing (each call is one undoable step, typing is merged) -----
    void insert_text(std::string_view text);  // replaces the selection
    void type_char(std::uint32_t codepoint);  // typing: merges into the previous step
    // Enter: keeps the current indentation, adds one level after a ':'.
    void new_line();
    void backspace();  // in leading blanks, removes back to the previous indent stop
    void delete_forward();
    void delete_word_left();
    void delete_word_right();
    // Tab: indents selected lines, or inserts spaces up to the next stop.
    void indent();
    void unindent();        // Shift+Tab: removes one level from the selected lines
    void toggle_comment();  // '# ' on every selected line, or off if all have it
    bool delete_selection();

    // --- history ----------------------------------------------------------
    bool can_undo() const { return m_undo_pos > 0; }
    bool can_redo() const { return m_undo_pos < m_history.size(); }
    bool undo();
    bool redo();
    // Ends the current typing group so the next keystroke starts a new step.
    void break_undo_group() { m_merge_open = false; }

    // --- helpers for views ------------------------------------------------
    // Number of characters (not bytes) in line[0, col): the column on screen.
    int display_column(TextPos pos) const;
    // The byte column whose character starts nearest to screen column `cells`.
    int col_from_display(int line, int cells) const;
    // Visible width of a line in cells.
    int line_cells(int line) const {
        return display_column({line, static_cast<int>(m_lines[static_cast<size_t>(line)].size())});
    }

private:
    enum class EditKind : std::uint8_t { other, typing, deleting };

    struct Edit {
        TextPos start;         // where the change starts
        std::string removed;   // text that was there
        std::string inserted;  // text put in its place
    };
    struct UndoStep {
        std::vector<Edit> edits;  // applied in order; undone in reverse
        Selection before;
        Selection after;
        EditKind kind = EditKind::other;
    };

    // The single primitive every edit goes through; returns the end of the
    // inserted text. Records the change into the open undo step.
    TextPos replace(TextPos a, TextPos b, std::string_view text);
    TextPos raw_replace(TextPos a, TextPos b, std::string_view text);
    void begin_step(EditKind kind);
    void end_step();

    int prev_char(int line, int col) const;
    int next_char(int line, int col) const;
    int leading_spaces(int line) const;
    void set_cursor_keep_goal(TextPos pos, bool extend);

    std::vector<std::string> m_lines;
    Selection m_sel;
    int m_goal_cells = -1;  // remembered screen column for up/down runs
    std::uint64_t m_version = 0;

    std::vector<UndoStep> m_history;
    size_t m_undo_pos = 0;  // steps [0, m_undo_pos) are done
    UndoStep m_pending;     // step being built by the current edit
    bool m_in_step = false;
    bool m_merge_open = false;  // the last step may absorb more typing
};

// Character classes for word movement: identifiers, blanks, and the rest.
enum class CharClass : std::uint8_t { space, word, punct };
CharClass char_class(unsigned char c);

// Expands tabs to spaces (at kIndentWidth stops) and drops '\r'.
std::string normalize_text(std::string_view text);
// Appends the UTF-8 encoding of `cp`.
void append_utf8(std::string& out, std::uint32_t cp);

}  // namespace aio::web
