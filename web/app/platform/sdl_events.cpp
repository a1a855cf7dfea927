#include "platform/sdl_events.h"

#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include <bitset>

namespace aio::web {

bool EventPump::pump() {
    SDL_Event e;
    while (SDL_PollEvent(&e)) m_pending.push_back(e);

    std::bitset<SDL_NUM_SCANCODES> keys_touched;
    bool buttons_touched[3] = {false, false, false};
    for (bool& c : m_clicked) c = false;
    ImGuiIO& io = ImGui::GetIO();

    while (!m_pending.empty()) {
        SDL_Event& ev = m_pending.front();
        bool is_key = ev.type == SDL_KEYDOWN || ev.type == SDL_KEYUP;
        bool is_button = ev.type == SDL_MOUSEBUTTONDOWN || ev.type == SDL_MOUSEBUTTONUP;
        if (is_key && ev.key.repeat) {  // ImGui repeats held keys itself
            m_pending.pop_front();
            continue;
        }
        if (is_key) {
            SDL_Scancode sc = ev.key.keysym.scancode;
            if (keys_touched[sc]) break;  // second transition: next frame
            keys_touched[sc] = true;
        }
        int b = is_button ? ev.button.button - 1 : -1;
        if (b >= 0 && b < 3) {
            if (buttons_touched[b]) break;
            buttons_touched[b] = true;
            m_mouse_down[b] = ev.type == SDL_MOUSEBUTTONDOWN;
            if (m_mouse_down[b]) m_clicked[b] = true;
            m_mouse_x = static_cast<float>(ev.button.x);
            m_mouse_y = static_cast<float>(ev.button.y);
            m_have_pos = true;
        }
        if (ev.type == SDL_MOUSEMOTION) {
            m_mouse_x = static_cast<float>(ev.motion.x);
            m_mouse_y = static_cast<float>(ev.motion.y);
            m_have_pos = true;
        }
        if (ev.type == SDL_WINDOWEVENT && ev.window.event == SDL_WINDOWEVENT_LEAVE) m_have_pos = false;
        if (ev.type == SDL_QUIT || (ev.type == SDL_WINDOWEVENT && ev.window.event == SDL_WINDOWEVENT_CLOSE))
            m_quit = true;

        ImGui_ImplSDL2_ProcessEvent(&ev);
        if (is_key) {
            Uint16 mod = ev.key.keysym.mod;
            io.KeyCtrl = (mod & KMOD_CTRL) != 0;
            io.KeyShift = (mod & KMOD_SHIFT) != 0;
            io.KeyAlt = (mod & KMOD_ALT) != 0;
            io.KeySuper = (mod & KMOD_GUI) != 0;
        }
        m_pending.pop_front();
    }
    return !m_quit;
}

void EventPump::apply_mouse() {
    ImGuiIO& io = ImGui::GetIO();
    if (m_have_pos)
        io.MousePos = ImVec2(m_mouse_x, m_mouse_y);
    else
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    for (int i = 0; i < 3; ++i) io.MouseDown[i] = m_mouse_down[i] || m_clicked[i];
}

}  // namespace aio::web
