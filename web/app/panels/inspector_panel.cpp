#include "inspector_panel.h"

#include "ui/theme.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace aio::web {

namespace {

void state_cell(TaskState s) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + 4, p.y + h * 0.5f), 3.5f, state_colour(s));
    ImGui::SetCursorScreenPos(ImVec2(p.x + 13, p.y));
    ImGui::TextUnformatted(to_string(s));
}

void dim_text(const char* s) {
    ImGui::PushStyleColor(ImGuiCol_Text, colours::text_dim);
    ImGui::TextUnformatted(s);
    ImGui::PopStyleColor();
}

constexpr ImGuiTableFlags kTable = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV |
                                   ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;

}  // namespace

void InspectorPanel::draw(const ImVec2& pos, const ImVec2& size, const Fonts& fonts, const LoopView& view) {
    begin_panel("##inspector", "Loop inspector", pos, size, fonts);
    // Task counts by state in the header.
    std::vector<int> counts = view.counts();
    ImGui::PushFont(fonts.small);
    for (TaskState s : {TaskState::running, TaskState::ready, TaskState::waiting, TaskState::sleeping}) {
        int n = counts[static_cast<size_t>(s)];
        char text[48];
        std::snprintf(text, sizeof text, "%d %s", n, to_string(s));
        if (ImGui::GetCursorPosX() + ImGui::CalcTextSize(text).x + 16 > ImGui::GetWindowWidth() - 8) break;  // no room
        ImVec2 p = ImGui::GetCursorScreenPos();
        float h = ImGui::GetFrameHeight();
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + 4, p.y + h * 0.5f), 3.0f, state_colour(s));
        ImGui::SetCursorScreenPos(ImVec2(p.x + 11, p.y));
        ImGui::AlignTextToFramePadding();
        ImGui::PushStyleColor(ImGuiCol_Text, n ? colours::text : colours::text_faint);
        ImGui::TextUnformatted(text);
        ImGui::PopStyleColor();
        ImGui::SameLine(0, 12);
    }
    ImGui::PopFont();
    ImVec2 body = panel_body();

    ImGui::SetCursorPos(ImVec2(8, panel_header_height() + 4));
    ImGui::BeginChild("##inspector_body", ImVec2(body.x - 16, body.y - 4));
    if (ImGui::BeginTabBar("##inspector_tabs")) {
        char label[64];
        std::snprintf(label, sizeof label, "Tasks (%zu)###tasks", view.tasks.size());
        if (ImGui::BeginTabItem(label)) {
            toggle_button("Hide finished", &m_hide_finished, "Show only tasks that are still alive");
            std::vector<int> rows;
            rows.reserve(view.tasks.size());
            for (size_t i = 0; i < view.tasks.size(); ++i)
                if (!m_hide_finished || !is_finished(view.tasks[i].state)) rows.push_back(static_cast<int>(i));
            if (rows.empty()) {
                empty_state("No tasks yet. asyncio.run(main()) makes the first one.");
            } else if (ImGui::BeginTable("##tasks", 5, kTable)) {
                ImGui::TableSetupScrollFreeze(0, 1);
                ImGui::TableSetupColumn("Task", ImGuiTableColumnFlags_None, 1.3f);
                ImGui::TableSetupColumn("State", ImGuiTableColumnFlags_None, 0.9f);
                ImGui::TableSetupColumn("Awaiting / result", ImGuiTableColumnFlags_None, 2.0f);
                ImGui::TableSetupColumn("Steps", ImGuiTableColumnFlags_None, 0.5f);
                ImGui::TableSetupColumn("Created", ImGuiTableColumnFlags_None, 0.7f);
                ImGui::TableHeadersRow();
                ImGuiListClipper clipper;
                clipper.Begin(static_cast<int>(rows.size()));
                while (clipper.Step()) {
                    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
                        const TaskLane& t = view.tasks[static_cast<size_t>(rows[static_cast<size_t>(r)])];
                        ImGui::TableNextRow();
                        ImGui::TableNextColumn();
                        ImGui::TextUnformatted(t.name.c_str());
                        ImGui::TableNextColumn();
                        state_cell(t.state);
                        ImGui::TableNextColumn();
                        dim_text(t.detail.c_str());
                        if (!t.detail.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t.detail.c_str());
                        ImGui::TableNextColumn();
                        ImGui::Text("%u", t.steps);
                        ImGui::TableNextColumn();
                        ImGui::Text("%.3f", t.created);
                    }
                }
                ImGui::EndTable();
            }
            ImGui::EndTabItem();
        }
        std::snprintf(label, sizeof label, "Ready queue (%zu)###ready", view.ready.size());
        if (ImGui::BeginTabItem(label)) {
            if (view.ready.empty()) {
                empty_state(
                    "The ready queue is empty. Callbacks wait here for the next loop iteration, first in, first out.");
            } else if (ImGui::BeginTable("##ready", 2, kTable)) {
                ImGui::TableSetupScrollFreeze(0, 1);
                ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, 36);
                ImGui::TableSetupColumn("Callback");
                ImGui::TableHeadersRow();
                ImGuiListClipper clipper;
                clipper.Begin(static_cast<int>(view.ready.size()));
                while (clipper.Step()) {
                    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                        ImGui::TableNextRow();
                        ImGui::TableNextColumn();
                        ImGui::PushStyleColor(ImGuiCol_Text, colours::text_faint);
                        ImGui::Text("%d", i + 1);
                        ImGui::PopStyleColor();
                        ImGui::TableNextColumn();
                        ImGui::TextUnformatted(view.ready[static_cast<size_t>(i)].what.c_str());
                    }
                }
                ImGui::EndTable();
            }
            ImGui::EndTabItem();
        }
        const size_t n_timers = view.timer_count();
        std::snprintf(label, sizeof label, "Timers (%zu)###timers", n_timers);
        if (ImGui::BeginTabItem(label)) {
            if (n_timers == 0) {
                empty_state("No timers. asyncio.sleep, call_later and timeouts arm one each, ordered by deadline.");
            } else if (ImGui::BeginTable("##timers", 3, kTable)) {
                ImGui::TableSetupScrollFreeze(0, 1);
                ImGui::TableSetupColumn("Deadline", ImGuiTableColumnFlags_None, 0.7f);
                ImGui::TableSetupColumn("In", ImGuiTableColumnFlags_None, 0.6f);
                ImGui::TableSetupColumn("Wakes", ImGuiTableColumnFlags_None, 2.0f);
                ImGui::TableHeadersRow();
                // A long list holds only the rows shown last frame (and a
                // few around them): ask for the rows shown now.
                size_t shown_from = 0, shown_to = 0;
                ImGuiListClipper clipper;
                clipper.Begin(static_cast<int>(n_timers));
                while (clipper.Step()) {
                    // The clipper's first step draws one row to measure it: the
                    // rows on screen are the longest step.
                    if (clipper.DisplayEnd - clipper.DisplayStart > static_cast<int>(shown_to - shown_from)) {
                        shown_from = static_cast<size_t>(clipper.DisplayStart);
                        shown_to = static_cast<size_t>(clipper.DisplayEnd);
                    }
                    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                        const TimerItem* t = view.timer_at(static_cast<size_t>(i));
                        ImGui::TableNextRow();
                        ImGui::TableNextColumn();
                        if (!t) {  // scrolled past the copied rows: there next frame
                            dim_text("\xE2\x80\xA6");
                            continue;
                        }
                        ImGui::Text("%.3f", t->when);
                        ImGui::TableNextColumn();
                        ImGui::PushStyleColor(ImGuiCol_Text, colours::text_dim);
                        ImGui::Text("%+.3f s", t->when - view.time);
                        ImGui::PopStyleColor();
                        ImGui::TableNextColumn();
                        // The timer's own name, and the task it wakes.
                        const TaskLane* task = t->task_id ? view.find(t->task_id) : nullptr;
                        if (task && t->what.find(task->name) != std::string::npos) task = nullptr;  // named already
                        if (t->cancelled) ImGui::PushStyleColor(ImGuiCol_Text, colours::text_faint);
                        ImGui::Text("%s%s%s%s", t->what.c_str(), task ? " \xE2\x86\x92 " : "",
                                    task ? task->name.c_str() : "", t->cancelled ? " (cancelled)" : "");
                        if (t->cancelled) ImGui::PopStyleColor();
                    }
                }
                if (shown_from < shown_to) view.show_timer_rows(shown_from, shown_to);
                ImGui::EndTable();
            }
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::EndChild();
    end_panel();
}

}  // namespace aio::web
