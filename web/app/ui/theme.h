#pragma once
// The playground's look: ImGui style, colour palette (UI, syntax, task
// states) and fonts. Fonts are rasterised at the screen's pixel density and
// drawn at 1/density scale, so text stays crisp on high-DPI screens.

#include "editor/syntax.h"
#include "model/loop_view.h"

#include <imgui.h>

namespace aio::web {

struct Fonts {
    ImFont* ui = nullptr;       // body text
    ImFont* ui_bold = nullptr;  // headers, titles
    ImFont* code = nullptr;     // editor, console, twin
    ImFont* small = nullptr;    // timeline labels, hints
    float density = 1.0f;       // device pixels per UI pixel the atlas was built for
};

// Builds the font atlas for `density`; call before the renderer uploads it.
void load_fonts(Fonts& fonts, float density);
void apply_style();

namespace colours {
// UI
inline constexpr ImU32 app_bg = IM_COL32(0x16, 0x17, 0x1a, 0xff);
inline constexpr ImU32 panel_bg = IM_COL32(0x1d, 0x1f, 0x23, 0xff);
inline constexpr ImU32 header_bg = IM_COL32(0x24, 0x27, 0x2c, 0xff);
inline constexpr ImU32 border = IM_COL32(0x30, 0x34, 0x3b, 0xff);
inline constexpr ImU32 text = IM_COL32(0xd7, 0xda, 0xe0, 0xff);
inline constexpr ImU32 text_dim = IM_COL32(0x8b, 0x91, 0x9c, 0xff);
inline constexpr ImU32 text_faint = IM_COL32(0x5c, 0x63, 0x6e, 0xff);
inline constexpr ImU32 accent = IM_COL32(0x4c, 0x9a, 0xff, 0xff);
inline constexpr ImU32 good = IM_COL32(0x3f, 0xb9, 0x50, 0xff);
inline constexpr ImU32 bad = IM_COL32(0xf8, 0x51, 0x49, 0xff);
inline constexpr ImU32 warn = IM_COL32(0xd2, 0x99, 0x22, 0xff);
// Editor
inline constexpr ImU32 editor_bg = IM_COL32(0x1b, 0x1d, 0x21, 0xff);
inline constexpr ImU32 gutter_text = IM_COL32(0x4b, 0x52, 0x5d, 0xff);
inline constexpr ImU32 gutter_text_current = IM_COL32(0xa8, 0xaf, 0xba, 0xff);
inline constexpr ImU32 current_line = IM_COL32(0xff, 0xff, 0xff, 0x09);
inline constexpr ImU32 selection = IM_COL32(0x3a, 0x6e, 0xc8, 0x66);
inline constexpr ImU32 selection_unfocused = IM_COL32(0x80, 0x88, 0x99, 0x33);
inline constexpr ImU32 cursor = IM_COL32(0x8c, 0xc4, 0xff, 0xff);
inline constexpr ImU32 error_line = IM_COL32(0xf8, 0x51, 0x49, 0x22);
inline constexpr ImU32 bracket_match = IM_COL32(0xff, 0xff, 0xff, 0x30);
}  // namespace colours

ImU32 token_colour(TokenKind kind);
ImU32 state_colour(TaskState state);

}  // namespace aio::web
