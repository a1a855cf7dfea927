// format.cpp — number formatting: float repr, format specs, %-formatting,
// str.format, and int()/float() parsing of strings.
//
// Contents
//   [SECTION] float repr (shortest round-trip, CPython's 'r' mode)
//   [SECTION] The format-spec mini-language
//   [SECTION] printf-style (%) formatting
//   [SECTION] str.format
//   [SECTION] Parsing numbers from strings
#include <cstdio>
#include <cstdlib>
#include <charconv>
#include <cmath>
#include <cctype>
#include <cstring>

#include "objects/runtime.hpp"
#include "compile/unicode.hpp"

namespace aio::script {

// [SECTION] float repr

namespace {

// The decimal digits one unit in the last place up (+1) or down (-1) from
// `digits` (no leading zero), keeping their count; `exp` follows a carry.
std::string neighbour(std::string digits, int& exp, int delta) {
    int i = static_cast<int>(digits.size()) - 1;
    if (delta > 0) {
        while (i >= 0 && digits[i] == '9') digits[i--] = '0';
        if (i < 0) {
            digits.insert(digits.begin(), '1');
            digits.pop_back();
            ++exp;
        } else {
            ++digits[i];
        }
    } else {
        while (i >= 0 && digits[i] == '0') digits[i--] = '9';
        if (i >= 0) --digits[i];
        if (digits[0] == '0') {  // 1000 - 1: one digit fewer before the point
            digits.erase(digits.begin());
            digits.push_back('9');
            --exp;
        }
    }
    return digits;
}

bool reads_back(const std::string& digits, int exp, double d) {
    std::string s = digits.substr(0, 1) + "." + digits.substr(1) + "e" + std::to_string(exp);
    return std::strtod(s.c_str(), nullptr) == d;
}

// Shortest round-trip digits and decimal point position: value = 0.DIGITS * 10^decpt.
void shortest_digits(double d, std::string& digits, int& decpt) {
    // The fewest significant digits that read back as the same double
    // (Python's repr). Written with snprintf: Emscripten 3.1.6's libc++ has no
    // floating-point std::to_chars. The correctly rounded n digits may miss
    // where a neighbour in the last digit reads back (2**-24 is
    // 5.9604644775390625e-08: 16 digits round half-even to ...062, but only
    // ...063 reads back), so each length tries both neighbours too.
    char buf[64];
    for (int precision = 0; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*e", precision, d);
        std::string s(buf);
        size_t e = s.find('e');
        int exp = std::atoi(s.c_str() + e + 1);
        digits.clear();
        for (size_t i = 0; i < e; ++i)
            if (s[i] >= '0' && s[i] <= '9') digits += s[i];
        bool found = std::strtod(buf, nullptr) == d;
        for (int delta : {1, -1}) {
            if (found || precision == 17) break;
            int nexp = exp;
            std::string n = neighbour(digits, nexp, delta);
            if (reads_back(n, nexp, d)) {
                digits = n;
                exp = nexp;
                found = true;
            }
        }
        if (found || precision == 17) {
            while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
            decpt = exp + 1;
            return;
        }
    }
}

}  // namespace

std::string float_repr(double d) {
    if (std::isnan(d)) return "nan";
    if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
    if (d == 0.0) return std::signbit(d) ? "-0.0" : "0.0";
    std::string out;
    if (d < 0) {
        out += '-';
        d = -d;
    }
    std::string digits;
    int decpt;
    shortest_digits(d, digits, decpt);
    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0) {
            out += "0.";
            out.append(-decpt, '0');
            out += digits;
        } else if (decpt >= static_cast<int>(digits.size())) {
            out += digits;
            out.append(decpt - digits.size(), '0');
            out += ".0";
        } else {
            out += digits.substr(0, decpt);
            out += '.';
            out += digits.substr(decpt);
        }
    } else {
        out += digits[0];
        if (digits.size() > 1) {
            out += '.';
            out += digits.substr(1);
        }
        int e = decpt - 1;
        char buf[16];
        std::snprintf(buf, sizeof buf, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
        out += buf;
    }
    return out;
}

// [SECTION] The format-spec mini-language

