// The parts of pyfmt.hpp that need the C++ runtime's type information.

#include "pyfmt.hpp"

#include <typeinfo>

#if defined(__GNUG__) || defined(__clang__)
#include <cxxabi.h>
#include <cstdlib>
#endif

namespace py {

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

// "aio::ValueError" -> "ValueError", "(anonymous namespace)::ConnectionError" -> "ConnectionError".
std::string unqualified(std::string name) {
    std::size_t colon = name.rfind("::");
    return colon == std::string::npos ? name : name.substr(colon + 2);
}
}  // namespace

std::string type_name(const std::exception_ptr& e) {
    if (!e) return "NoneType";
    try {
        std::rethrow_exception(e);
    } catch (const std::exception& x) {
        return unqualified(demangle(typeid(x).name()));
    } catch (...) {
#if defined(__GNUG__) || defined(__clang__)
        if (const std::type_info* t = abi::__cxa_current_exception_type()) return unqualified(demangle(t->name()));
#endif
        return "BaseException";
    }
}

std::string str(const std::exception_ptr& e) {
    if (!e) return "None";
    try {
        std::rethrow_exception(e);
    } catch (const std::exception& x) {
        return x.what();
    } catch (...) {
        return "";
    }
}

}  // namespace py
