// codecs.cpp — str.encode / bytes.decode for utf-8, ascii and latin-1 with
// CPython's error handlers (strict, ignore, replace, backslashreplace,
// surrogateescape; xmlcharrefreplace when encoding) and its
// UnicodeDecodeError / UnicodeEncodeError (args: encoding, object, start,
// end, reason; str() as CPython words it).
//
// Strings are UTF-8 inside; a lone surrogate (from surrogateescape) is kept
// as its 3-byte generalized UTF-8 form, which strict utf-8 refuses to encode.
#include <cstring>

#include "compile/unicode.hpp"
#include "objects/bytes.hpp"
#include "objects/runtime.hpp"

namespace aio::script {

namespace {

enum class Codec { Utf8, Ascii, Latin1, Unknown, Unsupported };

Codec lookup(std::string_view name, std::string& canonical) {
    std::string n;
    for (char c : name) n += (c == '_' || c == ' ') ? '-' : static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    if (n == "utf-8" || n == "utf8" || n == "u8" || n == "utf" || n == "cp65001") {
        canonical = "utf-8";
        return Codec::Utf8;
    }
    if (n == "ascii" || n == "us-ascii" || n == "646" || n == "us") {
        canonical = "ascii";
        return Codec::Ascii;
    }
    if (n == "latin-1" || n == "latin1" || n == "latin" || n == "iso-8859-1" || n == "iso8859-1" || n == "8859" ||
        n == "cp819" || n == "l1" || n == "iso-ir-100") {
        canonical = "latin-1";
        return Codec::Latin1;
    }
    canonical = n;
    if (n.rfind("utf-16", 0) == 0 || n.rfind("utf-32", 0) == 0 || n.rfind("utf16", 0) == 0 ||
        n.rfind("utf32", 0) == 0 || n == "cp1252" || n == "utf-8-sig")
        return Codec::Unsupported;
    return Codec::Unknown;
}

bool check_codec(VM& vm, Codec c, std::string_view name, const std::string& canonical) {
    if (c == Codec::Unknown) {
        vm.raisef(vm.e_LookupError, "unknown encoding: %.*s", static_cast<int>(name.size()), name.data());
        return false;
    }
    if (c == Codec::Unsupported) {
        vm.raisef(vm.e_NotImplementedError, "the '%s' codec is not implemented in this interpreter", canonical.c_str());
        return false;
    }
    return true;
}

enum class Handler { Strict, Ignore, Replace, BackslashReplace, SurrogateEscape, XmlCharRefReplace, Unknown };

Handler handler_of(std::string_view e, bool encoding) {
    if (e == "strict") return Handler::Strict;
    if (e == "ignore") return Handler::Ignore;
    if (e == "replace") return Handler::Replace;
    if (e == "backslashreplace") return Handler::BackslashReplace;
    if (e == "surrogateescape") return Handler::SurrogateEscape;
    if (encoding && e == "xmlcharrefreplace") return Handler::XmlCharRefReplace;
    return Handler::Unknown;
}

Value raise_unicode_error(VM& vm, TypeObject* t, const std::string& enc, Value object, int64_t start, int64_t end,
                          const char* reason) {
    Value args = vm.tuple({vm.str(enc), std::move(object), Value::integer(start), Value::integer(end), vm.str(reason)});
    Value e = vm.new_exception(t, args);
    if (e.is_null()) return e;
    return vm.raise_value(e);
}

bool unknown_handler(VM& vm, std::string_view errors) {
    vm.raisef(vm.e_LookupError, "unknown error handler name '%.*s'", static_cast<int>(errors.size()), errors.data());
    return false;
}

// One UTF-8 sequence at s[i]: its code point and length, or the reason it is
// invalid and how many bytes the error covers (CPython's decoder rules).
bool utf8_step(std::string_view s, size_t i, uint32_t& cp, size_t& len, const char*& reason) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        cp = c;
        len = 1;
        return true;
    }
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        reason = "invalid start byte";
        len = 1;
        return false;
    }
    cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (size_t k = 1; k < n; ++k) {
        if (i + k >= s.size()) {
            reason = "unexpected end of data";
            len = k;
            return false;
        }
        unsigned char d = static_cast<unsigned char>(s[i + k]);
        unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
        if (d < l || d > h) {
            reason = "invalid continuation byte";
            len = k;
            return false;
        }
        cp = (cp << 6) | (d & 0x3F);
    }
    len = n;
    return true;
}

