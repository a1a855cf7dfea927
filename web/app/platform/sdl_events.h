#pragma once
// Feeds SDL events to ImGui at most one press or release per key and per
// mouse button per frame.
//
// ImGui 1.86 reads keys and buttons as "down this frame" flags. A press and
// release that arrive between two frames (a quick tap, an automated test, a
// fast double-click) would cancel out and never be seen. Holding back the
// second transition of a key to the next frame keeps every press. Modifier
// state is taken from each event, not from SDL's current state, for the same
// reason: by the time a frame starts, Ctrl may already be up again.

#include <SDL.h>

#include <deque>

namespace aio::web {

class EventPump {
public:
    // Drains SDL's queue, processes what this frame may take, keeps the rest.
    // Returns false once the window was asked to close.
    bool pump();
    // After ImGui_ImplSDL2_NewFrame: writes mouse position and buttons as of
    // the events processed this frame (the backend reads SDL's current state).
    void apply_mouse();

private:
    std::deque<SDL_Event> m_pending;
    bool m_quit = false;
    bool m_mouse_down[3] = {false, false, false};
    bool m_clicked[3] = {false, false, false};  // went down during this frame
    bool m_have_pos = false;
    float m_mouse_x = 0;
    float m_mouse_y = 0;
};

}  // namespace aio::web
