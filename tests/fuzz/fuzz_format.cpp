// fuzz_format.cpp — libFuzzer target over the format mini-language:
// format(value, spec) for int, float and str; str.format; printf-style %;
// and f-strings compiled and run. The first byte picks the path, the rest is
// the spec or template (valid UTF-8 only: Python's str holds nothing else).
// ValueError, TypeError, KeyError, IndexError and MemoryError are ordinary
// outcomes; a crash, a hang (a width of 10**11 must fail at once), or a
// sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "compile/compiler.hpp"
#include "fuzz_limits.hpp"
#include "host/program.hpp"
#include "objects/runtime.hpp"

using namespace aio::script;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1 || size > 4096) return 0;
    const uint8_t mode = data[0] % 5;
    std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    if (!fuzz::valid_utf8(text)) return 0;
    if (mode == 4) {
        // An f-string over a few variables, run as a program.
        std::string src =
            "i = 255\nf = -1.5\ns = 'h\\u00e9llo'\nd = {'a': [1, 2]}\nprint(f'''" + std::string(text) + "''')\n";
        ScriptProgram::Options o;
        o.limits = fuzz::limits();
        o.virtual_clock = true;
        o.write = [](int, std::string_view) {};
        ScriptProgram prog(std::move(o));
        prog.start(src, "fuzz.py");
        for (int i = 0; i < 100 && prog.state() != ScriptProgram::State::finished; ++i) prog.step();
        if (prog.state() != ScriptProgram::State::finished) prog.stop();
        return 0;
    }
    VM vm(fuzz::limits());
    VMScope scope(vm);
    std::string out;
    switch (mode) {
    case 0:
        for (int64_t v : {int64_t(0), int64_t(255), int64_t(-7), INT64_MIN, INT64_MAX}) {
            (void)format_int(vm, Value::integer(v), text, out);
            vm.clear_exc();
        }
        // Big ints take format_int's other path (digits from BigInt).
        for (bool neg : {false, true}) {
            Value big = int_from_digits(vm, "123456789012345678901234567890", 10, neg);
            (void)format_int(vm, big, text, out);
            vm.clear_exc();
        }
        for (double v : {0.0, -1.5, 1e300, 5e-324, 1.0 / 0.0, 0.0 / 0.0}) {
            (void)format_float(vm, v, text, out);
            vm.clear_exc();
        }
        (void)format_str(vm, "h\xc3\xa9llo", text, out);
        break;
    case 1:
    case 2: {
        // str.format / % with positional values of several types, and a dict.
        Value fmt = vm.str(text);
        DictObject* d = vm.new_dict();
        Value dv = Value::steal(d);
        vm.dict_set_str(d, "a", Value::integer(1));
        vm.dict_set_str(d, "b", vm.str("x"));
        Value args[] = {Value::integer(255), Value::real(-1.5), vm.str("h\xc3\xa9"), dv, Value::none()};
        if (mode == 1) {
            (void)str_format_method(vm, fmt.as<StrObject>(), args, 5, nullptr);
        } else {
            (void)percent_format(vm, fmt.as<StrObject>(), vm.tuple({args[0], args[1], args[2]}));
            vm.clear_exc();
            (void)percent_format(vm, fmt.as<StrObject>(), dv);
        }
        break;
    }
    case 3:
        (void)vm.format(vm.str("h\xc3\xa9llo"), text);
        break;
    }
    vm.clear_exc();
    return 0;
}
