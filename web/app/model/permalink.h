#pragma once
// The text side of permalinks (index.html#src=..., #code=..., #example=...;
// platform.h has the whole scheme). Compressed `#src=` links are made and
// read by the browser's CompressionStream; what is left here is plain
// base64url, which the desktop build uses for its `#code=` links.

#include <optional>
#include <string>
#include <string_view>

namespace aio::web {

// base64url (RFC 4648 section 5) without '=' padding.
std::string base64url_encode(std::string_view bytes);
// Accepts missing padding; nullopt for characters outside the alphabet or a
// length no encoding produces.
std::optional<std::string> base64url_decode(std::string_view text);

// "code=<base64url(UTF-8 source)>": a fragment any playground page opens.
std::string code_fragment(std::string_view source);

}  // namespace aio::web
