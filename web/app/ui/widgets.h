#pragma once
// Small drawing helpers shared by the panels: panel frames with a header
// row, splitters, toolbar buttons with drawn icons, status pills.

#include <imgui.h>

namespace aio::web {

struct Fonts;

enum class Icon { none, play, stop, step, reset, clear, download, fit, follow, restore, copy, link };

// A panel: a child region with a header row showing `title`. After the call
// the cursor sits on the header row, right of the title, for header tools.
void begin_panel(const char* id, const char* title, const ImVec2& pos, const ImVec2& size, const Fonts& fonts);
// Moves to the body under the header and returns its size.
ImVec2 panel_body();
void end_panel();
float panel_header_height();
// Puts the cursor on the header row so that `width` pixels end at the right edge.
void header_align_right(float width);

// A draggable bar between two areas. `value` is the size of the first area
// in pixels, kept within [min, max]. Returns true while dragged.
bool splitter(const char* id, bool vertical, const ImVec2& pos, const ImVec2& size, float* value, float min, float max);

// A compact button with an optional drawn icon. `primary` uses the accent
// colour (Run). Returns true when clicked and enabled.
bool tool_button(const char* label, Icon icon, bool enabled = true, bool primary = false,
                 const char* tooltip = nullptr);
// Icon-only square button for panel headers.
bool icon_button(const char* id, Icon icon, bool active = false, const char* tooltip = nullptr);
// A toggle drawn as a small button that stays lit while on.
bool toggle_button(const char* label, bool* on, const char* tooltip = nullptr);

// Text in a rounded coloured pill, on the current line.
void status_pill(const char* text, ImU32 colour);

// Draws `icon` centred in the box.
void draw_icon(ImDrawList* dl, Icon icon, const ImVec2& min, const ImVec2& max, ImU32 colour);

// Wrapped dim text (hints, empty states), centred in the available region.
void empty_state(const char* text);

}  // namespace aio::web
