#include "console_panel.h"

#include "ui/theme.h"
#include "ui/widgets.h"

#include <cstdio>

namespace aio::web {

namespace {

constexpr ImU32 kErrText = IM_COL32(0xff, 0x7b, 0x72, 0xff);
constexpr ImU32 kInfoText = IM_COL32(0x6f, 0x9e, 0xd8, 0xff);

}  // namespace

bool ConsolePanel::draw(const ImVec2& pos, const ImVec2& size, const Fonts& fonts, const ConsoleLog& log,
                        const std::string& expected, bool finished) {
    bool cleared = false;
    begin_panel("##console", "Console", pos, size, fonts);

    // Header: a verdict against the expected output once the run finished.
    bool have_expected = !expected.empty();
    if (have_expected && finished && (log.generation() != m_verdict_gen || &expected != m_verdict_expected)) {
        std::string out = log.text(true, false);
        m_verdict_match = out == expected;
        m_verdict_has_output = !out.empty();
        m_verdict_gen = log.generation();
        m_verdict_expected = &expected;
    }
    if (have_expected && finished && m_verdict_has_output) {
        bool match = m_verdict_match;
        ImGui::AlignTextToFramePadding();
        ImGui::PushStyleColor(ImGuiCol_Text, match ? colours::good : colours::warn);
        ImGui::TextUnformatted(match ? "\xE2\x97\x8F matches CPython" : "\xE2\x97\x8F differs from CPython");
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip(match ? "stdout is exactly what CPython 3.11 printed for this example"
                                    : "stdout differs from CPython's output; toggle Expected to compare");
    }

    float tools_w = 0;
    const char* l_times = "Times";
    const char* l_expected = "Expected";
    ImGuiStyle& st = ImGui::GetStyle();
    tools_w += ImGui::CalcTextSize(l_times).x + st.FramePadding.x * 2 + 6;
    if (have_expected) tools_w += ImGui::CalcTextSize(l_expected).x + st.FramePadding.x * 2 + 6;
    tools_w += ImGui::GetFrameHeight() * 2 + 6;
    header_align_right(tools_w);
    if (have_expected) {
        toggle_button(l_expected, &show_expected, "Show what CPython prints for this example");
        ImGui::SameLine(0, 6);
    }
    toggle_button(l_times, &show_times, "Stamp each line with the loop time it was printed at");
    ImGui::SameLine(0, 6);
    if (icon_button("##copy", Icon::copy, false, "Copy the console text")) {
        std::string all = log.text(true, true, false);
        ImGui::SetClipboardText(all.c_str());
    }
    ImGui::SameLine(0, 0);
    if (icon_button("##clear", Icon::clear, false, "Clear the console")) cleared = true;

    ImVec2 body = panel_body();
    ImGui::PushFont(fonts.code);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 8));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colours::editor_bg);
    ImGui::BeginChild("##console_body", body, false, ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();

    if (show_expected && have_expected) {
        ImGui::PushStyleColor(ImGuiCol_Text, colours::text_dim);
        ImGui::TextUnformatted(expected.c_str());
        ImGui::PopStyleColor();
    } else if (log.lines().empty()) {
        ImGui::PushFont(fonts.ui);
        empty_state("Output appears here. Run the script with the Run button or Ctrl+Enter.");
        ImGui::PopFont();
    } else {
        // Follow new output only while the view is at the bottom.
        bool at_bottom = ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 4;
        if (log.dropped() > 0) {
            ImGui::PushStyleColor(ImGuiCol_Text, colours::text_faint);
            ImGui::Text("(%zu earlier lines dropped)", log.dropped());
            ImGui::PopStyleColor();
        }
        float stamp_w = show_times ? ImGui::CalcTextSize("00000.000 ").x : 0;
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(log.lines().size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const ConsoleLine& line = log.lines()[static_cast<size_t>(i)];
                if (show_times) {
                    char stamp[32];
                    std::snprintf(stamp, sizeof stamp, "%9.3f", line.loop_time);
                    ImGui::PushStyleColor(ImGuiCol_Text, colours::text_faint);
                    ImGui::TextUnformatted(stamp);
                    ImGui::PopStyleColor();
                    ImGui::SameLine(stamp_w + ImGui::GetStyle().WindowPadding.x);
                }
                ImU32 col = line.stream == Stream::err ? kErrText : line.stream == Stream::info ? kInfoText : colours::text;
                ImGui::PushStyleColor(ImGuiCol_Text, col);
                ImGui::TextUnformatted(line.text.c_str(), line.text.c_str() + line.text.size());
                ImGui::PopStyleColor();
            }
        }
        if (log.generation() != m_seen_gen) {
            if (m_stick_to_bottom) ImGui::SetScrollHereY(1.0f);
            m_seen_gen = log.generation();
        } else {
            m_stick_to_bottom = at_bottom;
        }
    }
    ImGui::EndChild();
    ImGui::PopFont();
    end_panel();
    return cleared;
}

}  // namespace aio::web
