// The Console panel's model: streams, partial lines, cap.

#include "model/console_log.h"

#include <doctest/doctest.h>

using aio::web::ConsoleLog;
using aio::web::Stream;

TEST_CASE("writes are split into lines stamped with the loop time of their start") {
    ConsoleLog log;
    log.write(Stream::out, "a\nb", 1.0);
    log.write(Stream::out, "c\n", 2.0);
    REQUIRE(log.lines().size() == 2);
    CHECK(log.lines()[0].text == "a");
    CHECK(log.lines()[1].text == "bc");
    CHECK(log.lines()[1].loop_time == 1.0);
    CHECK_FALSE(log.lines()[1].open);
}

TEST_CASE("an unfinished line of one stream is not continued by another stream") {
    ConsoleLog log;
    log.write(Stream::out, "partial", 0);
    log.write(Stream::err, "Traceback\n", 0);
    log.write(Stream::out, " rest\n", 0);
    REQUIRE(log.lines().size() == 3);
    CHECK(log.lines()[0].text == "partial");
    CHECK(log.lines()[1].stream == Stream::err);
    CHECK(log.lines()[2].text == " rest");
}

TEST_CASE("empty lines are kept") {
    ConsoleLog log;
    log.write(Stream::out, "\n\nx\n", 0);
    CHECK(log.text() == "\n\nx\n");
}

TEST_CASE("text() picks streams; notes are left out by default") {
    ConsoleLog log;
    log.note("run started", 0);
    log.write(Stream::out, "hi\n", 0);
    log.write(Stream::err, "oops\n", 0);
    CHECK(log.text() == "hi\noops\n");
    CHECK(log.text(true, false) == "hi\n");
    CHECK(log.text(false, false, true) == "run started\n");
}

TEST_CASE("the oldest lines are dropped beyond the cap") {
    ConsoleLog log(3);
    for (int i = 0; i < 5; ++i) log.write(Stream::out, std::to_string(i) + "\n", 0);
    CHECK(log.text() == "2\n3\n4\n");
    CHECK(log.dropped() == 2);
}

TEST_CASE("clear empties the log and changes the generation") {
    ConsoleLog log;
    log.write(Stream::out, "x\n", 0);
    auto g = log.generation();
    log.clear();
    CHECK(log.lines().empty());
    CHECK(log.generation() != g);
}