namespace {

struct Spec {
    std::string fill = " ";
    char align = 0;  // < > ^ =
    char sign = 0;   // + - space
    bool alt = false;
    bool zero = false;
    int64_t width = -1;
    char grouping = 0;  // , or _
    int64_t precision = -1;
    char type = 0;
};

// Reads the decimal digits at s[i...] into out (CPython's get_integer):
// past Py_ssize_t it is "Too many decimal digits", not a wrapped value.
bool parse_decimal(VM& vm, std::string_view s, size_t& i, int64_t& out) {
    out = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        int d = s[i++] - '0';
        if (out > (INT64_MAX - d) / 10) {
            vm.raise(vm.e_ValueError, "Too many decimal digits in format string");
            return false;
        }
        out = out * 10 + d;
    }
    return true;
}

bool parse_spec(VM& vm, std::string_view s, Spec& sp, const char* for_type) {
    size_t i = 0;
    auto is_align = [](char c) { return c == '<' || c == '>' || c == '^' || c == '='; };
    // fill+align: the fill may be any (UTF-8) character.
    if (!s.empty()) {
        size_t l = utf8::seq_len(static_cast<unsigned char>(s[0]));
        if (l < s.size() && is_align(s[l])) {
            sp.fill = std::string(s.substr(0, l));
            sp.align = s[l];
            i = l + 1;
        } else if (is_align(s[0])) {
            sp.align = s[0];
            i = 1;
        }
    }
    if (i < s.size() && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) sp.sign = s[i++];
    if (i < s.size() && s[i] == 'z') ++i;
    if (i < s.size() && s[i] == '#') {
        sp.alt = true;
        ++i;
    }
    if (i < s.size() && s[i] == '0') {
        sp.zero = true;
        ++i;
    }
    if (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        if (!parse_decimal(vm, s, i, sp.width)) return false;
    }
    if (i < s.size() && (s[i] == ',' || s[i] == '_')) sp.grouping = s[i++];
    if (i < s.size() && s[i] == '.') {
        ++i;
        if (i >= s.size() || !(s[i] >= '0' && s[i] <= '9')) {
            vm.raise(vm.e_ValueError, "Format specifier missing precision");
            return false;
        }
        if (!parse_decimal(vm, s, i, sp.precision)) return false;
    }
    if (i < s.size()) sp.type = s[i++];
    if (i < s.size()) {
        vm.raise(vm.e_ValueError, "Invalid format specifier");
        return false;
    }
    if (sp.zero && !sp.align) {
        sp.fill = "0";
        sp.align = '=';
    }
    // The result is at least `width` fills long: refuse before building it,
    // as CPython's MemoryError does, not after filling what the limit forbids.
    if (sp.width > 0 && !vm.reserve_memory(static_cast<size_t>(sp.width) * sp.fill.size())) return false;
    (void)for_type;
    return true;
}

std::string group_digits(const std::string& digits, char sep, int every) {
    if (!sep) return digits;
    std::string out;
    int n = static_cast<int>(digits.size());
    for (int i = 0; i < n; ++i) {
        out += digits[i];
        int left = n - 1 - i;
        if (left > 0 && left % every == 0) out += sep;
    }
    return out;
}

// `n` copies of the (UTF-8) fill, built in one allocation: widths reach the
// memory limit (tens of MB), which a character at a time would take seconds for.
std::string repeat_fill(const std::string& fill, int64_t n) {
    std::string out;
    if (n <= 0) return out;
    if (fill.size() == 1) return std::string(static_cast<size_t>(n), fill[0]);
    out.reserve(static_cast<size_t>(n) * fill.size());
    for (int64_t i = 0; i < n; ++i) out.append(fill);
    return out;
}

// Pads `body` (already signed/prefixed pieces) to the spec's width.
std::string pad(const Spec& sp, const std::string& sign_prefix, const std::string& body, char def_align) {
    char align = sp.align ? sp.align : def_align;
    int64_t len = static_cast<int64_t>(utf8::count(sign_prefix) + utf8::count(body));
    if (sp.width <= len) return sign_prefix + body;
    int64_t padn = sp.width - len;
    int64_t left = 0;  // fills before the text; the rest go after it (or between for '=')
    switch (align) {
    case '<':
        break;
    case '>':
    case '=':
        left = padn;
        break;
    default:
        left = padn / 2;
    }
    std::string out;
    out.reserve(sign_prefix.size() + body.size() + static_cast<size_t>(padn) * sp.fill.size());
    if (align == '=') {
        out += sign_prefix;
        out += repeat_fill(sp.fill, left);
    } else {
        out += repeat_fill(sp.fill, left);
        out += sign_prefix;
    }
    out += body;
    out += repeat_fill(sp.fill, padn - left);
    return out;
}

