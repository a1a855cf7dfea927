#include "controls_panel.h"

#include "ui/theme.h"
#include "ui/widgets.h"

#include <cstdio>

namespace aio::web {

ImU32 status_colour(RunStatus s) {
    switch (s) {
    case RunStatus::idle:
        return colours::text_dim;
    case RunStatus::running:
        return colours::good;
    case RunStatus::paused:
        return colours::warn;
    case RunStatus::finished:
        return colours::accent;
    case RunStatus::failed:
        return colours::bad;
    case RunStatus::stopped:
        return colours::text_dim;
    }
    return colours::text_dim;
}

void ControlsPanel::flash_share(const char* text) {
    m_share_flash = text;
    m_share_flash_until = ImGui::GetTime() + 2.5;
}

ControlsActions ControlsPanel::draw(const ImVec2& pos, const ImVec2& size, const Fonts& fonts, const RunState& run) {
    ControlsActions act;
    ImGui::SetCursorScreenPos(pos);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colours::header_bg);
    ImGui::BeginChild("##toolbar", size, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleColor();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetWindowPos();
    dl->AddLine(ImVec2(p.x, p.y + size.y - 1), ImVec2(p.x + size.x, p.y + size.y - 1), colours::border);

    float y = (size.y - ImGui::GetFrameHeight()) * 0.5f;
    // Wordmark.
    ImGui::SetCursorPos(ImVec2(14, y));
    ImGui::PushFont(fonts.ui_bold);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("aio");
    ImGui::PopFont();
    ImGui::SameLine(0, 6);
    ImGui::PushStyleColor(ImGuiCol_Text, colours::text_dim);
    ImGui::TextUnformatted("playground");
    ImGui::PopStyleColor();

    ImGui::SameLine(0, 26);
    bool live = is_live(run.status);
    bool paused = run.status == RunStatus::paused;
    if (tool_button(paused ? "Continue" : "Run", Icon::play, run.status != RunStatus::running, true,
                    paused ? "Continue running (Ctrl+Enter)" : "Run the script (Ctrl+Enter)"))
        act.run = true;
    ImGui::SameLine(0, 6);
    if (tool_button("Step", Icon::step, true, false, "Run one callback of the event loop, then pause")) act.step = true;
    ImGui::SameLine(0, 6);
    if (tool_button("Stop", Icon::stop, live, false, "Stop the running program")) act.stop = true;
    ImGui::SameLine(0, 6);
    if (tool_button("Reset", Icon::reset, true, false, "Stop, clear the console, timeline and loop time"))
        act.reset = true;

    // Clock.
    ImGui::SameLine(0, 24);
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, colours::text_dim);
    ImGui::TextUnformatted("Clock");
    ImGui::PopStyleColor();
    ImGui::SameLine(0, 8);
    static const char* kModes[] = {"Real time", "Virtual (fast-forward)", "Scaled"};
    int mode = static_cast<int>(clock);
    ImGui::SetNextItemWidth(ImGui::CalcTextSize(kModes[1]).x + ImGui::GetFrameHeight() + 16);
    if (ImGui::Combo("##clock", &mode, kModes, 3)) {
        clock = static_cast<ClockMode>(mode);
        act.clock_changed = true;
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "Real: the loop follows the wall clock.\nVirtual: when nothing is ready, time jumps to the next "
            "timer.\nScaled: real time times a speed factor.");
    if (clock == ClockMode::scaled) {
        ImGui::SameLine(0, 8);
        ImGui::SetNextItemWidth(130);
        if (ImGui::SliderFloat("##speed", &speed, 0.1f, 10.0f, "\xC3\x97%.2g",
                               ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp))
            act.clock_changed = true;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Speed: loop seconds per real second (0.1 to 10)");
    }

    // Share, after the clock so the controls left of it keep their places.
    ImGui::SameLine(0, 24);
    bool flashing = m_share_flash && ImGui::GetTime() < m_share_flash_until;
    if (tool_button(flashing ? m_share_flash : "Share", Icon::link, true, false,
                    "Copy a link to the code in the editor (it is also put in the address bar).\n"
                    "The code travels inside the link, compressed: whoever opens it gets this code."))
        act.share = true;

    // Right side: loop time, iteration, status.
    char time_text[64];
    std::snprintf(time_text, sizeof time_text, "t = %.3f s", run.loop.time);
    char iter_text[48];
    std::snprintf(iter_text, sizeof iter_text, "iteration %llu", static_cast<unsigned long long>(run.loop.iteration));
    const char* st = to_string(run.status);
    ImGui::PushFont(fonts.code);
    float w_time = ImGui::CalcTextSize(time_text).x;
    ImGui::PopFont();
    float w_iter = ImGui::CalcTextSize(iter_text).x;
    float w_pill = ImGui::CalcTextSize(st).x + 30;
    float right = w_time + w_iter + w_pill + 24 + 18 + 14;
    float x = size.x - right;
    if (x > ImGui::GetCursorPosX() + 20) {
        ImGui::SameLine();
        ImGui::SetCursorPos(ImVec2(x, y));
        ImGui::AlignTextToFramePadding();
        ImGui::PushFont(fonts.code);
        ImGui::TextUnformatted(time_text);
        ImGui::PopFont();
        ImGui::SameLine(0, 18);
        ImGui::PushStyleColor(ImGuiCol_Text, colours::text_dim);
        ImGui::TextUnformatted(iter_text);
        ImGui::PopStyleColor();
        ImGui::SameLine(0, 24);
        ImGui::SetCursorPosY(y);
        status_pill(st, status_colour(run.status));
    }
    ImGui::EndChild();
    return act;
}

}  // namespace aio::web
