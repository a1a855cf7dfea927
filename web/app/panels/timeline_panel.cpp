#include "timeline_panel.h"

#include "ui/theme.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace aio::web {

double nice_tick_step(double span, float pixels, float min_px) {
    if (span <= 0 || pixels <= 0) return 1.0;
    double raw = span * min_px / pixels;
    double p = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * p >= raw) return m * p;
    return 10 * p;
}

void format_time(char* buf, size_t n, double t, double step) {
    double a = std::fabs(step);
    if (a >= 1.0)
        std::snprintf(buf, n, "%.*f s", a >= 10 ? 0 : (std::fmod(t, 1.0) == 0 ? 0 : 1), t);
    else if (a >= 1e-3)
        std::snprintf(buf, n, "%.*f ms", a >= 1e-2 ? 0 : 1, t * 1e3);
    else
        std::snprintf(buf, n, "%.*f \xC2\xB5s", a >= 1e-5 ? 0 : 1, t * 1e6);
}

void TimelinePanel::reset_view() {
    m_t0 = 0;
    m_span = 1.0;
    m_scroll = 0;
    m_auto_fit = true;
    m_follow = true;
}

bool TimelinePanel::draw(const ImVec2& pos, const ImVec2& size, const Fonts& fonts, const LoopView& view) {
    bool export_pressed = false;
    begin_panel("##timeline", "Timeline", pos, size, fonts);

    // Legend.
    ImGui::PushFont(fonts.small);
    for (TaskState s : {TaskState::running, TaskState::ready, TaskState::waiting, TaskState::sleeping, TaskState::done,
                        TaskState::cancelled, TaskState::failed}) {
        ImVec2 p = ImGui::GetCursorScreenPos();
        float h = ImGui::GetFrameHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + h * 0.5f - 4), ImVec2(p.x + 10, p.y + h * 0.5f + 4),
                                                  state_colour(s), 2);
        ImGui::SetCursorScreenPos(ImVec2(p.x + 14, p.y));
        ImGui::AlignTextToFramePadding();
        ImGui::PushStyleColor(ImGuiCol_Text, colours::text_dim);
        ImGui::TextUnformatted(to_string(s));
        ImGui::PopStyleColor();
        ImGui::SameLine(0, 12);
    }
    ImGui::PopFont();

    float tools_w = ImGui::GetFrameHeight() * 3 + 8 + ImGui::CalcTextSize("wheel zoom \xC2\xB7 drag pan").x + 16;
    if (ImGui::GetCursorPosX() + 40 < ImGui::GetWindowWidth() - tools_w) {
        header_align_right(tools_w);
        ImGui::PushFont(fonts.small);
        ImGui::AlignTextToFramePadding();
        ImGui::PushStyleColor(ImGuiCol_Text, colours::text_faint);
        ImGui::TextUnformatted("wheel zoom \xC2\xB7 drag pan");
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::SameLine(0, 12);
    } else {
        header_align_right(ImGui::GetFrameHeight() * 3 + 8);
    }
    if (icon_button("##fit", Icon::fit, m_auto_fit, "Fit the whole run (double-click the plot)")) {
        m_auto_fit = true;
        m_scroll = 0;
    }
    ImGui::SameLine(0, 4);
    if (icon_button("##follow", Icon::follow, m_follow, "Follow the loop's current time")) m_follow = !m_follow;
    ImGui::SameLine(0, 4);
    if (icon_button("##export", Icon::download, false, "Export as Chrome trace JSON (open in Perfetto)"))
        export_pressed = true;

    ImVec2 body = panel_body();
    ImVec2 wp = ImGui::GetWindowPos();
    draw_plot(ImVec2(wp.x, wp.y + panel_header_height()), body, fonts, view);
    end_panel();
    return export_pressed;
}