// Formats a finite or special double per type/precision (no sign, no padding).
std::string float_body(double v, char type, int64_t prec, bool alt, bool& is_special) {
    is_special = false;
    if (std::isnan(v) || std::isinf(v)) {
        is_special = true;
        std::string s = std::isnan(v) ? "nan" : "inf";
        if (type == 'E' || type == 'F' || type == 'G')
            for (auto& c : s) c = static_cast<char>(c - 32);
        return s;
    }
    char buf[512];
    switch (type) {
    case 'e':
    case 'E':
    case 'f':
    case 'F': {
        if (prec < 0) prec = 6;
        if (prec > 300) prec = 300;
        char fmt[16];
        std::snprintf(fmt, sizeof fmt, "%%%s.*%c", alt ? "#" : "", type);
        std::snprintf(buf, sizeof buf, fmt, static_cast<int>(prec), v);
        return buf;
    }
    case '%': {
        if (prec < 0) prec = 6;
        std::snprintf(buf, sizeof buf, alt ? "%#.*f" : "%.*f", static_cast<int>(prec), v * 100);
        return std::string(buf) + "%";
    }
    case 'g':
    case 'G':
    case 'n': {
        if (prec < 0) prec = 6;
        if (prec == 0) prec = 1;
        char fmt[16];
        std::snprintf(fmt, sizeof fmt, "%%%s.*%c", alt ? "#" : "", type == 'G' ? 'G' : 'g');
        std::snprintf(buf, sizeof buf, fmt, static_cast<int>(prec), v);
        return buf;
    }
    default: {  // no type
        if (prec < 0) return float_repr(v);
        if (prec == 0) prec = 1;
        std::snprintf(buf, sizeof buf, "%.*g", static_cast<int>(prec), v);
        std::string s = buf;
        if (s.find('.') == std::string::npos && s.find('e') == std::string::npos &&
            s.find("inf") == std::string::npos && s.find("nan") == std::string::npos)
            s += ".0";
        return s;
    }
    }
}

}  // namespace

bool int_digits(VM& vm, const Value& v, int base, bool upper, std::string& digits, bool& neg) {
    if (v.is_intlike()) {
        int64_t x = v.as_intlike();
        neg = x < 0;
        uint64_t mag = neg ? -static_cast<uint64_t>(x) : static_cast<uint64_t>(x);
        const char* set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        char buf[72];
        char* p = buf + sizeof buf;
        do {
            *--p = set[mag % static_cast<unsigned>(base)];
            mag /= static_cast<unsigned>(base);
        } while (mag);
        digits.assign(p, buf + sizeof buf);
        return true;
    }
    BigInt b;
    if (!to_bigint(v, b)) return false;
    neg = b.is_neg();
    digits.clear();
    if (base == 10) {  // str()'s digit limit applies to decimal only, as in CPython
        if (!int_to_decimal(vm, v, digits)) return false;
        if (neg) digits.erase(0, 1);
        return true;
    }
    digits = b.abs().to_string(base);
    if (upper)
        for (char& c : digits) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return true;
}

bool format_int(VM& vm, const Value& v, std::string_view spec, std::string& out) {
    bool neg;
    if (spec.empty()) {
        if (!int_digits(vm, v, 10, false, out, neg)) return false;
        if (neg) out.insert(0, 1, '-');
        return true;
    }
    Spec sp;
    if (!parse_spec(vm, spec, sp, "int")) return false;
    char t = sp.type;
    if (t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == '%') {
        double d;
        if (v.is_intlike())
            d = static_cast<double>(v.as_intlike());
        else if (!int_to_double(vm, v, d))
            return false;
        return format_float(vm, d, spec, out);
    }
    if (sp.precision >= 0) {
        vm.raise(vm.e_ValueError, "Precision not allowed in integer format specifier");
        return false;
    }
    if (t == 'c') {
        if (!v.is_intlike()) {
            vm.raise(vm.e_OverflowError, "Python int too large to convert to C long");
            return false;
        }
        std::string body;
        utf8::append(body, static_cast<uint32_t>(v.as_intlike()));
        out = pad(sp, "", body, '<');
        return true;
    }
    std::string digits, prefix;
    int every = 4, base;
    switch (t) {
    case 0:
    case 'd':
    case 'n':
        base = 10;
        every = 3;
        break;
    case 'x':
    case 'X':
        base = 16;
        if (sp.alt) prefix = t == 'x' ? "0x" : "0X";
        break;
    case 'o':
        base = 8;
        if (sp.alt) prefix = "0o";
        break;
    case 'b':
        base = 2;
        if (sp.alt) prefix = "0b";
        break;
    default:
        vm.raisef(vm.e_ValueError, "Unknown format code '%c' for object of type 'int'", t);
        return false;
    }
    if (!int_digits(vm, v, base, t == 'X', digits, neg)) return false;
    std::string sign = neg ? "-" : sp.sign == '+' ? "+" : sp.sign == ' ' ? " " : "";
    if (sp.grouping) {
        if (sp.align == '=' && sp.fill == "0" && sp.width > 0) {
            // Zero padding is grouped too: the digit count whose grouped form
            // fills the room, found by arithmetic (widths reach millions).
            int64_t room = sp.width - static_cast<int64_t>(sign.size() + prefix.size());
            int64_t d = static_cast<int64_t>(digits.size());
            while (d + (d - 1) / every < room) ++d;
            digits.insert(0, static_cast<size_t>(d) - digits.size(), '0');
            out = sign + prefix + group_digits(digits, sp.grouping, every);
            return true;
        }
        digits = group_digits(digits, sp.grouping, every);
    }
    out = pad(sp, sign + prefix, digits, '>');
    return true;
}

