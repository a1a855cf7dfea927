// Editing rules of the playground's code editor, without a window.

#include "editor/text_buffer.h"

#include <doctest/doctest.h>

using aio::web::Selection;
using aio::web::TextBuffer;
using aio::web::TextPos;

namespace {

void type(TextBuffer& b, std::string_view s) {
    for (char c : s) b.type_char(static_cast<unsigned char>(c));
}

}  // namespace

TEST_CASE("set_text splits lines, expands tabs and drops carriage returns") {
    TextBuffer b("a\r\n\tb\nc");
    REQUIRE(b.line_count() == 3);
    CHECK(b.line(0) == "a");
    CHECK(b.line(1) == "    b");
    CHECK(b.text() == "a\n    b\nc");
    CHECK_FALSE(b.can_undo());
}

TEST_CASE("typing inserts at the cursor and replaces the selection") {
    TextBuffer b("hello world");
    b.set_selection({0, 6}, {0, 11});
    type(b, "there");
    CHECK(b.text() == "hello there");
    CHECK(b.cursor() == TextPos{0, 11});
}

TEST_CASE("Enter keeps the indentation of the current line") {
    TextBuffer b("    x = 1");
    b.move_end(false);
    b.new_line();
    CHECK(b.text() == "    x = 1\n    ");
    CHECK(b.cursor() == TextPos{1, 4});
}

TEST_CASE("Enter after a colon indents one level, even with a comment after it") {
    TextBuffer b("async def main():  # entry");
    b.move_end(false);
    b.new_line();
    CHECK(b.line(1) == "    ");
    TextBuffer c("    if x == ':'");
    c.move_end(false);
    c.new_line();
    CHECK(c.line(1) == "    ");  // the colon is inside a string
}

TEST_CASE("Enter after return dedents") {
    TextBuffer b("def f():\n        return 1");
    b.move_doc_end(false);
    b.new_line();
    CHECK(b.line(2) == "    ");
}

TEST_CASE("Enter in the middle of a line moves the rest without its leading blanks") {
    TextBuffer b("if x:   pass");
    b.set_cursor({0, 5});
    b.new_line();
    CHECK(b.line(0) == "if x:");
    CHECK(b.line(1) == "    pass");
    CHECK(b.cursor() == TextPos{1, 4});
}

TEST_CASE("Backspace in the indentation removes one indent level") {
    TextBuffer b("        x");
    b.set_cursor({0, 8});
    b.backspace();
    CHECK(b.line(0) == "    x");
    b.set_cursor({0, 3});
    b.backspace();
    CHECK(b.line(0) == " x");  // back to the stop at column 0; the blank after the cursor stays
}

TEST_CASE("Backspace at column 0 joins with the previous line") {
    TextBuffer b("ab\ncd");
    b.set_cursor({1, 0});
    b.backspace();
    CHECK(b.text() == "abcd");
    CHECK(b.cursor() == TextPos{0, 2});
}

TEST_CASE("Delete at the end of a line joins the next one") {
    TextBuffer b("ab\ncd");
    b.set_cursor({0, 2});
    b.delete_forward();
    CHECK(b.text() == "abcd");
    CHECK(b.cursor() == TextPos{0, 2});
}

TEST_CASE("left and right step whole UTF-8 characters") {
    TextBuffer b("aé€b");  // 1 + 2 + 3 + 1 bytes
    b.set_cursor({0, 0});
    b.move_right(false);
    CHECK(b.cursor().col == 1);
    b.move_right(false);
    CHECK(b.cursor().col == 3);
    b.move_right(false);
    CHECK(b.cursor().col == 6);
    CHECK(b.display_column(b.cursor()) == 3);
    b.move_left(false);
    CHECK(b.cursor().col == 3);
    b.backspace();
    CHECK(b.line(0) == "a€b");
}

TEST_CASE("left and right collapse a selection to its edge") {
    TextBuffer b("abcdef");
    b.set_selection({0, 1}, {0, 4});
    b.move_left(false);
    CHECK(b.cursor() == TextPos{0, 1});
    b.set_selection({0, 4}, {0, 1});
    b.move_right(false);
    CHECK(b.cursor() == TextPos{0, 4});
}

TEST_CASE("up and down remember the column across short lines") {
    TextBuffer b("long line here\nab\nanother long line");
    b.set_cursor({0, 10});
    b.move_down(false);
    CHECK(b.cursor() == TextPos{1, 2});
    b.move_down(false);
    CHECK(b.cursor() == TextPos{2, 10});
    b.move_up(false, 2);
    CHECK(b.cursor() == TextPos{0, 10});
    b.move_up(false);
    CHECK(b.cursor() == TextPos{0, 0});
}

TEST_CASE("word jumps stop at identifier and punctuation runs") {
    TextBuffer b("    await asyncio.sleep(1)");
    b.set_cursor({0, 0});
    b.move_word_right(false);
    CHECK(b.cursor().col == 9);  // end of "await"
    b.move_word_right(false);
    CHECK(b.cursor().col == 17);  // end of "asyncio"
    b.move_word_right(false);
    CHECK(b.cursor().col == 18);  // past "."
    b.move_word_left(false);
    CHECK(b.cursor().col == 17);
    b.move_word_left(false);
    CHECK(b.cursor().col == 10);
    b.move_word_left(false);
    CHECK(b.cursor().col == 4);
}

TEST_CASE("word jumps cross line ends") {
    TextBuffer b("ab\ncd");
    b.set_cursor({0, 2});
    b.move_word_right(false);
    CHECK(b.cursor() == TextPos{1, 0});
    b.move_word_left(false);
    CHECK(b.cursor() == TextPos{0, 2});
}

