// The playground's state and layout. Contents:
//   [SECTION] Set-up and examples
//   [SECTION] Running
//   [SECTION] Frame: layout and panels
//   [SECTION] Test snapshot

#include "playground.h"

#include "embedded_files.h"
#include "model/trace_export.h"
#include "platform/platform.h"
#include "ui/widgets.h"

#include <SDL_scancode.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace aio::web {

namespace {

constexpr const char* kEditKeyPrefix = "aio.playground.edit.";
constexpr const char* kSelectedKey = "aio.playground.selected";
constexpr float kGap = 6.0f;  // space between panels; the splitters live there

}  // namespace

// [SECTION] Set-up and examples -------------------------------------------------

ExampleCatalog embedded_catalog() {
    std::vector<SourceFile> files;
    std::string_view catalog;
    for (const EmbeddedFile& f : kEmbeddedExamples) {
        if (std::string_view(f.name) == "catalog.txt")
            catalog = f.text();
        else
            files.push_back({f.name, std::string(f.text())});
    }
    return build_catalog(catalog, files);
}

Playground::Playground(const Fonts& fonts, Runner& runner)
    : m_fonts(fonts), m_runner(runner), m_catalog(embedded_catalog()) {
    m_edited.assign(m_catalog.examples.size(), false);
    for (size_t i = 0; i < m_catalog.examples.size(); ++i)
        m_edited[i] = platform::storage_get(kEditKeyPrefix + m_catalog.examples[i].name).has_value();
    m_editor.on_run = [this] { run(); };
    m_twin.set_read_only(true);

    platform::set_clipboard_handlers(
        [](bool cut) -> std::string {
            CodeEditor* ed = CodeEditor::focused_editor();
            if (!ed) return {};
            std::string text = ed->copy_text();
            if (cut && !ed->read_only()) {
                TextBuffer& b = ed->buffer();
                if (!b.has_selection()) {
                    int l = b.cursor().line;
                    if (l + 1 < b.line_count())
                        b.set_selection({l, 0}, {l + 1, 0});
                    else
                        b.set_selection({l, 0}, {l, static_cast<int>(b.line(l).size())});
                }
                b.delete_selection();
            }
            return text;
        },
        [](const std::string& text) {
            CodeEditor* ed = CodeEditor::focused_editor();
            if (!ed || ed->read_only()) return false;
            ed->buffer().insert_text(text);
            return true;
        });

    int first = 0;
    if (auto saved = platform::storage_get(kSelectedKey)) first = std::max(0, m_catalog.find(*saved));
    if (!m_catalog.examples.empty()) select_example(first);
    // A permalink the page was opened with replaces that choice (it arrives
    // once the browser has unpacked it, or at once if it already has).
    platform::set_link_handler([this](const platform::Link& link) { open_link(link); });
}

const Example* Playground::current() const {
    if (m_selected < 0 || static_cast<size_t>(m_selected) >= m_catalog.examples.size()) return nullptr;
    return &m_catalog.examples[static_cast<size_t>(m_selected)];
}

bool Playground::select_example(std::string_view name) {
    int i = m_catalog.find(name);
    if (i < 0) return false;
    select_example(i);
    return true;
}

void Playground::select_example(int index) {
    if (index < 0 || static_cast<size_t>(index) >= m_catalog.examples.size()) return;
    if (m_dirty_since >= 0) save_edit();
    m_selected = index;
    const Example& ex = m_catalog.examples[static_cast<size_t>(index)];
    // Edits made earlier survive reloads until "Reset example".
    auto saved = platform::storage_get(kEditKeyPrefix + ex.name);
    m_editor.set_text(saved ? *saved : ex.python);
    m_modified = saved && *saved != ex.python;
    m_twin.set_text(ex.cpp);
    m_state.error = {};
    m_state.exec_line = 0;
    // The C++ column and the verdicts belong to the example that was shown.
    m_state.cpp_console.clear();
    m_script_done = m_cpp_done = false;
    m_editor.focus();
    platform::storage_set(kSelectedKey, ex.name);
}

std::string Playground::script_name() const {
    const Example* ex = current();
    return ex ? ex->name : m_doc_name;
}

