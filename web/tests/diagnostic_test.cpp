// Reading the error to mark in the editor from what the interpreter printed.

#include "run/diagnostic.h"

#include <doctest/doctest.h>

#include <string>

using namespace aio::web;

TEST_CASE("a traceback's innermost frame in the script gives line and column") {
    const char* tb =
        "Traceback (most recent call last):\n"
        "  File \"t.py\", line 7, in <module>\n"
        "    asyncio.run(main())\n"
        "  File \"<frozen asyncio>\", line 82, in run\n"
        "    return loop.run_until_complete(task)\n"
        "           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
        "  File \"t.py\", line 2, in f\n"
        "    return 1/0\n"
        "           ~^~\n"
        "ZeroDivisionError: division by zero\n";
    std::string src = "def f():\n    return 1/0\n";
    Diagnostic d = diagnostic_from_traceback(tb, "t.py", src);
    CHECK(d.line == 2);
    CHECK(d.column == 12);  // the '1' of 1/0
    CHECK(d.message == "ZeroDivisionError: division by zero");
    CHECK_FALSE(diagnostic_from_traceback(tb, "other.py", src).present());
}