void append_escape(std::string& out, uint32_t v, bool xml) {
    char buf[16];
    if (xml)
        std::snprintf(buf, sizeof buf, "&#%u;", v);
    else if (v < 0x100)
        std::snprintf(buf, sizeof buf, "\\x%02x", v);
    else if (v < 0x10000)
        std::snprintf(buf, sizeof buf, "\\u%04x", v);
    else
        std::snprintf(buf, sizeof buf, "\\U%08x", v);
    out += buf;
}

}  // namespace

Value codec_decode(VM& vm, std::string_view data, std::string_view encoding, std::string_view errors) {
    std::string enc;
    Codec c = lookup(encoding, enc);
    if (!check_codec(vm, c, encoding, enc)) return Value();
    Handler h = handler_of(errors, false);
    if (!vm.reserve_memory(data.size() * 3)) return Value();
    std::string out;
    out.reserve(data.size());
    size_t i = 0;
    while (i < data.size()) {
        uint32_t cp = 0;
        size_t len = 1;
        const char* reason = nullptr;
        bool ok;
        unsigned char b = static_cast<unsigned char>(data[i]);
        if (c == Codec::Utf8) {
            ok = utf8_step(data, i, cp, len, reason);
        } else if (c == Codec::Ascii) {
            ok = b < 0x80;
            cp = b;
            reason = "ordinal not in range(128)";
        } else {
            ok = true;
            cp = b;
        }
        if (ok) {
            utf8::append(out, cp);
            i += len;
            continue;
        }
        switch (h) {
        case Handler::Strict:
        case Handler::Unknown:
        case Handler::XmlCharRefReplace:
            if (h != Handler::Strict) return unknown_handler(vm, errors), Value();
            return raise_unicode_error(vm, vm.e_UnicodeDecodeError, enc, new_bytes(vm, data), static_cast<int64_t>(i),
                                       static_cast<int64_t>(i + len), reason);
        case Handler::Ignore:
            break;
        case Handler::Replace:
            utf8::append(out, 0xFFFD);
            break;
        case Handler::BackslashReplace:
            for (size_t k = 0; k < len; ++k) append_escape(out, static_cast<unsigned char>(data[i + k]), false);
            break;
        case Handler::SurrogateEscape:
            for (size_t k = 0; k < len; ++k) utf8::append(out, 0xDC00 + static_cast<unsigned char>(data[i + k]));
            break;
        }
        i += len;
    }
    return vm.str(out);
}

Value codec_encode(VM& vm, const Value& strv, std::string_view encoding, std::string_view errors) {
    std::string enc;
    Codec c = lookup(encoding, enc);
    if (!check_codec(vm, c, encoding, enc)) return Value();
    std::string_view s = as_str(strv)->view();
    if (c == Codec::Utf8 && as_str(strv)->m_ascii) return new_bytes(vm, s);
    uint32_t limit = c == Codec::Ascii ? 0x80 : c == Codec::Latin1 ? 0x100 : 0x110000;
    const char* reason = c == Codec::Ascii    ? "ordinal not in range(128)"
                         : c == Codec::Latin1 ? "ordinal not in range(256)"
                                              : "surrogates not allowed";
    // Code points first: errors are reported in code point positions.
    std::vector<uint32_t> cps;
    for (size_t p = 0; p < s.size();) cps.push_back(utf8::next(s, &p));
    auto bad = [&](uint32_t cp) { return cp >= limit || (cp >= 0xD800 && cp <= 0xDFFF); };
    Handler h = handler_of(errors, true);
    if (!vm.reserve_memory(s.size() * 2)) return Value();
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < cps.size();) {
        uint32_t cp = cps[i];
        if (!bad(cp)) {
            if (c == Codec::Utf8)
                utf8::append(out, cp);
            else
                out += static_cast<char>(cp);
            ++i;
            continue;
        }
        size_t j = i;
        while (j < cps.size() && bad(cps[j])) ++j;
        switch (h) {
        case Handler::Strict:
        case Handler::Unknown:
            if (h == Handler::Unknown) return unknown_handler(vm, errors), Value();
            return raise_unicode_error(vm, vm.e_UnicodeEncodeError, enc, strv, static_cast<int64_t>(i),
                                       static_cast<int64_t>(j), reason);
        case Handler::Ignore:
            break;
        case Handler::Replace:
            out.append(j - i, '?');
            break;
        case Handler::BackslashReplace:
        case Handler::XmlCharRefReplace:
            for (size_t k = i; k < j; ++k) append_escape(out, cps[k], h == Handler::XmlCharRefReplace);
            break;
        case Handler::SurrogateEscape:
            for (size_t k = i; k < j; ++k) {
                if (cps[k] < 0xDC80 || cps[k] > 0xDCFF)
                    return raise_unicode_error(vm, vm.e_UnicodeEncodeError, enc, strv, static_cast<int64_t>(k),
                                               static_cast<int64_t>(k + 1), reason);
                out += static_cast<char>(cps[k] - 0xDC00);
            }
            break;
        }
        i = j;
    }
    return new_bytes(vm, out);
}

