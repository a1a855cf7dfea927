#pragma once
// Files compiled into the app by cmake/embed_files.cmake: the tutorial
// examples (examples/*.py, *.cpp, *.out, catalog.txt) and the UI fonts. The
// browser build has no file system to read them from at run time.

#include <cstddef>
#include <string_view>

namespace aio::web {

struct EmbeddedFile {
    const char* name;           // file name, e.g. "01_event_loop.py"
    const unsigned char* data;  // contents (NUL-terminated for convenience)
    std::size_t size;           // bytes, without the terminating NUL

    std::string_view text() const { return {reinterpret_cast<const char*>(data), size}; }
};

struct EmbeddedFileList {
    const EmbeddedFile* files;
    std::size_t count;

    const EmbeddedFile* begin() const { return files; }
    const EmbeddedFile* end() const { return files + count; }
    const EmbeddedFile* find(std::string_view name) const {
        for (const EmbeddedFile& f : *this)
            if (name == f.name) return &f;
        return nullptr;
    }
};

extern const EmbeddedFileList kEmbeddedExamples;
extern const EmbeddedFileList kEmbeddedFonts;

}  // namespace aio::web