bool format_float(VM& vm, double v, std::string_view spec, std::string& out) {
    if (spec.empty()) {
        out = float_repr(v);
        return true;
    }
    Spec sp;
    if (!parse_spec(vm, spec, sp, "float")) return false;
    if (sp.precision > INT32_MAX) {
        vm.raise(vm.e_ValueError, "precision too big");
        return false;
    }
    // A float's digits come to at least `precision` characters.
    if (sp.precision > 0 && !vm.reserve_memory(static_cast<size_t>(sp.precision))) return false;
    char t = sp.type;
    if (t && t != 'e' && t != 'E' && t != 'f' && t != 'F' && t != 'g' && t != 'G' && t != '%' && t != 'n') {
        vm.raisef(vm.e_ValueError, "Unknown format code '%c' for object of type 'float'", t);
        return false;
    }
    bool neg = std::signbit(v) && !std::isnan(v);
    bool special;
    std::string body = float_body(neg ? -v : v, t, sp.precision, sp.alt, special);
    if (sp.grouping && !special) {
        size_t end = body.find_first_not_of("0123456789");
        std::string ip = body.substr(0, end);
        std::string rest = end == std::string::npos ? "" : body.substr(end);
        body = group_digits(ip, sp.grouping, 3) + rest;
    }
    std::string sign = neg ? "-" : sp.sign == '+' ? "+" : sp.sign == ' ' ? " " : "";
    Spec s2 = sp;
    if (special && s2.fill == "0" && !spec.empty() && s2.align == '=') s2.fill = " ";
    out = pad(s2, sign, body, '>');
    return true;
}

bool format_str(VM& vm, std::string_view s, std::string_view spec, std::string& out) {
    Spec sp;
    if (!parse_spec(vm, spec, sp, "str")) return false;
    if (sp.type && sp.type != 's') {
        vm.raisef(vm.e_ValueError, "Unknown format code '%c' for object of type 'str'", sp.type);
        return false;
    }
    if (sp.sign) {
        vm.raise(vm.e_ValueError, "Sign not allowed in string format specifier");
        return false;
    }
    if (sp.align == '=') {
        vm.raise(vm.e_ValueError, "'=' alignment not allowed in string format specifier");
        return false;
    }
    std::string body(s);
    if (sp.precision >= 0 && static_cast<size_t>(sp.precision) < utf8::count(body))
        body = body.substr(0, utf8::offset(body, sp.precision));
    out = pad(sp, "", body, '<');
    return true;
}

// [SECTION] printf-style formatting

