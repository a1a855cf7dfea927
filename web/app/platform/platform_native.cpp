// Desktop side of the platform layer. The clipboard goes through SDL (the
// editor's Ctrl+C/X/V key path), storage is one file per key under
// $XDG_CONFIG_HOME/aio-playground (or ~/.config/aio-playground).

#include "platform/platform.h"

#include "model/permalink.h"

#include <imgui.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace aio::web::platform {

namespace {

std::filesystem::path storage_dir() {
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) return std::filesystem::path(x) / "aio-playground";
    if (const char* h = std::getenv("HOME"); h && *h) return std::filesystem::path(h) / ".config" / "aio-playground";
    return std::filesystem::temp_directory_path() / "aio-playground";
}

// Keys become file names: anything but [A-Za-z0-9._-] turns into '_'.
std::filesystem::path key_path(const std::string& key) {
    std::string f = key;
    for (char& c : f)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-')) c = '_';
    return storage_dir() / f;
}

}  // namespace

void init() {}
const char* name() { return "desktop"; }

std::optional<std::string> storage_get(const std::string& key) {
    std::ifstream in(key_path(key), std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void storage_set(const std::string& key, const std::string& value) {
    std::error_code ec;
    std::filesystem::create_directories(storage_dir(), ec);
    std::ofstream(key_path(key), std::ios::binary) << value;
}

void storage_remove(const std::string& key) {
    std::error_code ec;
    std::filesystem::remove(key_path(key), ec);
}

std::string save_file(const std::string& name, const std::string& content, const char*) {
    std::ofstream(name, std::ios::binary) << content;
    return "wrote " + (std::filesystem::current_path() / name).string();
}

void first_frame_drawn() {}

void set_clipboard_handlers(std::function<std::string(bool)>, std::function<bool(const std::string&)>) {}

void set_link_handler(std::function<void(const Link&)>) {}

// No address bar here: the link (uncompressed, no zlib needed) goes to the
// clipboard, relative to the playground page.
void share_source(const std::string& source, std::function<void(const ShareResult&)> done) {
    ShareResult r;
    r.ok = true;
    r.link = "index.html#" + code_fragment(source);
    ImGui::SetClipboardText(r.link.c_str());
    r.copied = true;
    done(r);
}

void clear_link() {}

}  // namespace aio::web::platform
