#include "theme.h"

#include "embedded_files.h"

namespace aio::web {

namespace {

// What the subset fonts hold (see web/deps/build_deps.sh): Latin-1 plus a few
// punctuation marks, arrows and shapes.
const ImWchar kGlyphRanges[] = {
    0x0020, 0x00FF, 0x2013, 0x2014, 0x2018, 0x201F, 0x2022, 0x2022, 0x2026, 0x2026, 0x2190,
    0x2193, 0x2212, 0x2212, 0x25A0, 0x25A0, 0x25B6, 0x25B6, 0x25CF, 0x25CF, 0,
};

ImFont* add_font(const char* file, float size, float density) {
    ImGuiIO& io = ImGui::GetIO();
    const EmbeddedFile* f = kEmbeddedFonts.find(file);
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the bytes live in the binary
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = false;
    if (!f) {
        // Fonts not built (web/deps/build_deps.sh fonts): ImGui's own font.
        cfg.SizePixels = 13.0f * density;
        return io.Fonts->AddFontDefault(&cfg);
    }
    return io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(f->data), static_cast<int>(f->size),
                                          size * density, &cfg, kGlyphRanges);
}

}  // namespace

void load_fonts(Fonts& fonts, float density) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    fonts.ui = add_font("ui-regular.otf", 15.0f, density);
    fonts.ui_bold = add_font("ui-semibold.otf", 15.0f, density);
    fonts.code = add_font("code-regular.ttf", 14.0f, density);
    fonts.small = add_font("ui-regular.otf", 12.5f, density);
    fonts.density = density;
    io.FontDefault = fonts.ui;
    // Sizes above are in UI pixels; the atlas holds device pixels.
    io.FontGlobalScale = 1.0f / density;
    io.Fonts->Build();
}

void apply_style() {
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    ImGui::StyleColorsDark(&s);
    s.WindowPadding = ImVec2(10, 8);
    s.FramePadding = ImVec2(8, 4);
    s.ItemSpacing = ImVec2(8, 6);
    s.ItemInnerSpacing = ImVec2(6, 4);
    s.ScrollbarSize = 11;
    s.GrabMinSize = 10;
    s.WindowBorderSize = 0;
    s.ChildBorderSize = 0;
    s.FrameBorderSize = 0;
    s.PopupBorderSize = 1;
    s.WindowRounding = 0;
    s.ChildRounding = 0;
    s.FrameRounding = 4;
    s.PopupRounding = 5;
    s.ScrollbarRounding = 6;
    s.GrabRounding = 4;
    s.TabRounding = 4;
    s.CellPadding = ImVec2(8, 3);

    auto c = [](ImU32 v) { return ImGui::ColorConvertU32ToFloat4(v); };
    ImVec4* col = s.Colors;
    col[ImGuiCol_Text] = c(colours::text);
    col[ImGuiCol_TextDisabled] = c(colours::text_faint);
    col[ImGuiCol_WindowBg] = c(colours::app_bg);
    col[ImGuiCol_ChildBg] = c(colours::panel_bg);
    col[ImGuiCol_PopupBg] = c(IM_COL32(0x23, 0x26, 0x2b, 0xf8));
    col[ImGuiCol_Border] = c(colours::border);
    col[ImGuiCol_FrameBg] = c(IM_COL32(0x2a, 0x2e, 0x35, 0xff));
    col[ImGuiCol_FrameBgHovered] = c(IM_COL32(0x33, 0x38, 0x40, 0xff));
    col[ImGuiCol_FrameBgActive] = c(IM_COL32(0x3a, 0x40, 0x4a, 0xff));
    col[ImGuiCol_TitleBg] = c(colours::header_bg);
    col[ImGuiCol_TitleBgActive] = c(colours::header_bg);
    col[ImGuiCol_MenuBarBg] = c(colours::header_bg);
    col[ImGuiCol_ScrollbarBg] = c(IM_COL32(0, 0, 0, 0));
    col[ImGuiCol_ScrollbarGrab] = c(IM_COL32(0x3d, 0x43, 0x4c, 0xff));
    col[ImGuiCol_ScrollbarGrabHovered] = c(IM_COL32(0x4a, 0x51, 0x5c, 0xff));
    col[ImGuiCol_ScrollbarGrabActive] = c(IM_COL32(0x57, 0x5f, 0x6b, 0xff));
    col[ImGuiCol_CheckMark] = c(colours::accent);
    col[ImGuiCol_SliderGrab] = c(colours::accent);
    col[ImGuiCol_SliderGrabActive] = c(IM_COL32(0x6a, 0xad, 0xff, 0xff));
    col[ImGuiCol_Button] = c(IM_COL32(0x2d, 0x32, 0x39, 0xff));
    col[ImGuiCol_ButtonHovered] = c(IM_COL32(0x38, 0x3e, 0x47, 0xff));
    col[ImGuiCol_ButtonActive] = c(IM_COL32(0x44, 0x4b, 0x56, 0xff));
    col[ImGuiCol_Header] = c(IM_COL32(0x2f, 0x4a, 0x73, 0xff));
    col[ImGuiCol_HeaderHovered] = c(IM_COL32(0x2c, 0x31, 0x38, 0xff));
    col[ImGuiCol_HeaderActive] = c(IM_COL32(0x35, 0x55, 0x85, 0xff));
    col[ImGuiCol_Separator] = c(colours::border);
    col[ImGuiCol_SeparatorHovered] = c(colours::accent);
    col[ImGuiCol_SeparatorActive] = c(colours::accent);
    col[ImGuiCol_Tab] = c(IM_COL32(0, 0, 0, 0));
    col[ImGuiCol_TabHovered] = c(IM_COL32(0x33, 0x38, 0x40, 0xff));
    col[ImGuiCol_TabActive] = c(IM_COL32(0x33, 0x38, 0x40, 0xff));
    col[ImGuiCol_TabUnfocused] = c(IM_COL32(0, 0, 0, 0));
    col[ImGuiCol_TabUnfocusedActive] = c(IM_COL32(0x2d, 0x32, 0x39, 0xff));
    col[ImGuiCol_TableHeaderBg] = c(colours::header_bg);
    col[ImGuiCol_TableBorderStrong] = c(colours::border);
    col[ImGuiCol_TableBorderLight] = c(IM_COL32(0x2a, 0x2d, 0x33, 0xff));
    col[ImGuiCol_TableRowBg] = c(IM_COL32(0, 0, 0, 0));
    col[ImGuiCol_TableRowBgAlt] = c(IM_COL32(0xff, 0xff, 0xff, 0x05));
    col[ImGuiCol_TextSelectedBg] = c(colours::selection);
    col[ImGuiCol_NavHighlight] = c(colours::accent);
}