void Playground::open_link(const platform::Link& link) {
    double t = m_state.loop.time;
    switch (link.kind) {
    case platform::Link::Kind::source: {
        if (m_dirty_since >= 0) save_edit();
        m_selected = -1;
        m_doc_name = "shared";
        m_editor.set_text(link.text);
        m_modified = false;
        m_twin.set_text("");
        m_state.error = {};
        m_state.exec_line = 0;
        m_state.cpp_console.clear();
        m_script_done = m_cpp_done = false;
        m_editor.focus();
        size_t lines = static_cast<size_t>(std::count(link.text.begin(), link.text.end(), '\n'));
        if (!link.text.empty() && link.text.back() != '\n') ++lines;
        m_state.console.note("Opened the code from the link as shared.py (" + std::to_string(lines) + " lines).", t);
        m_state.console.note("It is not saved in this browser: after editing, Share makes a new link.", t);
        break;
    }
    case platform::Link::Kind::example:
        if (!select_example(link.text)) {
            m_state.console.write(Stream::err,
                                  "This link asks for an example named \"" + link.text +
                                      "\", and there is none.\n  The examples are listed on the left.\n",
                                  t);
        } else if (m_modified) {
            m_state.console.note("Opened " + link.text + " from the link, with your own edits of it", t);
            m_state.console.note("(kept in this browser; Reset example restores the original).", t);
        } else {
            m_state.console.note("Opened " + link.text + " from the link.", t);
        }
        break;
    case platform::Link::Kind::invalid:
        m_state.console.write(
            Stream::err, "Could not open the code in this link; the editor keeps what it had.\n  " + link.text + "\n",
            t);
        break;
    }
}

void Playground::share() {
    m_status_note = "making a link\xE2\x80\xA6";
    platform::share_source(m_editor.text(), [this](const platform::ShareResult& r) {
        double t = m_state.loop.time;
        bool web = std::string_view(platform::name()) == "web";
        if (!r.ok) {
            m_state.console.write(Stream::err, "Share: could not make a link: " + r.message + "\n", t);
            m_status_note = "share failed";
            m_controls.flash_share("Share failed");
            return;
        }
        std::string size = std::to_string(r.link.size()) + " characters";
        if (r.copied) {
            m_state.console.note(web ? "Share: link copied to the clipboard and put in the address bar."
                                     : "Share: link copied to the clipboard: " + r.link.substr(0, 40) + "\xE2\x80\xA6",
                                 t);
            m_state.console.note("(" + size + "; whoever opens it gets this code in the editor)", t);
            m_status_note = "link copied";
            m_controls.flash_share("Link copied");
        } else {
            m_state.console.note("Share: the link is in the address bar (" + size + "); copy it from there:", t);
            m_state.console.note("the clipboard refused it (" + r.message + ").", t);
            m_status_note = "link in the address bar";
            m_controls.flash_share("Link in address bar");
        }
    });
}

void Playground::set_clock(ClockMode mode, double speed) {
    m_controls.clock = mode;
    m_controls.speed = static_cast<float>(std::clamp(speed, 0.1, 10.0));
    m_runner.set_clock(m_controls.clock, m_controls.speed, m_state);
    m_state.loop.clock = m_controls.clock;
    m_state.loop.speed = m_controls.speed;
}

void Playground::reset_example() {
    const Example* ex = current();
    if (!ex) return;
    m_editor.set_text(ex->python);
    m_modified = false;
    m_dirty_since = -1;
    m_edited[static_cast<size_t>(m_selected)] = false;
    platform::storage_remove(kEditKeyPrefix + ex->name);
    m_state.error = {};
}

void Playground::save_edit() {
    m_dirty_since = -1;
    const Example* ex = current();
    if (!ex) return;
    std::string text = m_editor.text();
    m_modified = text != ex->python;
    if (m_modified)
        platform::storage_set(kEditKeyPrefix + ex->name, text);
    else
        platform::storage_remove(kEditKeyPrefix + ex->name);
    m_edited[static_cast<size_t>(m_selected)] = m_modified;
}

// [SECTION] Running ---------------------------------------------------------------

