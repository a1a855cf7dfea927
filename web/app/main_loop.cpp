// The frame loop: SDL window + OpenGL (WebGL2 in the browser), Dear ImGui,
// and one call per frame that pumps events, gives the runner its time slice,
// builds the UI and draws it. In the browser the loop is the browser's own
// (emscripten_set_main_loop on requestAnimationFrame); on the desktop it is a
// plain while loop with vsync.

#include "app.h"
#include "platform/platform.h"
#include "sample_view.h"

#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <GLES3/gl3.h>
#else
#include <SDL_opengl.h>
#endif

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace aio::web {

namespace {

App g_app;

// Loop work gets this much of each frame; the rest is for building and
// drawing the UI (the budget for both together is 8 ms on a 60 Hz screen).
constexpr double kRunnerBudgetMs = 5.0;

double now_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

// Device pixels per UI pixel: 2 on most laptops' screens, the page's
// devicePixelRatio in a browser (SDL sizes the canvas backing store with it).
float pixel_density(SDL_Window* w) {
    int ww = 0, wh = 0, dw = 0, dh = 0;
    SDL_GetWindowSize(w, &ww, &wh);
    SDL_GL_GetDrawableSize(w, &dw, &dh);
    return ww > 0 ? static_cast<float>(dw) / static_cast<float>(ww) : 1.0f;
}

void save_screenshot(const char* path) {
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(g_app.window, &w, &h);
    std::vector<unsigned char> px(static_cast<size_t>(w) * static_cast<size_t>(h) * 4);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    // GL rows run bottom-up; BMP via SDL wants top-down.
    std::vector<unsigned char> flipped(px.size());
    for (int y = 0; y < h; ++y)
        std::memcpy(&flipped[static_cast<size_t>(y) * w * 4], &px[static_cast<size_t>(h - 1 - y) * w * 4],
                    static_cast<size_t>(w) * 4);
    SDL_Surface* s = SDL_CreateRGBSurfaceWithFormatFrom(flipped.data(), w, h, 32, w * 4, SDL_PIXELFORMAT_ABGR8888);
    if (s) {
        SDL_SaveBMP(s, path);
        SDL_FreeSurface(s);
    }
}

void frame() {
    App& a = g_app;
    double t0 = now_ms();
    bool keep = a.events.pump();

    // Moving to a screen with another density rebuilds the font atlas.
    float density = pixel_density(a.window);
    if (std::abs(density - a.fonts.density) > 0.01f) {
        load_fonts(a.fonts, density);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }

    a.playground->tick(kRunnerBudgetMs);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    a.events.apply_mouse();
    ImGui::NewFrame();
    a.playground->draw();
    ImGui::Render();
    a.last_cpu_ms = now_ms() - t0;
    a.playground->set_frame_cost(a.last_cpu_ms);

    const ImGuiIO& io = ImGui::GetIO();
    glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
               static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    ImVec4 bg = ImGui::ColorConvertU32ToFloat4(colours::app_bg);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (a.screenshot && a.quit_after_frames >= 0 && static_cast<int>(a.frames) + 1 >= a.quit_after_frames)
        save_screenshot(a.screenshot);
    SDL_GL_SwapWindow(a.window);

    if (++a.frames == 1) platform::first_frame_drawn();
    if (a.quit_after_frames >= 0 && static_cast<int>(a.frames) >= a.quit_after_frames) keep = false;
#ifdef __EMSCRIPTEN__
    (void)keep;  // the page closes the app
#else
    if (!keep) a.quit_after_frames = 0;
#endif
}

bool init(int argc, char** argv) {
    App& a = g_app;
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return false;
    }
#ifdef __EMSCRIPTEN__
    const char* glsl = "#version 300 es";
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#else
    const char* glsl = "#version 150";
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
#endif
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

    int w = 1440, h = 900;
    bool sample = false;
    const char* example = nullptr;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--sample")
            sample = true;
        else if (arg == "--frames" && i + 1 < argc)
            a.quit_after_frames = std::atoi(argv[++i]);
        else if (arg == "--screenshot" && i + 1 < argc)
            a.screenshot = argv[++i];
        else if (arg == "--example" && i + 1 < argc)
            example = argv[++i];
        else if (arg == "--size" && i + 1 < argc)
            std::sscanf(argv[++i], "%dx%d", &w, &h);
    }

    // In the browser the canvas is sized by CSS to the page; SDL then keeps
    // its backing store at CSS size x devicePixelRatio and follows resizes.
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    a.window = SDL_CreateWindow("aio playground", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
    if (!a.window) {
        std::fprintf(stderr, "SDL_CreateWindow: %s\n", SDL_GetError());
        return false;
    }
    a.gl = SDL_GL_CreateContext(a.window);
    if (!a.gl) {
        std::fprintf(stderr, "SDL_GL_CreateContext: %s\n", SDL_GetError());
        return false;
    }
    SDL_GL_MakeCurrent(a.window, a.gl);
    SDL_GL_SetSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the layout is the playground's own
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    ImGui_ImplSDL2_InitForOpenGL(a.window, a.gl);
    ImGui_ImplOpenGL3_Init(glsl);
    apply_style();
    load_fonts(a.fonts, pixel_density(a.window));
    platform::init();

    a.runner.reset(create_runner());
    a.playground = std::make_unique<Playground>(a.fonts, *a.runner);
    if (example) a.playground->select_example(example);
    if (sample) load_sample_view(a.playground->state());
    return true;
}

}  // namespace

App& app() { return g_app; }

}  // namespace aio::web

int main(int argc, char** argv) {
    using namespace aio::web;
    if (!init(argc, argv)) return 1;
#ifdef __EMSCRIPTEN__
    // Never returns: the browser calls frame() on every animation frame.
    emscripten_set_main_loop(frame, 0, true);
#else
    App& a = app();
    while (a.quit_after_frames != 0) frame();
    a.playground.reset();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(a.gl);
    SDL_DestroyWindow(a.window);
    SDL_Quit();
#endif
    return 0;
}
