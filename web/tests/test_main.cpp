// doctest's main for the playground's ImGui-free parts (editor model, syntax,
// catalog, console, loop view, trace export).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