void Playground::start(RunRequest::Program program, bool paused) {
    if (is_live(m_state.status)) m_runner.stop(m_state);
    // Each program has its own console column: the other one stays, so the
    // script's and the C++ twin's outputs sit side by side.
    if (program == RunRequest::Program::cpp_twin) {
        m_state.cpp_console.clear();
        m_cpp_done = false;
    } else {
        m_state.console.clear();
        m_state.error = {};
        m_script_done = false;
    }
    m_state.loop.clear();
    m_state.exec_line = 0;
    m_timeline.reset_view();

    RunRequest req;
    req.program = program;
    req.example = script_name();
    req.filename = req.example + (program == RunRequest::Program::script ? ".py" : ".cpp");
    req.source = m_editor.text();
    req.clock = m_controls.clock;
    req.speed = m_controls.speed;
    req.start_paused = paused;
    m_state.program = req.filename;
    m_last_program = program;
    m_runner.start(req, m_state);
    m_seen_status = m_state.status;
}

// A run that finished gets its column's CPython verdict (until that column's
// program runs again or another example is picked).
void Playground::note_status_change() {
    if (m_state.status == m_seen_status) return;
    m_seen_status = m_state.status;
    if (m_state.status != RunStatus::finished) return;
    (m_last_program == RunRequest::Program::cpp_twin ? m_cpp_done : m_script_done) = true;
}

void Playground::run() {
    if (m_state.status == RunStatus::paused) {
        m_runner.resume(m_state);
        return;
    }
    start(RunRequest::Program::script, false);
}

void Playground::run_cpp() { start(RunRequest::Program::cpp_twin, false); }

void Playground::step() {
    switch (m_state.status) {
    case RunStatus::running:
        m_runner.pause(m_state);
        break;
    case RunStatus::paused:
        m_runner.step(m_state);
        break;
    default:
        start(RunRequest::Program::script, true);
        if (m_state.status == RunStatus::paused) m_runner.step(m_state);
        break;
    }
}

void Playground::stop() {
    if (is_live(m_state.status)) m_runner.stop(m_state);
}

void Playground::reset() {
    stop();
    m_state.console.clear();
    m_state.cpp_console.clear();
    m_script_done = m_cpp_done = false;
    m_state.loop.clear();
    m_state.error = {};
    m_state.exec_line = 0;
    m_state.status = RunStatus::idle;
    m_timeline.reset_view();
    m_status_note.clear();
}

void Playground::tick(double budget_ms) {
    if (m_state.status == RunStatus::running) m_runner.frame(budget_ms, m_state);
    if (m_dirty_since >= 0 && ImGui::GetTime() - m_dirty_since > 0.5) save_edit();
}

// The editor shows the run's error and the line being run; both are
// dropped as soon as the text changes (their line numbers would be stale).
void Playground::apply_markers() {
    const Diagnostic& e = m_state.error;
    if (e.present())
        m_editor.set_error(e.line - 1, e.column > 0 ? e.column - 1 : -1, e.message);
    else
        m_editor.clear_error();
    m_editor.set_exec_line(m_state.status == RunStatus::paused && m_state.exec_line > 0 ? m_state.exec_line - 1 : -1);
}

// [SECTION] Frame: layout and panels -----------------------------------------------

void Playground::handle_shortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    bool ctrl = io.KeyCtrl || io.KeySuper;
    // Ctrl/Cmd+Enter anywhere (the editor handles it itself when focused).
    if (ctrl && !m_editor.focused() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false)) run();
    // Debugger keys: F5 run/continue, Shift+F5 stop, F10 step.
    if (ImGui::IsKeyPressed(SDL_SCANCODE_F5, false)) io.KeyShift ? stop() : run();
    if (ImGui::IsKeyPressed(SDL_SCANCODE_F10, false)) step();
}

