// Describing exceptions the way Python's repr() does: Type('message').

#include "aio/exceptions.hpp"

#include <typeinfo>

#if defined(__GNUG__) || defined(__clang__)
#include <cxxabi.h>
#include <cstdlib>
#endif

namespace aio {

namespace {
std::string demangle(const char* name) {
#if defined(__GNUG__) || defined(__clang__)
    int status = 0;
    char* out = abi::__cxa_demangle(name, nullptr, nullptr, &status);
    if (status == 0 && out) {
        std::string s(out);
        std::free(out);
        return s;
    }
#endif
    return name;
}

std::string quoted(const char* msg) { return msg && *msg ? "('" + std::string(msg) + "')" : "()"; }
}  // namespace

std::string describe_exception(const std::exception_ptr& e) {
    if (!e) return "None";
    try {
        std::rethrow_exception(e);
    } catch (const ForeignException& x) {
        return x.repr();
    } catch (const CancelledError& x) {
        return "CancelledError" + quoted(x.what());
    } catch (const TimeoutError& x) {
        return "TimeoutError" + quoted(x.what());
    } catch (const InvalidStateError& x) {
        return "InvalidStateError" + quoted(x.what());
    } catch (const RuntimeError& x) {
        return "RuntimeError" + quoted(x.what());
    } catch (const ValueError& x) {
        return "ValueError" + quoted(x.what());
    } catch (const ExceptionGroup& x) {
        return "ExceptionGroup('" + x.message() + "', " + std::to_string(x.exceptions().size()) + " sub-exceptions)";
    } catch (const std::exception& x) {
        std::string name = demangle(typeid(x).name());
        if (name.rfind("aio::", 0) == 0) name = name.substr(5);
        return name + quoted(x.what());
    } catch (...) {
        return "unknown exception";
    }
}

}  // namespace aio