TEST_CASE("shift-movement extends the selection from the anchor") {
    TextBuffer b("abc def");
    b.set_cursor({0, 1});
    b.move_word_right(true);
    b.move_right(true);
    CHECK(b.selection().anchor == TextPos{0, 1});
    CHECK(b.selected_text() == "bc ");
}

TEST_CASE("Home toggles between the indentation and column 0") {
    TextBuffer b("    x = 1");
    b.set_cursor({0, 7});
    b.move_home(false);
    CHECK(b.cursor().col == 4);
    b.move_home(false);
    CHECK(b.cursor().col == 0);
    b.move_home(false);
    CHECK(b.cursor().col == 4);
}

TEST_CASE("double click selects the word under the cursor") {
    TextBuffer b("print(loop.time())");
    b.select_word_at({0, 7});
    CHECK(b.selected_text() == "loop");
    b.select_word_at({0, 10});  // on the dot
    CHECK(b.selected_text() == ".");
}

TEST_CASE("Tab without a selection inserts spaces up to the next stop") {
    TextBuffer b("ab");
    b.set_cursor({0, 1});
    b.indent();
    CHECK(b.line(0) == "a   b");
    CHECK(b.cursor().col == 4);
}

TEST_CASE("Tab and Shift+Tab indent and dedent every selected line") {
    TextBuffer b("a\n\nb\nc");
    b.set_selection({0, 0}, {2, 1});
    b.indent();
    CHECK(b.text() == "    a\n\n    b\nc");
    CHECK(b.selection().anchor == TextPos{0, 0});
    CHECK(b.selection().cursor == TextPos{2, 5});
    b.unindent();
    CHECK(b.text() == "a\n\nb\nc");
    CHECK(b.selection().cursor == TextPos{2, 1});
}

TEST_CASE("a selection ending at column 0 leaves that line alone") {
    TextBuffer b("a\nb\nc");
    b.set_selection({0, 0}, {2, 0});
    b.indent();
    CHECK(b.text() == "    a\n    b\nc");
}

TEST_CASE("Shift+Tab removes up to the previous indent stop") {
    TextBuffer b("      x");
    b.set_cursor({0, 6});
    b.unindent();
    CHECK(b.line(0) == "    x");
    CHECK(b.cursor().col == 4);
}

TEST_CASE("toggle_comment comments at the common indentation and back") {
    TextBuffer b("if x:\n    y()\n");
    b.set_selection({0, 0}, {1, 3});
    b.toggle_comment();
    CHECK(b.text() == "# if x:\n#     y()\n");
    b.toggle_comment();
    CHECK(b.text() == "if x:\n    y()\n");
}

TEST_CASE("undo takes back a typed word at once, redo puts it back") {
    TextBuffer b;
    type(b, "await x");
    CHECK(b.text() == "await x");
    REQUIRE(b.undo());
    CHECK(b.text() == "await");
    REQUIRE(b.undo());
    CHECK(b.text() == "");
    CHECK_FALSE(b.can_undo());
    REQUIRE(b.redo());
    REQUIRE(b.redo());
    CHECK(b.text() == "await x");
    CHECK(b.cursor() == TextPos{0, 7});
    CHECK_FALSE(b.can_redo());
}

TEST_CASE("moving the cursor ends a typing group") {
    TextBuffer b;
    type(b, "ab");
    b.move_left(false);
    type(b, "X");
    CHECK(b.text() == "aXb");
    b.undo();
    CHECK(b.text() == "ab");
    CHECK(b.cursor() == TextPos{0, 1});
}

TEST_CASE("a run of backspaces is undone in one step") {
    TextBuffer b("abcdef");
    b.move_end(false);
    b.backspace();
    b.backspace();
    b.backspace();
    CHECK(b.text() == "abc");
    b.undo();
    CHECK(b.text() == "abcdef");
    CHECK(b.cursor() == TextPos{0, 6});
}

TEST_CASE("a new edit after undo drops the redo history") {
    TextBuffer b;
    b.insert_text("one");
    b.insert_text(" two");
    b.undo();
    b.insert_text(" three");
    CHECK_FALSE(b.can_redo());
    CHECK(b.text() == "one three");
    b.undo();
    CHECK(b.text() == "one");
}

TEST_CASE("multi-line paste is one step and restores the selection on undo") {
    TextBuffer b("x = 1\ny = 2");
    b.set_selection({0, 4}, {1, 5});
    b.insert_text("[\n\t1,\n]");
    CHECK(b.text() == "x = [\n    1,\n]");
    CHECK(b.cursor() == TextPos{2, 1});
    b.undo();
    CHECK(b.text() == "x = 1\ny = 2");
    CHECK(b.selection().anchor == TextPos{0, 4});
    CHECK(b.selection().cursor == TextPos{1, 5});
}

TEST_CASE("indenting many lines is undone in one step") {
    TextBuffer b("a\nb\nc");
    b.select_all();
    b.indent();
    b.undo();
    CHECK(b.text() == "a\nb\nc");
}

TEST_CASE("the version counter changes on edits, undo and redo only") {
    TextBuffer b("x");
    auto v0 = b.version();
    b.move_end(false);
    CHECK(b.version() == v0);
    b.type_char('y');
    auto v1 = b.version();
    CHECK(v1 != v0);
    b.undo();
    CHECK(b.version() != v1);
}

TEST_CASE("positions are clamped into the text") {
    TextBuffer b("ab\nc");
    b.set_cursor({9, 9});
    CHECK(b.cursor() == TextPos{1, 1});
    b.set_cursor({-3, -1});
    CHECK(b.cursor() == TextPos{0, 0});
}