void Playground::draw() {
    handle_shortcuts();

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##playground", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();

    ImVec2 o = vp->WorkPos;
    float W = vp->WorkSize.x, H = vp->WorkSize.y;
    float toolbar_h = std::floor(ImGui::GetFrameHeight() + 18);
    float status_h = std::floor(ImGui::GetFontSize() + 10);

    // Toolbar.
    ControlsActions act = m_controls.draw(o, ImVec2(W, toolbar_h), m_fonts, m_state);
    if (act.run) run();
    if (act.step) step();
    if (act.stop) stop();
    if (act.reset) reset();
    if (act.share) share();
    if (act.clock_changed) m_runner.set_clock(m_controls.clock, m_controls.speed, m_state);
    m_state.loop.clock = m_controls.clock;
    m_state.loop.speed = m_controls.speed;

    // Areas, from the splitter values.
    float x0 = o.x + kGap, y0 = o.y + toolbar_h + kGap;
    float area_w = W - 2 * kGap, area_h = std::max(200.0f, H - toolbar_h - status_h - 2 * kGap);
    if (m_left_w <= 0) m_left_w = std::clamp(std::floor(W * 0.19f), 220.0f, 300.0f);
    m_left_w = std::clamp(m_left_w, 160.0f, std::max(160.0f, area_w * 0.4f));
    float right_w = area_w - m_left_w - kGap;
    float rows_h = area_h - 2 * kGap;  // editor row + middle row + timeline
    float top_h = std::floor(std::clamp(m_top_frac * rows_h, 100.0f, std::max(100.0f, rows_h - 180)));
    float timeline_h = std::floor(std::clamp(m_timeline_frac * rows_h, 80.0f, std::max(80.0f, rows_h - top_h - 80)));
    float mid_h = rows_h - top_h - timeline_h;
    float twin_w = std::floor(std::clamp(m_twin_frac * right_w, 120.0f, std::max(120.0f, right_w - 240)));
    float insp_w = std::floor(std::clamp(m_inspector_frac * right_w, 160.0f, std::max(160.0f, right_w - 240)));
    float rx = x0 + m_left_w + kGap;

    // Panels.
    int picked = m_examples.draw(ImVec2(x0, y0), ImVec2(m_left_w, area_h), m_fonts, m_catalog, m_selected, m_edited);
    if (picked >= 0) {
        select_example(picked);
        platform::clear_link();  // a reload shows this example, not the link's code
    }

    const Example* ex = current();
    apply_markers();
    float editor_w = right_w - twin_w - kGap;
    EditorActions ea = m_editor_panel.draw(ImVec2(rx, y0), ImVec2(editor_w, top_h), m_fonts, m_editor,
                                           script_name() + ".py", m_modified, m_state.error);
    if (ea.changed) {
        if (m_dirty_since < 0) m_dirty_since = ImGui::GetTime();
        m_modified = ex && m_editor.text() != ex->python;
        if (m_state.error.present()) m_state.error = {};
        m_state.exec_line = 0;
    }
    if (ea.reset_example) reset_example();

    if (m_twin_panel.draw(ImVec2(rx + editor_w + kGap, y0), ImVec2(twin_w, top_h), m_fonts, m_twin,
                          ex && !ex->cpp.empty() ? ex->name + ".cpp" : std::string(),
                          ex && m_runner.has_cpp_twin(ex->name)))
        run_cpp();

    float my = y0 + top_h + kGap;
    float console_w = right_w - insp_w - kGap;
    // The verdict against CPython only means something for this example's own
    // programs (the flags are dropped when another example is picked).
    note_status_change();
    static const std::string kNoText;
    const std::string& expected = ex ? ex->expected : kNoText;  // a reference: the panel caches by address
    ConsoleSource py{&m_state.console, script_name() + ".py", m_script_done};
    ConsoleSource cpp;
    if (!m_state.cpp_console.lines().empty())
        cpp = {&m_state.cpp_console, ex && !ex->cpp.empty() ? ex->name + ".cpp" : std::string("C++ twin"), m_cpp_done};
    ConsoleActions ca = m_console.draw(ImVec2(rx, my), ImVec2(console_w, mid_h), m_fonts, py, cpp, expected);
    if (ca.clear) {
        m_state.console.clear();
        m_state.cpp_console.clear();
        m_script_done = m_cpp_done = false;
    }
    if (ca.close_cpp) {
        m_state.cpp_console.clear();
        m_cpp_done = false;
    }
    m_inspector.draw(ImVec2(rx + console_w + kGap, my), ImVec2(insp_w, mid_h), m_fonts, m_state.loop);

    float ty = my + mid_h + kGap;
    if (m_timeline.draw(ImVec2(rx, ty), ImVec2(right_w, timeline_h), m_fonts, m_state.loop)) {
        std::string where = platform::save_file("aio-trace.json", to_chrome_trace(m_state.loop), "application/json");
        m_status_note = "timeline exported: " + where;
    }

    // Splitters in the gaps; each drag turns back into a fraction.
    float v = m_left_w;
    if (splitter("##split_left", true, ImVec2(x0 + m_left_w, y0), ImVec2(kGap, area_h), &v, 160, area_w * 0.4f))
        m_left_w = v;
    v = editor_w;
    if (splitter("##split_twin", true, ImVec2(rx + editor_w, y0), ImVec2(kGap, top_h), &v, 240, right_w - 120))
        m_twin_frac = (right_w - v - kGap) / right_w;
    v = console_w;
    if (splitter("##split_insp", true, ImVec2(rx + console_w, my), ImVec2(kGap, mid_h), &v, 240, right_w - 160))
        m_inspector_frac = (right_w - v - kGap) / right_w;
    v = top_h;
    if (splitter("##split_top", false, ImVec2(rx, y0 + top_h), ImVec2(right_w, kGap), &v, 100,
                 rows_h - timeline_h - 80))
        m_top_frac = v / rows_h;
    v = top_h + mid_h;  // the timeline's top edge, from y0, without gaps
    if (splitter("##split_tl", false, ImVec2(rx, ty - kGap), ImVec2(right_w, kGap), &v, top_h + 80, rows_h - 80))
        m_timeline_frac = (rows_h - v) / rows_h;

    draw_status_bar(ImVec2(o.x, o.y + H - status_h), ImVec2(W, status_h));
    ImGui::End();
}

