#pragma once
// The Examples panel: the tutorial, group by group, in learning order, and
// a short explanation of the selected example under the list.

#include "model/example_catalog.h"

#include <imgui.h>

namespace aio::web {

struct Fonts;

class ExamplesPanel {
public:
    // Returns the index of an example the user picked this frame, or -1.
    int draw(const ImVec2& pos, const ImVec2& size, const Fonts& fonts, const ExampleCatalog& catalog, int selected,
             const std::vector<bool>& edited);

private:
    float m_about_h = 0;  // height of the explanation area, pixels (0 = choose)
};

}  // namespace aio::web
