#pragma once
// The tutorial examples as the Examples panel lists them: examples/NN_name.py
// (the script), .cpp (its C++ twin), .out (what CPython prints), ordered and
// grouped by examples/catalog.txt:
//
//   == 01_event_loop
//   title: Creating and running a loop
//   group: Basics
//   One paragraph (or more, separated by blank lines) about the example.
//
// Scripts the catalog does not mention are still listed, last, under "More".

#include <string>
#include <string_view>
#include <vector>

namespace aio::web {

struct SourceFile {
    std::string name;  // file name inside examples/, e.g. "01_event_loop.py"
    std::string contents;
};

struct Example {
    std::string name;  // file stem, e.g. "01_event_loop"
    std::string title;
    std::string group;
    std::string about;     // paragraphs separated by "\n\n"
    std::string python;    // script source
    std::string cpp;       // C++ twin source; empty if none
    std::string expected;  // expected output; empty if none
};

struct ExampleGroup {
    std::string name;
    std::vector<int> examples;  // indices into ExampleCatalog::examples, catalog order
};

struct ExampleCatalog {
    std::vector<Example> examples;
    std::vector<ExampleGroup> groups;  // in order of first appearance

    int find(std::string_view name) const;  // index, or -1
};

ExampleCatalog build_catalog(std::string_view catalog_text, const std::vector<SourceFile>& files);

// "03_await_chain" -> "Await chain": the title used when the catalog has none.
std::string title_from_name(std::string_view name);

}  // namespace aio::web
