#include "widgets.h"

#include "theme.h"

#include <imgui_internal.h>  // FindRenderedTextEnd: labels may carry "##id"

#include <algorithm>
#include <cmath>

namespace aio::web {

namespace {
float g_header_h = 30.0f;
}

float panel_header_height() { return g_header_h; }

void begin_panel(const char* id, const char* title, const ImVec2& pos, const ImVec2& size, const Fonts& fonts) {
    g_header_h = std::floor(ImGui::GetFrameHeight() + 8.0f);
    ImGui::SetCursorScreenPos(pos);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colours::panel_bg);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild(id, size, false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoMove);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();

    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetWindowPos();
    float w = ImGui::GetWindowWidth();
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + g_header_h), colours::header_bg);
    dl->AddLine(ImVec2(p.x, p.y + g_header_h - 1), ImVec2(p.x + w, p.y + g_header_h - 1), colours::border);

    ImGui::PushFont(fonts.ui_bold);
    ImVec2 ts = ImGui::CalcTextSize(title);
    dl->AddText(ImVec2(p.x + 12, p.y + std::floor((g_header_h - ts.y) * 0.5f)), colours::text, title);
    ImGui::PopFont();
    ImGui::SetCursorPos(ImVec2(12 + ts.x + 14, std::floor((g_header_h - ImGui::GetFrameHeight()) * 0.5f)));
}

void header_align_right(float width) {
    ImGui::SetCursorPos(
        ImVec2(ImGui::GetWindowWidth() - width - 8, std::floor((g_header_h - ImGui::GetFrameHeight()) * 0.5f)));
}

ImVec2 panel_body() {
    ImGui::SetCursorPos(ImVec2(0, g_header_h));
    ImVec2 s = ImGui::GetWindowSize();
    return ImVec2(s.x, std::max(1.0f, s.y - g_header_h));
}

void end_panel() {
    // A hairline border around the panel.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetWindowPos();
    ImVec2 s = ImGui::GetWindowSize();
    dl->PushClipRectFullScreen();
    dl->AddRect(p, ImVec2(p.x + s.x, p.y + s.y), colours::border);
    dl->PopClipRect();
    ImGui::EndChild();
}

bool splitter(const char* id, bool vertical, const ImVec2& pos, const ImVec2& size, float* value, float min,
              float max) {
    ImGui::SetCursorScreenPos(pos);
    ImGui::InvisibleButton(id, size);
    bool hovered = ImGui::IsItemHovered();
    bool active = ImGui::IsItemActive();
    if (hovered || active) ImGui::SetMouseCursor(vertical ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
    if (active) {
        ImVec2 d = ImGui::GetIO().MouseDelta;
        *value += vertical ? d.x : d.y;
    }
    *value = std::clamp(*value, min, std::max(min, max));
    if (hovered || active) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        ImVec2 c(pos.x + size.x * 0.5f, pos.y + size.y * 0.5f);
        ImU32 col = active ? colours::accent : IM_COL32(0x4c, 0x9a, 0xff, 0x90);
        if (vertical)
            dl->AddRectFilled(ImVec2(c.x - 1, pos.y), ImVec2(c.x + 1, pos.y + size.y), col);
        else
            dl->AddRectFilled(ImVec2(pos.x, c.y - 1), ImVec2(pos.x + size.x, c.y + 1), col);
    }
    return active;
}