Value percent_format(VM& vm, StrObject* fmt, const Value& args) {
    std::string_view f = fmt->view();
    std::vector<Value> items;
    bool is_tuple = is_kind(args, ObjKind::Tuple);
    if (is_tuple) {
        auto* t = args.as<TupleObject>();
        items.assign(t->items(), t->items() + t->m_size);
    } else {
        items.push_back(args);
    }
    bool is_mapping = !is_tuple && (is_kind(args, ObjKind::Dict) ||
                                    (vm.type_of(args)->m_tflags & TF_HEAPTYPE &&
                                     !vm.type_lookup(vm.type_of(args), vm.names().d_getitem).is_null()));
    size_t argi = 0;
    bool used_mapping = false;
    std::string out;
    auto next_arg = [&](Value& v) -> bool {
        if (argi >= items.size()) {
            vm.raise(vm.e_TypeError, "not enough arguments for format string");
            return false;
        }
        v = items[argi++];
        return true;
    };
    for (size_t i = 0; i < f.size(); ++i) {
        char c = f[i];
        if (c != '%') {
            out += c;
            continue;
        }
        size_t start = i;
        if (++i >= f.size()) return vm.raise(vm.e_ValueError, "incomplete format");
        Value arg;
        bool have_arg = false;
        if (f[i] == '(') {
            size_t close = f.find(')', i);
            if (close == std::string_view::npos) return vm.raise(vm.e_ValueError, "incomplete format key");
            if (!is_mapping) return vm.raise(vm.e_TypeError, "format requires a mapping");
            Value key = vm.str(f.substr(i + 1, close - i - 1));
            arg = vm.getitem(args, key);
            if (arg.is_null()) return Value();
            have_arg = true;
            used_mapping = true;
            i = close + 1;
        }
        Spec sp;
        bool left = false, plus = false, space = false, alt = false, zero = false;
        for (; i < f.size(); ++i) {
            char fl = f[i];
            if (fl == '-')
                left = true;
            else if (fl == '+')
                plus = true;
            else if (fl == ' ')
                space = true;
            else if (fl == '#')
                alt = true;
            else if (fl == '0')
                zero = true;
            else
                break;
        }
        int64_t width = -1, prec = -1;
        if (i < f.size() && f[i] == '*') {
            Value w;
            if (!next_arg(w)) return Value();
            if (!w.is_intlike()) return vm.raise(vm.e_TypeError, "* wants int");
            width = w.as_intlike();
            if (width < 0) {
                left = true;
                width = -width;
            }
            ++i;
        } else {
            while (i < f.size() && f[i] >= '0' && f[i] <= '9') {
                int d = f[i++] - '0';
                if (width > (INT64_MAX - d) / 10) return vm.raise(vm.e_ValueError, "width too big");
                width = (width < 0 ? 0 : width) * 10 + d;
            }
        }
        if (i < f.size() && f[i] == '.') {
            ++i;
            prec = 0;
            if (i < f.size() && f[i] == '*') {
                Value p;
                if (!next_arg(p)) return Value();
                if (!p.is_intlike()) return vm.raise(vm.e_TypeError, "* wants int");
                prec = p.as_intlike();
                ++i;
            } else {
                while (i < f.size() && f[i] >= '0' && f[i] <= '9') {
                    int d = f[i++] - '0';
                    if (prec > (INT32_MAX - d) / 10) return vm.raise(vm.e_ValueError, "precision too big");
                    prec = prec * 10 + d;
                }
            }
        }
        // Refused before the padding is built (CPython: MemoryError).
        if (width > 0 && !vm.reserve_memory(static_cast<size_t>(width))) return Value();
        while (i < f.size() && (f[i] == 'l' || f[i] == 'h' || f[i] == 'L')) ++i;
        if (i >= f.size()) return vm.raise(vm.e_ValueError, "incomplete format");
        char conv = f[i];
        if (conv == '%') {
            out += '%';
            continue;
        }
        if (!have_arg && !next_arg(arg)) return Value();
        std::string body, sign;
        switch (conv) {
        case 's':
        case 'r':
        case 'a': {
            Value s = conv == 's' ? vm.to_str(arg) : vm.repr(arg);
            if (s.is_null()) return Value();
            body = as_str(s)->str();
            if (prec >= 0 && static_cast<size_t>(prec) < utf8::count(body))
                body = body.substr(0, utf8::offset(body, prec));
            zero = false;
            break;
        }
        case 'd':
        case 'i':
        case 'u':
        case 'x':
        case 'X':
        case 'o': {
            Value iv;
            if (arg.is_float()) {
                if (conv == 'x' || conv == 'X' || conv == 'o')
                    return vm.raisef(vm.e_TypeError, "%%%c format: an integer is required, not float", conv);
                iv = int_from_float(vm, arg.as_float());
                if (iv.is_null()) return Value();
            } else if (is_int_value(arg)) {
                iv = arg;
            } else if (conv != 'x' && conv != 'X' && conv != 'o' &&
                       !vm.type_lookup(vm.type_of(arg), vm.names().d_int).is_null()) {
                // %d, %i and %u take __int__ (CPython's PyNumber_Long); %x and %o only __index__.
                iv = vm.call(vm.type_lookup(vm.type_of(arg), vm.names().d_int), {arg});
                if (iv.is_null()) return Value();
                if (!is_int_value(iv))
                    return vm.raisef(vm.e_TypeError, "__int__ returned non-int (type %s)", type_name(iv).c_str());
            } else {
                int64_t i;
                if (!vm.index_of(arg, i)) {
                    if (vm.has_exc()) return Value();
                    if (conv == 'x' || conv == 'X' || conv == 'o')
                        return vm.raisef(vm.e_TypeError, "%%%c format: an integer is required, not %s", conv,
                                         type_name(arg).c_str());
                    return vm.raisef(vm.e_TypeError, "%%%c format: a real number is required, not %s", conv,
                                     type_name(arg).c_str());
                }
                iv = Value::integer(i);
            }
            bool neg;
            if (!int_digits(vm, iv, conv == 'x' || conv == 'X' ? 16 : conv == 'o' ? 8 : 10, conv == 'X', body, neg))
                return Value();
            if (prec > 0 && !vm.reserve_memory(static_cast<size_t>(prec))) return Value();
            if (prec >= 0 && static_cast<int64_t>(body.size()) < prec) body.insert(0, prec - body.size(), '0');
            if (alt && conv == 'x') body = "0x" + body;
            if (alt && conv == 'X') body = "0X" + body;
            if (alt && conv == 'o') body = "0o" + body;
            sign = neg ? "-" : plus ? "+" : space ? " " : "";
            break;
        }
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G': {
            double d;
            if (!vm.as_double(arg, d)) {
                vm.clear_exc();
                return vm.raisef(vm.e_TypeError, "must be real number, not %s", type_name(arg).c_str());
            }
            if (prec > 0 && !vm.reserve_memory(static_cast<size_t>(prec))) return Value();
            bool special;
            bool neg = std::signbit(d) && !std::isnan(d);
            body = float_body(neg ? -d : d, conv, prec < 0 ? 6 : prec, alt, special);
            if (special) zero = false;
            sign = neg ? "-" : plus ? "+" : space ? " " : "";
            break;
        }
        case 'c': {
            if (is_str(arg)) {
                if (as_str(arg)->m_length != 1) return vm.raise(vm.e_TypeError, "%c requires int or char");
                body = as_str(arg)->str();
            } else if (arg.is_intlike()) {
                utf8::append(body, static_cast<uint32_t>(arg.as_intlike()));
            } else {
                return vm.raise(vm.e_TypeError, "%c requires int or char");
            }
            zero = false;
            break;
        }
        default:
            return vm.raisef(vm.e_ValueError, "unsupported format character '%c' (0x%x) at index %zu", conv,
                             static_cast<unsigned>(static_cast<unsigned char>(conv)), i);
        }
        (void)start;
        int64_t len = static_cast<int64_t>(utf8::count(sign) + utf8::count(body));
        if (width > len) {
            int64_t n = width - len;
            if (left)
                out += sign + body + std::string(n, ' ');
            else if (zero)
                out += sign + std::string(n, '0') + body;
            else
                out += std::string(n, ' ') + sign + body;
        } else {
            out += sign + body;
        }
    }
    if (argi < items.size() && !used_mapping && !(is_mapping && argi == 0))
        return vm.raise(vm.e_TypeError, "not all arguments converted during string formatting");
    return vm.str(out);
}

