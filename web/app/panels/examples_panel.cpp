#include "examples_panel.h"

#include "ui/theme.h"
#include "ui/widgets.h"

#include <imgui_internal.h>  // RenderTextEllipsis

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace aio::web {

namespace {

// "01_event_loop" -> "01": the number shown in front of each title.
std::string number_of(const std::string& name) {
    size_t i = 0;
    while (i < name.size() && name[i] >= '0' && name[i] <= '9') ++i;
    return name.substr(0, i);
}

}  // namespace

int ExamplesPanel::draw(const ImVec2& pos, const ImVec2& size, const Fonts& fonts, const ExampleCatalog& catalog,
                        int selected, const std::vector<bool>& edited) {
    int picked = -1;
    begin_panel("##examples", "Examples", pos, size, fonts);
    ImGui::PushStyleColor(ImGuiCol_Text, colours::text_faint);
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%d", static_cast<int>(catalog.examples.size()));
    ImGui::PopStyleColor();
    ImVec2 body = panel_body();

    if (catalog.examples.empty()) {
        empty_state(
            "No examples were built into this app. Add NN_name.py files and a catalog.txt to examples/ and rebuild.");
        end_panel();
        return -1;
    }

    if (m_about_h <= 0) m_about_h = std::floor(body.y * 0.42f);
    float splitter_h = 6;
    m_about_h = std::clamp(m_about_h, 60.0f, std::max(60.0f, body.y - 120));
    float list_h = body.y - m_about_h - splitter_h;

    // The list.
    ImGui::SetCursorPos(ImVec2(0, panel_header_height()));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 8));
    ImGui::BeginChild("##list", ImVec2(body.x, list_h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0, 0.5f));
    for (const ExampleGroup& group : catalog.groups) {
        ImGui::Dummy(ImVec2(0, 2));
        ImGui::PushFont(fonts.small);
        ImGui::PushStyleColor(ImGuiCol_Text, colours::text_faint);
        std::string upper = group.name;
        std::transform(upper.begin(), upper.end(), upper.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 6);
        ImGui::TextUnformatted(upper.c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        for (int idx : group.examples) {
            const Example& ex = catalog.examples[static_cast<size_t>(idx)];
            ImGui::PushID(idx);
            bool is_sel = idx == selected;
            float row_h = ImGui::GetFrameHeight() + 2;
            ImVec2 row_pos = ImGui::GetCursorScreenPos();
            if (ImGui::Selectable("##row", is_sel, 0, ImVec2(0, row_h)) && !is_sel) picked = idx;
            ImDrawList* dl = ImGui::GetWindowDrawList();
            std::string num = number_of(ex.name);
            float ty = row_pos.y + (row_h - ImGui::GetFontSize()) * 0.5f;
            float x = row_pos.x + 6;
            if (!num.empty()) {
                ImGui::PushFont(fonts.code);
                dl->AddText(ImVec2(x, ty + 1), is_sel ? colours::accent : colours::text_faint, num.c_str());
                ImGui::PopFont();
                x += 26;
            }
            float avail = ImGui::GetWindowContentRegionMax().x + ImGui::GetWindowPos().x - x - 16;
            ImGui::PushStyleColor(ImGuiCol_Text, is_sel ? colours::text : IM_COL32(0xb8, 0xbd, 0xc6, 0xff));
            ImGui::RenderTextEllipsis(dl, ImVec2(x, ty), ImVec2(x + avail, ty + ImGui::GetFontSize()), x + avail,
                                      x + avail, ex.title.c_str(), nullptr, nullptr);
            ImGui::PopStyleColor();
            if (ImGui::IsItemHovered() && ImGui::CalcTextSize(ex.title.c_str()).x > avail)
                ImGui::SetTooltip("%s", ex.title.c_str());
            if (static_cast<size_t>(idx) < edited.size() && edited[static_cast<size_t>(idx)]) {
                // A dot marks examples with unsaved-to-original edits.
                dl->AddCircleFilled(ImVec2(x + avail + 8, row_pos.y + row_h * 0.5f), 3.0f, colours::warn);
            }
            ImGui::PopID();
        }
        ImGui::Dummy(ImVec2(0, 4));
    }
    ImGui::PopStyleVar();
    ImGui::EndChild();

    // Splitter between list and explanation (dragging up grows the explanation).
    float split_y = panel_header_height() + list_h;
    ImVec2 wp = ImGui::GetWindowPos();
    float top = list_h;
    if (splitter("##about_split", false, ImVec2(wp.x, wp.y + split_y), ImVec2(body.x, splitter_h), &top, 80,
                 body.y - 60))
        m_about_h = body.y - top - splitter_h;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(wp.x, wp.y + split_y + splitter_h * 0.5f),
                                        ImVec2(wp.x + body.x, wp.y + split_y + splitter_h * 0.5f), colours::border);

    // The explanation.
    ImGui::SetCursorPos(ImVec2(0, split_y + splitter_h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14, 10));
    ImGui::BeginChild("##about", ImVec2(body.x, m_about_h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    if (selected >= 0 && static_cast<size_t>(selected) < catalog.examples.size()) {
        const Example& ex = catalog.examples[static_cast<size_t>(selected)];
        ImGui::PushTextWrapPos(0);
        ImGui::PushFont(fonts.ui_bold);
        ImGui::TextUnformatted(ex.title.c_str());
        ImGui::PopFont();
        ImGui::PushStyleColor(ImGuiCol_Text, colours::text_faint);
        ImGui::PushFont(fonts.small);
        ImGui::Text("%s  \xC2\xB7  %s", ex.group.c_str(), ex.name.c_str());
        ImGui::PopFont();
        ImGui::PopStyleColor();
        ImGui::Dummy(ImVec2(0, 2));
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0xb8, 0xbd, 0xc6, 0xff));
        if (ex.about.empty())
            ImGui::TextUnformatted("No explanation in the catalog for this example yet.");
        else
            ImGui::TextUnformatted(ex.about.c_str());
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
    } else if (!catalog.examples.empty()) {
        // No example selected: the editor holds code opened from a link.
        ImGui::PushTextWrapPos(0);
        ImGui::PushFont(fonts.ui_bold);
        ImGui::TextUnformatted("Code from a link");
        ImGui::PopFont();
        ImGui::Dummy(ImVec2(0, 2));
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0xb8, 0xbd, 0xc6, 0xff));
        ImGui::TextUnformatted(
            "The editor shows shared.py, the code the link carried. Run it as any example; "
            "Share makes a link to your edited version. Pick an example above to go back to the tutorial.");
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
    }
    ImGui::EndChild();

    end_panel();
    return picked;
}

}  // namespace aio::web
