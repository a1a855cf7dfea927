#pragma once
// What differs between the browser and the desktop build: clipboard glue,
// persistent storage, offering a file to the user, permalinks, and telling
// the page the app is up. platform_web.cpp and platform_native.cpp implement it.

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

// Permalinks. The page's URL fragment names what to open, on load and
// whenever it changes:
//   #src=<base64url(deflate-raw(UTF-8 source))>   code (what Share and aio-embed.js write)
//   #code=<base64url(UTF-8 source)>               code, uncompressed (browsers without CompressionStream)
//   #example=NAME                                 an example
// A fragment that cannot be read arrives as Link::Kind::invalid with the reason.
struct Link {
    enum class Kind { source, example, invalid };
    Kind kind = Kind::invalid;
    std::string text;  // the source, the example's name, or what is wrong
};
// `open` is called for each link read from then on, and at once for one
// that was read before it was set. (The desktop build has no URL.)
void set_link_handler(std::function<void(const Link&)> open);

// Share: builds the permalink of `source`, puts it in the address bar and
// copies it to the clipboard, then calls `done` (later: compressing is
// asynchronous in the browser). The desktop build copies a `#code=` link.
struct ShareResult {
    bool ok = false;      // a link was made
    bool copied = false;  // and is on the clipboard
    std::string link;
    std::string message;  // why not, when !ok or !copied
};
void share_source(const std::string& source, std::function<void(const ShareResult&)> done);

// Drops a permalink from the address bar (another example was picked, so a
// reload should not bring the link's code back).
void clear_link();

}  // namespace aio::web::platform