void draw_icon(ImDrawList* dl, Icon icon, const ImVec2& min, const ImVec2& max, ImU32 col) {
    ImVec2 c((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
    float r = std::min(max.x - min.x, max.y - min.y) * 0.5f;
    switch (icon) {
    case Icon::none:
        break;
    case Icon::play:
        dl->AddTriangleFilled(ImVec2(c.x - r * 0.55f, c.y - r * 0.7f), ImVec2(c.x + r * 0.75f, c.y),
                              ImVec2(c.x - r * 0.55f, c.y + r * 0.7f), col);
        break;
    case Icon::stop:
        dl->AddRectFilled(ImVec2(c.x - r * 0.55f, c.y - r * 0.55f), ImVec2(c.x + r * 0.55f, c.y + r * 0.55f), col,
                          1.5f);
        break;
    case Icon::step:
        dl->AddTriangleFilled(ImVec2(c.x - r * 0.7f, c.y - r * 0.65f), ImVec2(c.x + r * 0.35f, c.y),
                              ImVec2(c.x - r * 0.7f, c.y + r * 0.65f), col);
        dl->AddRectFilled(ImVec2(c.x + r * 0.4f, c.y - r * 0.65f), ImVec2(c.x + r * 0.7f, c.y + r * 0.65f), col);
        break;
    case Icon::reset:
    case Icon::restore: {
        float rr = r * 0.62f;
        dl->PathArcTo(c, rr, -2.6f, 2.0f, 16);
        dl->PathStroke(col, false, 1.6f);
        ImVec2 tip(c.x + rr * std::cos(-2.6f), c.y + rr * std::sin(-2.6f));
        dl->AddTriangleFilled(ImVec2(tip.x - r * 0.38f, tip.y - r * 0.05f),
                              ImVec2(tip.x + r * 0.22f, tip.y - r * 0.32f), ImVec2(tip.x + r * 0.12f, tip.y + r * 0.3f),
                              col);
        break;
    }
    case Icon::clear: {
        float s = r * 0.5f;
        dl->AddLine(ImVec2(c.x - s, c.y - s), ImVec2(c.x + s, c.y + s), col, 1.6f);
        dl->AddLine(ImVec2(c.x + s, c.y - s), ImVec2(c.x - s, c.y + s), col, 1.6f);
        break;
    }
    case Icon::download: {
        float s = r * 0.6f;
        dl->AddLine(ImVec2(c.x, c.y - s), ImVec2(c.x, c.y + s * 0.4f), col, 1.6f);
        dl->AddTriangleFilled(ImVec2(c.x - s * 0.6f, c.y), ImVec2(c.x + s * 0.6f, c.y), ImVec2(c.x, c.y + s * 0.6f),
                              col);
        dl->AddLine(ImVec2(c.x - s, c.y + s), ImVec2(c.x + s, c.y + s), col, 1.6f);
        break;
    }
    case Icon::fit: {
        float s = r * 0.6f, k = r * 0.3f;
        dl->AddLine(ImVec2(c.x - s, c.y - s), ImVec2(c.x - s + k, c.y - s), col, 1.5f);
        dl->AddLine(ImVec2(c.x - s, c.y - s), ImVec2(c.x - s, c.y - s + k), col, 1.5f);
        dl->AddLine(ImVec2(c.x + s, c.y + s), ImVec2(c.x + s - k, c.y + s), col, 1.5f);
        dl->AddLine(ImVec2(c.x + s, c.y + s), ImVec2(c.x + s, c.y + s - k), col, 1.5f);
        dl->AddLine(ImVec2(c.x + s, c.y - s), ImVec2(c.x + s - k, c.y - s), col, 1.5f);
        dl->AddLine(ImVec2(c.x + s, c.y - s), ImVec2(c.x + s, c.y - s + k), col, 1.5f);
        dl->AddLine(ImVec2(c.x - s, c.y + s), ImVec2(c.x - s + k, c.y + s), col, 1.5f);
        dl->AddLine(ImVec2(c.x - s, c.y + s), ImVec2(c.x - s, c.y + s - k), col, 1.5f);
        break;
    }
    case Icon::copy: {
        float s = r * 0.42f, o = r * 0.22f;
        dl->AddRect(ImVec2(c.x - s - o, c.y - s - o), ImVec2(c.x + s - o, c.y + s - o), col, 1.5f, 0, 1.4f);
        dl->AddRectFilled(ImVec2(c.x - s + o, c.y - s + o), ImVec2(c.x + s + o, c.y + s + o), col, 1.5f);
        break;
    }
    case Icon::link: {
        // Two chain links, slanted.
        float w = r * 0.36f, h = r * 0.2f;
        ImVec2 d(r * 0.26f, -r * 0.26f);
        for (float k : {-1.0f, 1.0f}) {
            ImVec2 m(c.x + d.x * k, c.y + d.y * k);
            ImVec2 ax(0.7071f * w, -0.7071f * w), ay(0.7071f * h, 0.7071f * h);
            dl->AddQuad(ImVec2(m.x - ax.x - ay.x, m.y - ax.y - ay.y), ImVec2(m.x + ax.x - ay.x, m.y + ax.y - ay.y),
                        ImVec2(m.x + ax.x + ay.x, m.y + ax.y + ay.y), ImVec2(m.x - ax.x + ay.x, m.y - ax.y + ay.y), col,
                        1.5f);
        }
        break;
    }
    case Icon::follow: {
        float s = r * 0.55f;
        dl->AddLine(ImVec2(c.x + s, c.y - s), ImVec2(c.x + s, c.y + s), col, 1.6f);
        dl->AddTriangleFilled(ImVec2(c.x - s, c.y - s * 0.7f), ImVec2(c.x + s * 0.5f, c.y),
                              ImVec2(c.x - s, c.y + s * 0.7f), col);
        break;
    }
    }
}

bool tool_button(const char* label, Icon icon, bool enabled, bool primary, const char* tooltip) {
    ImGuiStyle& st = ImGui::GetStyle();
    float h = ImGui::GetFrameHeight();
    float icon_w = icon == Icon::none ? 0.0f : h * 0.62f;
    const char* label_end = ImGui::FindRenderedTextEnd(label);
    ImVec2 ts = ImGui::CalcTextSize(label, label_end);
    float gap = (icon_w > 0 && ts.x > 0) ? 6.0f : 0.0f;
    ImVec2 size(st.FramePadding.x * 2 + icon_w + gap + ts.x, h);

    ImVec2 pos = ImGui::GetCursorScreenPos();
    if (!enabled) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, st.Alpha * 0.4f);
    bool clicked = ImGui::InvisibleButton(label, size) && enabled;
    bool hovered = ImGui::IsItemHovered() && enabled;
    bool held = ImGui::IsItemActive() && enabled;

    ImU32 bg;
    if (primary)
        bg = held ? IM_COL32(0x2c, 0x7a, 0xe0, 0xff) : hovered ? IM_COL32(0x5d, 0xa6, 0xff, 0xff) : colours::accent;
    else
        bg = ImGui::GetColorU32(held ? ImGuiCol_ButtonActive : hovered ? ImGuiCol_ButtonHovered : ImGuiCol_Button);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), bg, st.FrameRounding);
    ImU32 fg = primary ? IM_COL32(0x0b, 0x16, 0x26, 0xff) : ImGui::GetColorU32(ImGuiCol_Text);
    if (!enabled) fg = (fg & 0x00ffffff) | 0x66000000;
    float x = pos.x + st.FramePadding.x;
    if (icon != Icon::none) {
        draw_icon(dl, icon, ImVec2(x, pos.y + (h - icon_w) * 0.5f), ImVec2(x + icon_w, pos.y + (h + icon_w) * 0.5f),
                  fg);
        x += icon_w + gap;
    }
    if (ts.x > 0) dl->AddText(ImVec2(x, pos.y + (h - ts.y) * 0.5f), fg, label, label_end);
    if (!enabled) ImGui::PopStyleVar();
    if (tooltip && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tooltip);
    return clicked;
}

