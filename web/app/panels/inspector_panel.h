#pragma once
// The Loop inspector: the loop's insides at this moment. Tasks (name, state,
// what each one awaits), the ready queue in order, and the timer heap by
// deadline.

#include "model/loop_view.h"

#include <imgui.h>

namespace aio::web {

struct Fonts;

class InspectorPanel {
public:
    void draw(const ImVec2& pos, const ImVec2& size, const Fonts& fonts, const LoopView& view);

private:
    bool m_hide_finished = false;
};

}  // namespace aio::web