// [SECTION] str.format

namespace {

struct FormatCtx {
    VM& vm;
    Value* args;
    int npos;
    TupleObject* kwnames;
    int auto_idx = 0;
    int mode = 0;  // 0 unknown, 1 automatic, 2 manual
};

bool format_field(FormatCtx& c, std::string_view field, std::string& out, int depth);

bool expand(FormatCtx& c, std::string_view s, std::string& out, int depth) {
    VM& vm = c.vm;
    if (depth > 2) {
        vm.raise(vm.e_ValueError, "Max string recursion exceeded");
        return false;
    }
    for (size_t i = 0; i < s.size(); ++i) {
        char ch = s[i];
        if (ch == '{') {
            if (i + 1 < s.size() && s[i + 1] == '{') {
                out += '{';
                ++i;
                continue;
            }
            // Find the matching '}' (fields may nest one level in the spec).
            int d = 1;
            size_t j = i + 1;
            for (; j < s.size(); ++j) {
                if (s[j] == '{')
                    ++d;
                else if (s[j] == '}' && --d == 0)
                    break;
            }
            if (j >= s.size()) {
                vm.raise(vm.e_ValueError, d > 1 ? "unmatched '{' in format spec" : "expected '}' before end of string");
                return false;
            }
            if (!format_field(c, s.substr(i + 1, j - i - 1), out, depth)) return false;
            i = j;
        } else if (ch == '}') {
            if (i + 1 < s.size() && s[i + 1] == '}') {
                out += '}';
                ++i;
                continue;
            }
            vm.raise(vm.e_ValueError, "Single '}' encountered in format string");
            return false;
        } else {
            out += ch;
        }
    }
    return true;
}

bool format_field(FormatCtx& c, std::string_view field, std::string& out, int depth) {
    VM& vm = c.vm;
    // field_name [! conversion] [: format_spec]
    size_t k = 0;
    int br = 0;
    for (; k < field.size(); ++k) {
        if (field[k] == '[')
            ++br;
        else if (field[k] == ']')
            --br;
        else if (br == 0 && (field[k] == '!' || field[k] == ':'))
            break;
    }
    std::string_view name = field.substr(0, k);
    // CPython's parse_field: a '{' outside [] in the field name is an error.
    for (size_t q = 0, b = 0; q < name.size(); ++q) {
        if (name[q] == '[')
            ++b;
        else if (name[q] == ']' && b)
            --b;
        else if (name[q] == '{' && !b) {
            vm.raise(vm.e_ValueError, "unexpected '{' in field name");
            return false;
        }
    }
    char conv = 0;
    std::string_view spec;
    if (k < field.size() && field[k] == '!') {
        if (k + 1 >= field.size()) {
            vm.raise(vm.e_ValueError, "end of string while looking for conversion specifier");
            return false;
        }
        conv = field[k + 1];
        k += 2;
        if (k < field.size() && field[k] != ':') {
            vm.raise(vm.e_ValueError, "expected ':' after conversion specifier");
            return false;
        }
    }
    if (k < field.size() && field[k] == ':') spec = field.substr(k + 1);
    // The first part: empty (auto), digits, or an identifier.
    size_t p = 0;
    while (p < name.size() && name[p] != '.' && name[p] != '[') ++p;
    std::string_view first = name.substr(0, p);
    Value obj;
    // An all-digit name is an index; any other is a keyword ('0a' too).
    bool numeric = !first.empty() && first.find_first_not_of("0123456789") == std::string_view::npos;
    if (first.empty() || numeric) {
        int64_t idx;
        if (first.empty()) {
            if (c.mode == 2) {
                vm.raise(vm.e_ValueError, "cannot switch from manual field specification to automatic field numbering");
                return false;
            }
            c.mode = 1;
            idx = c.auto_idx++;
        } else {
            if (c.mode == 1) {
                vm.raise(vm.e_ValueError, "cannot switch from automatic field numbering to manual field specification");
                return false;
            }
            c.mode = 2;
            size_t at = 0;
            if (!parse_decimal(vm, first, at, idx)) return false;
        }
        if (idx >= c.npos) {
            vm.raisef(vm.e_IndexError, "Replacement index %lld out of range for positional args tuple",
                      static_cast<long long>(idx));
            return false;
        }
        obj = c.args[idx];
    } else {
        bool found = false;
        if (c.kwnames) {
            for (uint32_t i = 0; i < c.kwnames->m_size; ++i) {
                if (as_str(c.kwnames->items()[i])->view() == first) {
                    obj = c.args[c.npos + i];
                    found = true;
                    break;
                }
            }
        }
        if (!found) {
            vm.raise_args(vm.e_KeyError, vm.str(first));
            return false;
        }
    }
    // .attr and [key] accessors.
    while (p < name.size()) {
        if (name[p] == '.') {
            size_t q = p + 1;
            while (q < name.size() && name[q] != '.' && name[q] != '[') ++q;
            if (q == p + 1) {
                vm.raise(vm.e_ValueError, "Empty attribute in format string");
                return false;
            }
            obj = vm.getattr(obj, vm.intern(name.substr(p + 1, q - p - 1)));
            if (obj.is_null()) return false;
            p = q;
        } else {
            size_t q = name.find(']', p);
            if (q == std::string_view::npos) {
                vm.raise(vm.e_ValueError, "Missing ']' in format string");
                return false;
            }
            std::string_view key = name.substr(p + 1, q - p - 1);
            if (key.empty()) {
                vm.raise(vm.e_ValueError, "Empty attribute in format string");
                return false;
            }
            Value kv;
            bool digits = !key.empty() && key.find_first_not_of("0123456789") == std::string_view::npos;
            if (digits) {
                int64_t n;
                size_t at = 0;
                if (!parse_decimal(vm, key, at, n)) return false;
                kv = Value::integer(n);
            } else
                kv = vm.str(key);
            obj = vm.getitem(obj, kv);
            if (obj.is_null()) return false;
            p = q + 1;
            if (p < name.size() && name[p] != '.' && name[p] != '[') {
                vm.raise(vm.e_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
                return false;
            }
        }
    }
    if (conv) {
        if (conv == 's')
            obj = vm.to_str(obj);
        else if (conv == 'r' || conv == 'a')
            obj = vm.repr(obj);
        else {
            vm.raisef(vm.e_ValueError, "Unknown conversion specifier %c", conv);
            return false;
        }
        if (obj.is_null()) return false;
    }
    std::string spec_s;
    if (spec.find('{') != std::string_view::npos) {
        if (!expand(c, spec, spec_s, depth + 1)) return false;
    } else {
        spec_s = std::string(spec);
    }
    Value r = vm.format(obj, spec_s);
    if (r.is_null()) return false;
    out += as_str(r)->view();
    return true;
}

}  // namespace

Value str_format_method(VM& vm, StrObject* fmt, Value* args, int nargs, TupleObject* kwnames) {
    int nkw = kwnames ? static_cast<int>(kwnames->m_size) : 0;
    FormatCtx c{vm, args, nargs - nkw, kwnames};
    std::string out;
    if (!expand(c, fmt->view(), out, 0)) return Value();
    return vm.str(out);
}

// [SECTION] Parsing numbers from strings

Value int_from_string(VM& vm, std::string_view s0, int base) {
    std::string_view s = s0;
    auto bad = [&]() {
        return vm.raisef(vm.e_ValueError, "invalid literal for int() with base %d: %s", base, str_repr(s0).c_str());
    };
    while (!s.empty() && utf8::is_space(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && utf8::is_space(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    bool neg = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        neg = s[0] == '-';
        s.remove_prefix(1);
    }
    int b = base;
    if (s.size() >= 2 && s[0] == '0') {
        char p = static_cast<char>(s[1] | 0x20);
        int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            b = pb;
            s.remove_prefix(2);
            if (!s.empty() && s[0] == '_') s.remove_prefix(1);
        }
    }
    if (b == 0) {
        b = 10;
        if (s.size() > 1 && s[0] == '0' && s.find_first_not_of("0_") != std::string_view::npos) return bad();
    }
    if (s.empty()) return bad();
    uint64_t v = 0;
    bool prev_us = true, overflow = false;
    std::string digits;  // without underscores, for a value beyond 64 bits
    for (char ch : s) {
        if (ch == '_') {
            if (prev_us) return bad();
            prev_us = true;
            continue;
        }
        prev_us = false;
        int d = ch >= '0' && ch <= '9'                     ? ch - '0'
                : (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z' ? (ch | 0x20) - 'a' + 10
                                                           : 99;
        if (d >= b) return bad();
        digits.push_back(ch);
        if (v > (UINT64_MAX - d) / b) overflow = true;
        v = v * b + d;
    }
    if (prev_us) return bad();
    if (overflow || v > static_cast<uint64_t>(INT64_MAX) + (neg ? 1 : 0)) return int_from_digits(vm, digits, b, neg);
    if (neg) return Value::integer(static_cast<int64_t>(0 - v));
    return Value::integer(static_cast<int64_t>(v));
}

Value float_from_string(VM& vm, std::string_view s0) {
    std::string_view s = s0;
    while (!s.empty() && utf8::is_space(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && utf8::is_space(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    std::string t;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '_') {
            bool ok = i > 0 && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i - 1])) &&
                      std::isdigit(static_cast<unsigned char>(s[i + 1]));
            if (!ok) t += '!';
            continue;
        }
        t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    std::string_view body = t;
    bool neg = false;
    if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
        neg = body[0] == '-';
        body.remove_prefix(1);
    }
    double v;
    if (body == "inf" || body == "infinity") {
        v = INFINITY;
    } else if (body == "nan") {
        v = NAN;
    } else {
        bool ok = !body.empty();
        for (char c : body)
            if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'e' || c == '+' || c == '-'))
                ok = false;
        char* end = nullptr;
        std::string bs(body);
        v = ok ? std::strtod(bs.c_str(), &end) : 0;
        if (!ok || end != bs.c_str() + bs.size() || bs.empty())
            return vm.raisef(vm.e_ValueError, "could not convert string to float: %s", str_repr(s0).c_str());
    }
    return Value::real(neg ? -v : v);
}

}  // namespace aio::script
