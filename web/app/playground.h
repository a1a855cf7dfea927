#pragma once
// The playground: owns what the panels show (examples, the script being
// edited, the run state) and lays the panels out in one window:
//
//   +-------------------------- toolbar ---------------------------+
//   | Examples |  Editor (script)          |  C++ twin             |
//   |          +---------------------------+-----------------------+
//   |  about   |  Console                  |  Loop inspector       |
//   |          +---------------------------+-----------------------+
//   |          |  Timeline                                         |
//
// The Console splits into script | C++ columns once "Run C++" has run.
//   +------------------------- status bar -------------------------+
//
// Every border is a splitter. Running is delegated to a Runner (run/runner.h).

#include "editor/code_editor.h"
#include "model/example_catalog.h"
#include "panels/console_panel.h"
#include "panels/controls_panel.h"
#include "panels/editor_panel.h"
#include "panels/examples_panel.h"
#include "panels/inspector_panel.h"
#include "panels/timeline_panel.h"
#include "platform/platform.h"
#include "run/runner.h"
#include "ui/theme.h"

#include <string>
#include <string_view>
#include <vector>

namespace aio::web {

class Playground {
public:
    // `runner` (create_runner()) outlives the playground.
    Playground(const Fonts& fonts, Runner& runner);

    // Before ImGui::NewFrame: the runner's share of this frame.
    void tick(double budget_ms);
    // Between ImGui::NewFrame and ImGui::Render: the whole UI.
    void draw();
    // Time our code spent on the last frame (loop work + building the UI).
    void set_frame_cost(double cpu_ms) { m_cpu_ms = cpu_ms; }

    // Actions, as the toolbar, shortcuts and the test bridge use them.
    void run();
    void run_cpp();
    void step();
    void stop();
    void reset();
    bool select_example(std::string_view name);
    void select_example(int index);
    void reset_example();
    // Share: the permalink of the editor's text to the address bar and the
    // clipboard (platform.h); the console and the button say how it went.
    void share();
    // A permalink's code (a "shared.py" that belongs to no example), an
    // example by name, or why the link could not be read.
    void open_link(const platform::Link& link);
    void set_clock(ClockMode mode, double speed);

    const ExampleCatalog& catalog() const { return m_catalog; }
    int selected() const { return m_selected; }
    CodeEditor& editor() { return m_editor; }
    RunState& state() { return m_state; }
    TimelinePanel& timeline() { return m_timeline; }
    bool modified() const { return m_modified; }
    // A JSON snapshot for browser tests (see index.html's window.aioTest).
    std::string state_json() const;

private:
    void apply_markers();
    void save_edit();
    void draw_status_bar(const ImVec2& pos, const ImVec2& size);
    void handle_shortcuts();
    void start(RunRequest::Program program, bool paused);
    const Example* current() const;
    // The script's file name: the example's, or the shared/scratch document's.
    std::string script_name() const;
    void note_status_change();

    const Fonts& m_fonts;
    Runner& m_runner;
    ExampleCatalog m_catalog;
    int m_selected = -1;
    std::string m_doc_name = "scratch";  // the script's name when no example is selected (a link's code: "shared")
    std::vector<bool> m_edited;          // per example: stored edits differ from the original

    CodeEditor m_editor{Language::python};
    CodeEditor m_twin{Language::cpp};
    bool m_modified = false;
    double m_dirty_since = -1;  // ImGui time of the first unsaved change

    RunState m_state;
    // Whether each console column's run finished (for its CPython verdict),
    // kept while the other program runs beside it.
    RunStatus m_seen_status = RunStatus::idle;
    RunRequest::Program m_last_program = RunRequest::Program::script;
    bool m_script_done = false;
    bool m_cpp_done = false;
    ControlsPanel m_controls;
    ExamplesPanel m_examples;
    EditorPanel m_editor_panel;
    TwinPanel m_twin_panel;
    ConsolePanel m_console;
    InspectorPanel m_inspector;
    TimelinePanel m_timeline;

    // Layout. The sidebar keeps its width in pixels; the other splits are
    // fractions, so the panels keep their proportions when the window resizes.
    float m_left_w = 0;              // pixels; 0 = not chosen yet
    float m_twin_frac = 0.42f;       // of the right-hand width
    float m_inspector_frac = 0.42f;  // of the right-hand width
    float m_top_frac = 0.44f;        // of the area's height: editor row
    float m_timeline_frac = 0.27f;   // of the area's height: timeline
    double m_cpu_ms = 0;
    std::string m_status_note;  // last thing worth telling in the status bar
};

// The catalog built from the files compiled into the app.
ExampleCatalog embedded_catalog();

}  // namespace aio::web