bool icon_button(const char* id, Icon icon, bool active, const char* tooltip) {
    float h = ImGui::GetFrameHeight();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool clicked = ImGui::InvisibleButton(id, ImVec2(h, h));
    bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (hovered || active)
        dl->AddRectFilled(pos, ImVec2(pos.x + h, pos.y + h),
                          active ? IM_COL32(0x4c, 0x9a, 0xff, 0x40) : ImGui::GetColorU32(ImGuiCol_ButtonHovered),
                          ImGui::GetStyle().FrameRounding);
    float pad = h * 0.2f;
    draw_icon(dl, icon, ImVec2(pos.x + pad, pos.y + pad), ImVec2(pos.x + h - pad, pos.y + h - pad),
              active    ? colours::accent
              : hovered ? colours::text
                        : colours::text_dim);
    if (tooltip && hovered) ImGui::SetTooltip("%s", tooltip);
    return clicked;
}

bool toggle_button(const char* label, bool* on, const char* tooltip) {
    ImGui::PushStyleColor(ImGuiCol_Button, *on ? IM_COL32(0x4c, 0x9a, 0xff, 0x40) : IM_COL32(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, *on ? colours::text : colours::text_dim);
    bool clicked = ImGui::Button(label);
    ImGui::PopStyleColor(2);
    if (clicked) *on = !*on;
    if (tooltip && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip);
    return clicked;
}

void status_pill(const char* text, ImU32 colour) {
    ImVec2 ts = ImGui::CalcTextSize(text);
    float h = ImGui::GetFrameHeight();
    float pad = 10;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 size(ts.x + pad * 2 + 10, h);
    ImGui::Dummy(size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 bg = (colour & 0x00ffffff) | 0x26000000;
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), bg, h * 0.5f);
    dl->AddCircleFilled(ImVec2(pos.x + pad + 2, pos.y + h * 0.5f), 3.5f, colour);
    dl->AddText(ImVec2(pos.x + pad + 10, pos.y + (h - ts.y) * 0.5f), colours::text, text);
}

void empty_state(const char* text) {
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float wrap = std::min(avail.x - 24, 380.0f);
    ImVec2 ts = ImGui::CalcTextSize(text, nullptr, false, wrap);
    ImVec2 cur = ImGui::GetCursorPos();
    ImGui::SetCursorPos(
        ImVec2(cur.x + std::max(12.0f, (avail.x - ts.x) * 0.5f), cur.y + std::max(8.0f, (avail.y - ts.y) * 0.4f)));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    ImGui::PushStyleColor(ImGuiCol_Text, colours::text_faint);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
}

}  // namespace aio::web
