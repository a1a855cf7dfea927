// The playground without an engine: create_runner() has nothing to offer, so
// Run says so in the console. Replaced by the engine-backed runner once the
// engine and the interpreter are linked in (see web/CMakeLists.txt).

#include "runner.h"

namespace aio::web {

Runner* create_runner() { return nullptr; }

}  // namespace aio::web