void Playground::draw_status_bar(const ImVec2& pos, const ImVec2& size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), colours::header_bg);
    dl->AddLine(pos, ImVec2(pos.x + size.x, pos.y), colours::border);
    ImGui::PushFont(m_fonts.small);
    float ty = pos.y + (size.y - ImGui::GetFontSize()) * 0.5f;
    char left[256];
    std::snprintf(left, sizeof left, "%s%s%s", m_state.program.empty() ? "nothing run yet" : m_state.program.c_str(),
                  m_status_note.empty() ? "" : "  \xC2\xB7  ", m_status_note.c_str());
    dl->AddText(ImVec2(pos.x + 12, ty), colours::text_dim, left);
    char right[160];
    const ImGuiIO& io = ImGui::GetIO();
    std::snprintf(
        right, sizeof right, "%s  \xC2\xB7  our code %.2f ms/frame  \xC2\xB7  %.0f fps  \xC2\xB7  %.0fx%.0f @%.2gx",
        platform::name(), m_cpu_ms, io.Framerate, io.DisplaySize.x, io.DisplaySize.y, io.DisplayFramebufferScale.x);
    float w = ImGui::CalcTextSize(right).x;
    dl->AddText(ImVec2(pos.x + size.x - w - 12, ty), colours::text_faint, right);
    ImGui::PopFont();
}

// [SECTION] Test snapshot ----------------------------------------------------------

std::string Playground::state_json() const {
    std::string out = "{";
    auto field = [&](const char* k, const std::string& v, bool quote) {
        if (out.size() > 1) out += ",";
        out += "\"";
        out += k;
        out += "\":";
        if (quote)
            append_json_string(out, v);
        else
            out += v;
    };
    const Example* ex = current();
    field("example", ex ? ex->name : "", true);
    field("status", to_string(m_state.status), true);
    field("modified", m_modified ? "true" : "false", false);
    field("examples", std::to_string(m_catalog.examples.size()), false);
    field("script", script_name() + ".py", true);
    field("consoleLines", std::to_string(m_state.console.lines().size()), false);
    field("cppConsoleLines", std::to_string(m_state.cpp_console.lines().size()), false);
    field("clock", to_string(m_controls.clock), true);
    field("tasks", std::to_string(m_state.loop.tasks.size()), false);
    char t[32];
    std::snprintf(t, sizeof t, "%.6f", m_state.loop.time);
    field("time", t, false);
    std::string err = "{\"line\":" + std::to_string(m_state.error.line) +
                      ",\"column\":" + std::to_string(m_state.error.column) + ",\"message\":";
    append_json_string(err, m_state.error.message);
    err += "}";
    field("error", err, false);
    field("editorFocused", m_editor.focused() ? "true" : "false", false);
    TextPos c = m_editor.buffer().cursor();
    field("cursor", "{\"line\":" + std::to_string(c.line + 1) + ",\"column\":" + std::to_string(c.col + 1) + "}",
          false);
    char cost[32];
    std::snprintf(cost, sizeof cost, "%.3f", m_cpu_ms);
    field("frameCostMs", cost, false);
    out += "}";
    return out;
}

}  // namespace aio::web