Value unicode_error_str(VM& vm, ExceptionObject* e) {
    bool dec = VM::is_subtype(e->m_type, vm.e_UnicodeDecodeError);
    bool encd = VM::is_subtype(e->m_type, vm.e_UnicodeEncodeError);
    if (!dec && !encd) return Value();
    auto* args = e->m_args.as<TupleObject>();
    if (args->m_size != 5) return Value();
    Value* it = args->items();
    if (!is_str(it[0]) || !it[2].is_intlike() || !it[3].is_intlike() || !is_str(it[4])) return Value();
    int64_t start = it[2].as_intlike(), end = it[3].as_intlike();
    std::string enc = as_str(it[0])->str(), reason = as_str(it[4])->str();
    char buf[160];
    if (dec) {
        std::string_view data;
        std::string scratch;
        if (!bytes_like(vm, it[1], data, scratch)) return Value();
        if (end == start + 1 && start >= 0 && static_cast<size_t>(start) < data.size())
            std::snprintf(buf, sizeof buf, "'%s' codec can't decode byte 0x%02x in position %lld: ", enc.c_str(),
                          static_cast<unsigned char>(data[start]), static_cast<long long>(start));
        else
            std::snprintf(buf, sizeof buf, "'%s' codec can't decode bytes in position %lld-%lld: ", enc.c_str(),
                          static_cast<long long>(start), static_cast<long long>(end - 1));
        return vm.str(std::string(buf) + reason);
    }
    if (!is_str(it[1])) return Value();
    std::string_view s = as_str(it[1])->view();
    if (end == start + 1 && start >= 0 && static_cast<size_t>(start) < as_str(it[1])->m_length) {
        size_t p = utf8::offset(s, static_cast<size_t>(start));
        uint32_t cp = utf8::next(s, &p);
        std::string esc;
        append_escape(esc, cp, false);
        std::snprintf(buf, sizeof buf, "'%s' codec can't encode character '%s' in position %lld: ", enc.c_str(),
                      esc.c_str(), static_cast<long long>(start));
    } else {
        std::snprintf(buf, sizeof buf, "'%s' codec can't encode characters in position %lld-%lld: ", enc.c_str(),
                      static_cast<long long>(start), static_cast<long long>(end - 1));
    }
    return vm.str(std::string(buf) + reason);
}

namespace {

template <int I>
Value ue_arg(VM& vm, Value* a, int, TupleObject*, Value&) {
    auto* args = as_exc(a[0])->m_args.as<TupleObject>();
    if (args->m_size != 5) return vm.raise(vm.e_AttributeError, "attribute not set");
    return args->items()[I];
}

}  // namespace

void init_unicode_error_attrs(VM& vm) {
    for (TypeObject* t : {vm.e_UnicodeDecodeError, vm.e_UnicodeEncodeError}) {
        vm.add_property(t, "encoding", ue_arg<0>);
        vm.add_property(t, "object", ue_arg<1>);
        vm.add_property(t, "start", ue_arg<2>);
        vm.add_property(t, "end", ue_arg<3>);
        vm.add_property(t, "reason", ue_arg<4>);
    }
}

}  // namespace aio::script
