#pragma once
// The Editor panel: the selected example's script in the code editor, its
// file name (with a dot while it differs from the original), "Reset example",
// and a status line with the cursor position and the current error.

#include "editor/code_editor.h"
#include "run/runner.h"

#include <imgui.h>

#include <string>

namespace aio::web {

struct Fonts;

struct EditorActions {
    bool reset_example = false;
    bool changed = false;  // the text changed this frame
};

class EditorPanel {
public:
    EditorActions draw(const ImVec2& pos, const ImVec2& size, const Fonts& fonts, CodeEditor& editor,
                       const std::string& filename, bool modified, const Diagnostic& error);
};

// The C++ twin: the example's C++ port, read-only, with "Run C++".
class TwinPanel {
public:
    // Returns true when "Run C++" was pressed.
    bool draw(const ImVec2& pos, const ImVec2& size, const Fonts& fonts, CodeEditor& viewer,
              const std::string& filename, bool can_run);
};

}  // namespace aio::web