void TimelinePanel::draw_plot(const ImVec2& pos, const ImVec2& size, const Fonts& fonts, const LoopView& view) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGuiIO& io = ImGui::GetIO();
    ImGui::PushFont(fonts.small);
    const float axis_h = std::floor(ImGui::GetFontSize() + 10);
    const float lane_h = std::floor(ImGui::GetFontSize() + 10);
    const float names_w = std::floor(std::clamp(size.x * 0.16f, 110.0f, 190.0f));
    const float plot_x = pos.x + names_w;
    const float plot_w = std::max(10.0f, size.x - names_w - 14);
    const float lanes_y = pos.y + axis_h;
    const float lanes_h = std::max(0.0f, size.y - axis_h);
    const int n = static_cast<int>(view.tasks.size());

    if (n == 0) {
        ImGui::PopFont();
        ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y));
        ImGui::BeginChild("##timeline_empty", size);
        empty_state(
            "Run a script to see one lane per task over loop time: when each task runs, waits, sleeps and finishes.");
        ImGui::EndChild();
        return;
    }

    // View range: fit, follow.
    double first = view.first_time();
    double now = std::max(view.time, first);
    if (m_auto_fit) {
        m_span = std::max(1e-3, (now - first) * 1.06);
        m_t0 = first - (m_span - (now - first)) * 0.25;
        if (m_t0 < 0 && first >= 0) m_t0 = std::max(m_t0, -m_span * 0.02);
    } else if (m_follow && now > m_t0 + m_span * 0.95) {
        m_t0 = now - m_span * 0.9;
    }
    double px_per_s = plot_w / m_span;
    auto X = [&](double t) { return plot_x + static_cast<float>((t - m_t0) * px_per_s); };

    // Interaction area over axis and lanes.
    ImGui::SetCursorScreenPos(pos);
    ImGui::InvisibleButton("##plot", ImVec2(size.x, size.y), ImGuiButtonFlags_MouseButtonLeft);
    bool hovered = ImGui::IsItemHovered();
    bool active = ImGui::IsItemActive();
    float max_scroll = std::max(0.0f, static_cast<float>(n) * lane_h - lanes_h + 4);
    if (hovered && io.MouseWheel != 0) {
        if (io.KeyShift) {
            m_scroll -= io.MouseWheel * lane_h * 3;
        } else if (io.MousePos.x >= plot_x) {
            double at = m_t0 + (io.MousePos.x - plot_x) / px_per_s;
            double factor = std::pow(0.8, io.MouseWheel);
            m_span = std::clamp(m_span * factor, 1e-7, 1e6);
            m_t0 = at - (io.MousePos.x - plot_x) / (plot_w / m_span);
            m_auto_fit = false;
        }
    }
    if (active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
        m_t0 -= io.MouseDelta.x / (plot_w / m_span);
        m_scroll -= io.MouseDelta.y;
        if (io.MouseDelta.x != 0) {
            m_auto_fit = false;
            m_follow = false;
        }
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
    }
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        m_auto_fit = true;
        m_scroll = 0;
    }
    m_scroll = std::clamp(m_scroll, 0.0f, max_scroll);
    px_per_s = plot_w / m_span;

    ImVec2 clip_max(pos.x + size.x, pos.y + size.y);
    dl->PushClipRect(pos, clip_max, true);
    dl->AddRectFilled(pos, clip_max, colours::editor_bg);

    // Axis with ticks and grid lines.
    double step = nice_tick_step(m_span, plot_w, 90);
    double t_first = std::ceil(m_t0 / step) * step;
    dl->AddRectFilled(pos, ImVec2(clip_max.x, lanes_y), colours::panel_bg);
    dl->AddLine(ImVec2(pos.x, lanes_y - 0.5f), ImVec2(clip_max.x, lanes_y - 0.5f), colours::border);
    char label[48];
    for (double t = t_first; t <= m_t0 + m_span + step * 0.5; t += step) {
        float x = std::floor(X(t)) + 0.5f;
        if (x < plot_x - 1) continue;
        dl->AddLine(ImVec2(x, lanes_y - 5), ImVec2(x, clip_max.y), IM_COL32(0xff, 0xff, 0xff, 0x0c));
        format_time(label, sizeof label, std::fabs(t) < step * 1e-6 ? 0.0 : t, step);
        dl->AddText(ImVec2(x + 4, pos.y + (axis_h - ImGui::GetFontSize()) * 0.5f - 1), colours::text_faint, label);
    }

    // Lanes.
    int first_lane = std::max(0, static_cast<int>(m_scroll / lane_h));
    int last_lane = std::min(n - 1, static_cast<int>((m_scroll + lanes_h) / lane_h) + 1);
    const TaskLane* hover_lane = nullptr;
    const TaskSegment* hover_seg = nullptr;
    dl->PushClipRect(ImVec2(pos.x, lanes_y), clip_max, true);
    for (int i = first_lane; i <= last_lane; ++i) {
        const TaskLane& lane = view.tasks[static_cast<size_t>(i)];
        float y = lanes_y + static_cast<float>(i) * lane_h - m_scroll;
        bool row_hovered = hovered && io.MousePos.y >= y && io.MousePos.y < y + lane_h;
        if (i % 2)
            dl->AddRectFilled(ImVec2(pos.x, y), ImVec2(clip_max.x, y + lane_h), IM_COL32(0xff, 0xff, 0xff, 0x04));
        if (row_hovered)
            dl->AddRectFilled(ImVec2(pos.x, y), ImVec2(clip_max.x, y + lane_h), IM_COL32(0xff, 0xff, 0xff, 0x07));

        // Segments visible in [m_t0, m_t0 + m_span]; closed ends never decrease.
        double t_end = m_t0 + m_span;
        const auto& segs = lane.segments;
        auto it = std::lower_bound(segs.begin(), segs.end(), m_t0, [&](const TaskSegment& s, double t) {
            double e = s.open ? now : s.end;
            return e < t;
        });
        float last_px = -1e9f;
        float cy = y + lane_h * 0.5f;
        float full = lane_h - 6;
        dl->PushClipRect(ImVec2(plot_x, y), ImVec2(plot_x + plot_w, y + lane_h), true);
        for (; it != segs.end() && it->start <= t_end; ++it) {
            const TaskSegment& s = *it;
            float x0 = X(s.start);
            float x1 = X(s.open ? now : s.end);
            if (is_finished(s.state)) {
                ImU32 c = state_colour(s.state);
                float r = full * 0.3f;
                if (s.state == TaskState::done) {
                    dl->AddCircleFilled(ImVec2(x0, cy), r, c);
                } else if (s.state == TaskState::cancelled) {
                    dl->AddLine(ImVec2(x0 - r, cy - r), ImVec2(x0 + r, cy + r), c, 2.0f);
                    dl->AddLine(ImVec2(x0 - r, cy + r), ImVec2(x0 + r, cy - r), c, 2.0f);
                } else {
                    dl->AddQuadFilled(ImVec2(x0, cy - r * 1.3f), ImVec2(x0 + r * 1.3f, cy), ImVec2(x0, cy + r * 1.3f),
                                      ImVec2(x0 - r * 1.3f, cy), c);
                }
                if (row_hovered && std::fabs(io.MousePos.x - x0) <= r + 2) hover_seg = &s;
                continue;
            }
            if (x1 - x0 < 1.0f) {
                // Sub-pixel segment: one pixel column stands for all of them.
                if (x0 < last_px) continue;
                x1 = x0 + 1.0f;
            }
            last_px = x1;
            float h = s.state == TaskState::running ? full : s.state == TaskState::ready ? full * 0.3f : full * 0.6f;
            ImU32 c = state_colour(s.state);
            if (s.state != TaskState::running) c = (c & 0x00ffffff) | 0xb0000000;
            dl->AddRectFilled(ImVec2(x0, cy - h * 0.5f), ImVec2(x1, cy + h * 0.5f), c, h > 6 ? 2.0f : 0.0f);
            if (row_hovered && io.MousePos.x >= x0 - 1 && io.MousePos.x <= x1 + 1 && io.MousePos.x >= plot_x)
                hover_seg = &s;
        }
        dl->PopClipRect();
        if (row_hovered) hover_lane = &lane;

        // Name column.
        dl->AddRectFilled(ImVec2(pos.x, y), ImVec2(plot_x - 1, y + lane_h),
                          i % 2 ? IM_COL32(0x20, 0x22, 0x27, 0xff) : colours::panel_bg);
        dl->AddCircleFilled(ImVec2(pos.x + 12, cy), 3.5f, state_colour(lane.state));
        dl->PushClipRect(ImVec2(pos.x, y), ImVec2(plot_x - 6, y + lane_h), true);
        dl->AddText(ImVec2(pos.x + 22, cy - ImGui::GetFontSize() * 0.5f),
                    is_finished(lane.state) ? colours::text_dim : colours::text, lane.name.c_str());
        dl->PopClipRect();
    }
    dl->AddLine(ImVec2(plot_x - 0.5f, lanes_y), ImVec2(plot_x - 0.5f, clip_max.y), colours::border);

    // Now line.
    float xn = X(now);
    if (xn >= plot_x && xn <= plot_x + plot_w)
        dl->AddLine(ImVec2(xn, lanes_y), ImVec2(xn, clip_max.y), IM_COL32(0x4c, 0x9a, 0xff, 0xc0), 1.5f);
    dl->PopClipRect();
    if (xn >= plot_x && xn <= plot_x + plot_w)
        dl->AddTriangleFilled(ImVec2(xn - 5, lanes_y - 6), ImVec2(xn + 5, lanes_y - 6), ImVec2(xn, lanes_y),
                              colours::accent);

    // Lane scrollbar when lanes overflow.
    if (max_scroll > 0) {
        float track_h = lanes_h - 4;
        float thumb_h = std::max(20.0f, track_h * lanes_h / (static_cast<float>(n) * lane_h));
        float thumb_y = lanes_y + 2 + (track_h - thumb_h) * (m_scroll / max_scroll);
        dl->AddRectFilled(ImVec2(clip_max.x - 8, thumb_y), ImVec2(clip_max.x - 3, thumb_y + thumb_h),
                          IM_COL32(0x4a, 0x51, 0x5c, 0xff), 3);
    }
    dl->PopClipRect();

    if (hover_lane && hover_seg && !active) {
        ImGui::BeginTooltip();
        ImGui::PushFont(fonts.ui_bold);
        ImGui::TextUnformatted(hover_lane->name.c_str());
        ImGui::PopFont();
        double e = hover_seg->open ? now : hover_seg->end;
        ImGui::PushStyleColor(ImGuiCol_Text, state_colour(hover_seg->state));
        ImGui::TextUnformatted(to_string(hover_seg->state));
        ImGui::PopStyleColor();
        if (is_finished(hover_seg->state))
            ImGui::Text("at %.6f s", hover_seg->start);
        else
            ImGui::Text("%.6f \xE2\x86\x92 %.6f s  (%.3f ms)%s", hover_seg->start, e, (e - hover_seg->start) * 1e3,
                        hover_seg->open ? ", still going" : "");
        if (!hover_seg->detail.empty()) {
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
            ImGui::TextUnformatted(hover_seg->detail.c_str());
            ImGui::PopTextWrapPos();
        }
        ImGui::EndTooltip();
    }
    ImGui::PopFont();
}

}  // namespace aio::web
