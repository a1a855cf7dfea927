#include "console_panel.h"

#include "ui/theme.h"
#include "ui/widgets.h"

#include <cmath>
#include <cstdio>

namespace aio::web {

namespace {

constexpr ImU32 kErrText = IM_COL32(0xff, 0x7b, 0x72, 0xff);
constexpr ImU32 kInfoText = IM_COL32(0x6f, 0x9e, 0xd8, 0xff);

const char* verdict_text(int v) { return v > 0 ? "\xE2\x97\x8F matches CPython" : "\xE2\x97\x8F differs from CPython"; }

void verdict_tooltip(int v) {
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(v > 0 ? "stdout is exactly what CPython 3.11 printed for this example"
                                : "stdout differs from CPython's output; toggle Expected to compare");
}

// CPython's expected output, dimmed, in a scrolling child of the given size.
void draw_expected(const char* id, const ImVec2& size, const Fonts& fonts, const std::string& expected) {
    ImGui::PushFont(fonts.code);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 8));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colours::editor_bg);
    ImGui::BeginChild(id, size, false, ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImGui::PushStyleColor(ImGuiCol_Text, colours::text_dim);
    ImGui::TextUnformatted(expected.c_str());
    ImGui::PopStyleColor();
    ImGui::EndChild();
    ImGui::PopFont();
}

}  // namespace

int ConsolePanel::verdict(Column& col, const ConsoleSource& src, const std::string& expected) {
    if (expected.empty() || !src.finished || !src.log) return 0;
    if (src.log->generation() != col.verdict_gen || &expected != col.verdict_expected) {
        std::string out = src.log->text(true, false);
        col.match = out == expected;
        col.has_output = !out.empty();
        col.verdict_gen = src.log->generation();
        col.verdict_expected = &expected;
    }
    if (!col.has_output) return 0;
    return col.match ? 1 : -1;
}

ConsoleActions ConsolePanel::draw(const ImVec2& pos, const ImVec2& size, const Fonts& fonts,
                                  const ConsoleSource& script, const ConsoleSource& cpp, const std::string& expected) {
    ConsoleActions act;
    bool two = cpp.log != nullptr;
    begin_panel("##console", two ? "Console \xC2\xB7 script | C++" : "Console", pos, size, fonts);

    // Header: one column's verdict against the expected output once its run
    // finished (with two columns each heading carries its own).
    bool have_expected = !expected.empty();
    int v_script = verdict(m_script, script, expected);
    int v_cpp = two ? verdict(m_cpp, cpp, expected) : 0;
    if (!two && v_script != 0) {
        ImGui::AlignTextToFramePadding();
        ImGui::PushStyleColor(ImGuiCol_Text, v_script > 0 ? colours::good : colours::warn);
        ImGui::TextUnformatted(verdict_text(v_script));
        ImGui::PopStyleColor();
        verdict_tooltip(v_script);
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
        toggle_button(l_expected, &show_expected, "Show what CPython prints for this example (in the script's column)");
        ImGui::SameLine(0, 6);
    }
    toggle_button(l_times, &show_times, "Stamp each line with the loop time it was printed at");
    ImGui::SameLine(0, 6);
    if (icon_button("##copy", Icon::copy, false, two ? "Copy both columns' text" : "Copy the console text")) {
        std::string all = script.log->text(true, true, false);
        if (two) all = "# " + script.title + "\n" + all + "\n# " + cpp.title + "\n" + cpp.log->text(true, true, false);
        ImGui::SetClipboardText(all.c_str());
    }
    ImGui::SameLine(0, 0);
    if (icon_button("##clear", Icon::clear, false, "Clear the console")) act.clear = true;

    ImVec2 body = panel_body();
    const char* empty = "Output appears here. Run the script with the Run button or Ctrl+Enter.";
    if (!two) {
        if (show_expected && have_expected) {
            draw_expected("##console_body", body, fonts, expected);
        } else {
            draw_lines("##console_body", body, fonts, *script.log, m_script, empty);
        }
        end_panel();
        return act;
    }

    // Two columns with a 1 px rule between them, each under its own heading.
    ImVec2 origin = ImGui::GetCursorPos();
    float left_w = std::floor((body.x - 1) * 0.5f);
    float right_w = body.x - 1 - left_w;
    float heading_h = std::floor(ImGui::GetFrameHeight() + 2);
    ImVec2 wp = ImGui::GetWindowPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(wp.x + origin.x, wp.y + origin.y),
                      ImVec2(wp.x + origin.x + body.x, wp.y + origin.y + heading_h), colours::panel_bg);
    dl->AddLine(ImVec2(wp.x + origin.x + left_w, wp.y + origin.y),
                ImVec2(wp.x + origin.x + left_w, wp.y + origin.y + body.y), colours::border);

    ConsoleSource left = script;
    if (show_expected && have_expected) left.title = "expected (CPython 3.11)";
    ImGui::SetCursorPos(origin);
    column_heading(left, show_expected ? 0 : v_script, false, fonts, left_w);
    ImGui::SetCursorPos(ImVec2(origin.x + left_w + 1, origin.y));
    if (column_heading(cpp, v_cpp, true, fonts, right_w)) act.close_cpp = true;

    ImVec2 lines_size(left_w, body.y - heading_h);
    ImGui::SetCursorPos(ImVec2(origin.x, origin.y + heading_h));
    if (show_expected && have_expected) {
        draw_expected("##console_expected", lines_size, fonts, expected);
    } else {
        draw_lines("##console_script", lines_size, fonts, *script.log, m_script,
                   "Run the script to compare it with the C++ program.");
    }
    ImGui::SetCursorPos(ImVec2(origin.x + left_w + 1, origin.y + heading_h));
    draw_lines("##console_cpp", ImVec2(right_w, body.y - heading_h), fonts, *cpp.log, m_cpp,
               "The C++ program's output appears here.");
    end_panel();
    return act;
}

