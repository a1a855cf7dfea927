#pragma once
// What differs between the browser and the desktop build: clipboard glue,
// persistent storage, offering a file to the user, and telling the page the
// app is up. platform_web.cpp and platform_native.cpp implement it.

#include <functional>
#include <optional>
#include <string>

namespace aio::web::platform {

// Call once after the ImGui SDL backend is initialised.
void init();
const char* name();  // "web" or "desktop"

// Key-value storage that survives a reload (localStorage / files in ~/.config).
std::optional<std::string> storage_get(const std::string& key);
void storage_set(const std::string& key, const std::string& value);
void storage_remove(const std::string& key);

// Hands a file to the user: a download in the browser, a file in the working
// directory on the desktop. Returns a short description of where it went.
std::string save_file(const std::string& name, const std::string& content, const char* mime);

// The page hides its loading screen when the first frame is on screen.
void first_frame_drawn();

// The browser's copy/cut/paste events ask these (the focused editor answers).
// `copy(cut)` returns the text to put on the clipboard ("" = nothing) and, for
// cut, removes it. `paste(text)` returns true if something took the text.
void set_clipboard_handlers(std::function<std::string(bool cut)> copy, std::function<bool(const std::string&)> paste);

}  // namespace aio::web::platform