ImU32 token_colour(TokenKind kind) {
    switch (kind) {
    case TokenKind::text:
        return IM_COL32(0xd4, 0xd8, 0xdf, 0xff);
    case TokenKind::keyword:
        return IM_COL32(0xc6, 0x78, 0xdd, 0xff);
    case TokenKind::constant:
        return IM_COL32(0xd1, 0x9a, 0x66, 0xff);
    case TokenKind::builtin:
        return IM_COL32(0x56, 0xb6, 0xc2, 0xff);
    case TokenKind::self:
        return IM_COL32(0xe0, 0x6c, 0x75, 0xff);
    case TokenKind::function:
        return IM_COL32(0x61, 0xaf, 0xef, 0xff);
    case TokenKind::call:
        return IM_COL32(0x7e, 0xbd, 0xf2, 0xff);
    case TokenKind::type:
        return IM_COL32(0xe5, 0xc0, 0x7b, 0xff);
    case TokenKind::decorator:
        return IM_COL32(0xe5, 0xc0, 0x7b, 0xff);
    case TokenKind::number:
        return IM_COL32(0xd1, 0x9a, 0x66, 0xff);
    case TokenKind::string:
        return IM_COL32(0x98, 0xc3, 0x79, 0xff);
    case TokenKind::string_escape:
        return IM_COL32(0x56, 0xb6, 0xc2, 0xff);
    case TokenKind::fstring_brace:
        return IM_COL32(0xc6, 0x78, 0xdd, 0xff);
    case TokenKind::comment:
        return IM_COL32(0x6b, 0x75, 0x82, 0xff);
    case TokenKind::op:
        return IM_COL32(0xa3, 0xab, 0xb8, 0xff);
    case TokenKind::preprocessor:
        return IM_COL32(0xc6, 0x78, 0xdd, 0xff);
    case TokenKind::count:
        break;
    }
    return colours::text;
}

ImU32 state_colour(TaskState state) {
    switch (state) {
    case TaskState::ready:
        return IM_COL32(0x58, 0x6e, 0x8c, 0xff);
    case TaskState::running:
        return IM_COL32(0x3f, 0xb9, 0x50, 0xff);
    case TaskState::waiting:
        return IM_COL32(0xd2, 0x99, 0x22, 0xff);
    case TaskState::sleeping:
        return IM_COL32(0x7c, 0x83, 0xfd, 0xff);
    case TaskState::done:
        return IM_COL32(0x2e, 0xa0, 0x43, 0xff);
    case TaskState::cancelled:
        return IM_COL32(0x8b, 0x91, 0x9c, 0xff);
    case TaskState::failed:
        return IM_COL32(0xf8, 0x51, 0x49, 0xff);
    }
    return colours::text;
}

}  // namespace aio::web