bool ConsolePanel::column_heading(const ConsoleSource& src, int v, bool closable, const Fonts& fonts, float width) {
    ImVec2 start = ImGui::GetCursorPos();
    float h = ImGui::GetFrameHeight();
    ImGui::SetCursorPos(ImVec2(start.x + 12, start.y + 1));
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, colours::text_dim);
    ImGui::PushFont(fonts.code);
    ImGui::TextUnformatted(src.title.c_str());
    ImGui::PopFont();
    ImGui::PopStyleColor();
    if (v != 0) {
        ImGui::SameLine(0, 10);
        ImGui::PushFont(fonts.small);
        ImGui::PushStyleColor(ImGuiCol_Text, v > 0 ? colours::good : colours::warn);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(verdict_text(v));
        ImGui::PopStyleColor();
        ImGui::PopFont();
        verdict_tooltip(v);
    }
    bool closed = false;
    if (closable) {
        ImGui::SetCursorPos(ImVec2(start.x + width - h - 4, start.y + 1));
        closed = icon_button("##close_cpp", Icon::clear, false, "Close the C++ column");
    }
    return closed;
}

void ConsolePanel::draw_lines(const char* id, const ImVec2& size, const Fonts& fonts, const ConsoleLog& log,
                              Column& col, const char* empty_text) {
    ImGui::PushFont(fonts.code);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 8));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colours::editor_bg);
    ImGui::BeginChild(id, size, false, ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();

    if (log.lines().empty()) {
        ImGui::PushFont(fonts.ui);
        empty_state(empty_text);
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
                ImU32 c = line.stream == Stream::err    ? kErrText
                          : line.stream == Stream::info ? kInfoText
                                                        : colours::text;
                ImGui::PushStyleColor(ImGuiCol_Text, c);
                ImGui::TextUnformatted(line.text.c_str(), line.text.c_str() + line.text.size());
                ImGui::PopStyleColor();
            }
        }
        if (log.generation() != col.seen_gen) {
            if (col.stick_to_bottom) ImGui::SetScrollHereY(1.0f);
            col.seen_gen = log.generation();
        } else {
            col.stick_to_bottom = at_bottom;
        }
    }
    ImGui::EndChild();
    ImGui::PopFont();
}

}  // namespace aio::web
