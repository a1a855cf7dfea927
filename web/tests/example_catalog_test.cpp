// Building the Examples panel's list from examples/ and catalog.txt.

#include "model/example_catalog.h"

#include <doctest/doctest.h>

using aio::web::build_catalog;
using aio::web::SourceFile;

namespace {

const char* kCatalog = R"(Intro text before any block is ignored.

== 02_tasks
title: Tasks
group: Basics
First paragraph
continues here.

Second paragraph.

== 01_hello
title: Hello
group: Basics
Say hello.

== 03_queue
group: Patterns
Queues.

== 09_missing
title: No script
group: Basics
)";

std::vector<SourceFile> files() {
    return {
        {"01_hello.py", "print('hi')\n"},    {"01_hello.out", "hi\n"}, {"02_tasks.py", "import asyncio\n"},
        {"02_tasks.cpp", "int main() {}\n"}, {"03_queue.py", "q\n"},   {"10_extra_things.py", "x\n"},
    };
}

}  // namespace

TEST_CASE("examples follow the catalog's order and carry their files") {
    auto cat = build_catalog(kCatalog, files());
    REQUIRE(cat.examples.size() == 4);
    CHECK(cat.examples[0].name == "02_tasks");
    CHECK(cat.examples[0].cpp == "int main() {}\n");
    CHECK(cat.examples[0].expected.empty());
    CHECK(cat.examples[1].name == "01_hello");
    CHECK(cat.examples[1].expected == "hi\n");
    CHECK(cat.examples[1].about == "Say hello.");
}

TEST_CASE("paragraph lines join with spaces, blank lines separate paragraphs") {
    auto cat = build_catalog(kCatalog, files());
    CHECK(cat.examples[0].about == "First paragraph continues here.\n\nSecond paragraph.");
}

TEST_CASE("groups keep their order of first appearance") {
    auto cat = build_catalog(kCatalog, files());
    REQUIRE(cat.groups.size() == 3);
    CHECK(cat.groups[0].name == "Basics");
    CHECK(cat.groups[0].examples == std::vector<int>{0, 1});
    CHECK(cat.groups[1].name == "Patterns");
    CHECK(cat.groups[2].name == "More");
}

TEST_CASE("entries without a script are skipped; scripts without an entry come last") {
    auto cat = build_catalog(kCatalog, files());
    CHECK(cat.find("09_missing") == -1);
    REQUIRE(cat.find("10_extra_things") == 3);
    CHECK(cat.examples[3].title == "Extra things");
    CHECK(cat.examples[3].group == "More");
}

TEST_CASE("a missing title is made from the file name") {
    auto cat = build_catalog(kCatalog, files());
    CHECK(cat.examples[cat.find("03_queue")].title == "Queue");
    CHECK(aio::web::title_from_name("11_timeouts") == "Timeouts");
}
