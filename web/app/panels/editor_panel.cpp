#include "editor_panel.h"

#include "ui/theme.h"
#include "ui/widgets.h"

#include <cmath>
#include <cstdio>

namespace aio::web {

namespace {

// The file name as a tab-like chip on the header row.
void file_chip(const char* name, bool modified, const Fonts& fonts) {
    float h = ImGui::GetFrameHeight();
    ImGui::PushFont(fonts.code);
    ImVec2 ts = ImGui::CalcTextSize(name);
    float code_size = ImGui::GetFontSize();
    ImGui::PopFont();
    float w = ts.x + 20 + (modified ? 14 : 0);
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(w, h));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), IM_COL32(0x2d, 0x32, 0x39, 0xff), 4);
    dl->AddText(fonts.code, code_size, ImVec2(p.x + 10, p.y + (h - ts.y) * 0.5f), colours::text, name);
    if (modified) dl->AddCircleFilled(ImVec2(p.x + w - 12, p.y + h * 0.5f), 3.5f, colours::warn);
    if (modified && ImGui::IsItemHovered())
        ImGui::SetTooltip("Edited: differs from the example. Edits are kept across reloads.");
}

// A labelled button at the right end of the header row, or just its icon
// when the panel is too narrow for the label.
bool header_tool(const char* label, Icon icon, bool enabled, const char* tooltip) {
    float taken = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + 8;
    float w = ImGui::CalcTextSize(label).x + ImGui::GetFrameHeight() * 0.62f + 6 + ImGui::GetStyle().FramePadding.x * 2;
    if (ImGui::GetWindowWidth() - 8 - w >= taken) {
        header_align_right(w);
        return tool_button(label, icon, enabled, false, tooltip);
    }
    header_align_right(ImGui::GetFrameHeight());
    ImGui::PushID(label);
    bool clicked = icon_button("##tool", icon, false, label) && enabled;
    ImGui::PopID();
    return clicked;
}

}  // namespace

EditorActions EditorPanel::draw(const ImVec2& pos, const ImVec2& size, const Fonts& fonts, CodeEditor& editor,
                                const std::string& filename, bool modified, const Diagnostic& error) {
    EditorActions act;
    begin_panel("##editor_panel", "Editor", pos, size, fonts);
    file_chip(filename.c_str(), modified, fonts);
    if (header_tool("Reset example", Icon::restore, modified, "Throw away your edits and restore the example"))
        act.reset_example = true;

    ImVec2 body = panel_body();
    float status_h = std::floor(ImGui::GetFontSize() + 10);
    ImVec2 wp = ImGui::GetWindowPos();
    ImGui::SetCursorPos(ImVec2(0, panel_header_height()));
    act.changed = editor.draw("##script", ImVec2(body.x, body.y - status_h), fonts.code);

    // Status line.
    float y = wp.y + panel_header_height() + body.y - status_h;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(wp.x, y), ImVec2(wp.x + body.x, y + status_h), colours::header_bg);
    dl->AddLine(ImVec2(wp.x, y), ImVec2(wp.x + body.x, y), colours::border);
    ImGui::PushFont(fonts.small);
    float ty = y + (status_h - ImGui::GetFontSize()) * 0.5f;
    char buf[64];
    TextPos c = editor.buffer().cursor();
    std::snprintf(buf, sizeof buf, "Ln %d, Col %d", c.line + 1, editor.buffer().display_column(c) + 1);
    float right = wp.x + body.x - 12;
    float wb = ImGui::CalcTextSize(buf).x;
    dl->AddText(ImVec2(right - wb, ty), colours::text_dim, buf);
    const char* hint = "Python \xC2\xB7 Ctrl+Enter runs";
    float wh = ImGui::CalcTextSize(hint).x;
    dl->AddText(ImVec2(right - wb - 20 - wh, ty), colours::text_faint, hint);
    float left = wp.x + 12;
    if (error.present()) {
        std::snprintf(buf, sizeof buf, "line %d: ", error.line);
        std::string msg = std::string(buf) + error.message;
        dl->PushClipRect(ImVec2(left, y), ImVec2(right - wb - 40 - wh, y + status_h), true);
        dl->AddCircleFilled(ImVec2(left + 4, y + status_h * 0.5f), 3.5f, colours::bad);
        dl->AddText(ImVec2(left + 14, ty), IM_COL32(0xff, 0x7b, 0x72, 0xff), msg.c_str());
        dl->PopClipRect();
    }
    ImGui::PopFont();
    end_panel();
    return act;
}

bool TwinPanel::draw(const ImVec2& pos, const ImVec2& size, const Fonts& fonts, CodeEditor& viewer,
                     const std::string& filename, bool can_run) {
    bool run = false;
    begin_panel("##twin_panel", "C++ twin", pos, size, fonts);
    bool has_source = !filename.empty();
    if (has_source) file_chip(filename.c_str(), false, fonts);
    if (header_tool("Run C++", Icon::play, has_source && can_run,
                    can_run ? "Run this C++ program: the same example written against aio's C++ API, compiled into\n"
                              "this page, on the same event loop engine the script runs on. Its output appears in the\n"
                              "Console's right-hand column, beside the script's, at the toolbar's clock."
                            : "This build has no compiled C++ version of this example to run"))
        run = true;
    ImVec2 body = panel_body();
    if (!has_source) {
        empty_state("No C++ twin for this code: the examples that have one show it here.");
    } else {
        ImGui::SetCursorPos(ImVec2(0, panel_header_height()));
        viewer.set_read_only(true);
        viewer.draw("##twin", body, fonts.code);
    }
    end_panel();
    return run;
}

}  // namespace aio::web
