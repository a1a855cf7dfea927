// str.cpp — the str type: creation, interning, hashing, indexing, methods.
//
// Strings are immutable UTF-8 with a cached code-point length; an `ascii`
// flag lets the common case index by byte. Hashes are FNV-1a (CPython's are
// randomized per process, so no program can depend on their values).
#include <algorithm>
#include <cstring>

#include "objects/bytes.hpp"
#include "objects/runtime.hpp"
#include "compile/unicode.hpp"

namespace aio::script {

StrObject* VM::new_str(std::string_view s) {
    auto* o = alloc<StrObject>(t_str, ObjKind::Str, s.size() + 1);
    o->m_hash = -1;
    o->m_size = static_cast<uint32_t>(s.size());
    if (!s.empty()) std::memcpy(o->data(), s.data(), s.size());
    o->data()[s.size()] = 0;
    bool ascii = true;
    for (unsigned char c : s)
        if (c >= 0x80) {
            ascii = false;
            break;
        }
    o->m_ascii = ascii;
    o->m_length = ascii ? o->m_size : static_cast<uint32_t>(utf8::count(s));
    o->m_interned = false;
    return o;
}

StrObject* VM::intern(std::string_view s) {
    auto it = m_interned.find(s);
    if (it != m_interned.end()) return it->second;
    StrObject* o = new_str(s);
    o->m_interned = true;
    m_interned.emplace(o->view(), o);  // the table keeps the reference
    return o;
}

int64_t str_hash(StrObject* s) {
    if (s->m_hash != -1) return s->m_hash;
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s->view()) {
        h ^= c;
        h *= 1099511628211ull;
    }
    int64_t r = static_cast<int64_t>(h >> 1);
    if (r == -1) r = -2;
    s->m_hash = r;
    return r;
}

bool str_eq(const StrObject* a, const StrObject* b) {
    if (a == b) return true;
    if (a->m_size != b->m_size) return false;
    if (a->m_interned && b->m_interned) return false;
    if (a->m_hash != -1 && b->m_hash != -1 && a->m_hash != b->m_hash) return false;
    return std::memcmp(a->data(), b->data(), a->m_size) == 0;
}

int str_compare(const StrObject* a, const StrObject* b) {
    // UTF-8 byte order equals code point order.
    size_t n = std::min(a->m_size, b->m_size);
    int c = std::memcmp(a->data(), b->data(), n);
    if (c != 0) return c;
    return a->m_size < b->m_size ? -1 : a->m_size > b->m_size ? 1 : 0;
}

Value str_concat(VM& vm, StrObject* a, StrObject* b) {
    if (a->m_size == 0) return Value::object(b);
    if (b->m_size == 0) return Value::object(a);
    size_t n = size_t(a->m_size) + b->m_size;
    if (n > vm.m_limits.max_memory) return vm.raise(vm.e_MemoryError, "");
    auto* o = vm.alloc<StrObject>(vm.t_str, ObjKind::Str, n + 1);
    o->m_hash = -1;
    o->m_size = static_cast<uint32_t>(n);
    std::memcpy(o->data(), a->data(), a->m_size);
    std::memcpy(o->data() + a->m_size, b->data(), b->m_size);
    o->data()[n] = 0;
    o->m_ascii = a->m_ascii && b->m_ascii;
    o->m_length = a->m_length + b->m_length;
    o->m_interned = false;
    return Value::steal(o);
}

Value str_repeat(VM& vm, StrObject* s, int64_t n) {
    if (n <= 0 || s->m_size == 0) return vm.str("");
    if (static_cast<uint64_t>(n) > vm.m_limits.max_memory / s->m_size) return vm.raise(vm.e_MemoryError, "");
    if (!vm.reserve_memory(s->m_size * static_cast<size_t>(n))) return Value();
    std::string out;
    out.reserve(s->m_size * n);
    for (int64_t i = 0; i < n; ++i) out.append(s->view());
    return vm.str(out);
}

Value str_char_at(VM& vm, StrObject* s, int64_t i) {
    if (s->m_ascii) {
        char c = s->data()[i];
        return vm.istr(std::string_view(&c, 1));
    }
    size_t off = utf8::offset(s->view(), static_cast<size_t>(i));
    size_t n = utf8::seq_len(static_cast<unsigned char>(s->data()[off]));
    return vm.str(s->view().substr(off, n));
}

static Value str_slice(VM& vm, StrObject* s, int64_t start, int64_t step, int64_t count) {
    std::string out;
    if (s->m_ascii) {
        if (step == 1) return vm.str(s->view().substr(start, count));
        out.reserve(count);
        for (int64_t i = 0, j = start; i < count; ++i, j += step) out += s->data()[j];
        return vm.str(out);
    }
    // Decode to code point offsets once.
    std::vector<size_t> offs;
    std::string_view v = s->view();
    for (size_t p = 0; p < v.size(); p += utf8::seq_len(static_cast<unsigned char>(v[p]))) offs.push_back(p);
    offs.push_back(v.size());
    for (int64_t i = 0, j = start; i < count; ++i, j += step) out.append(v.substr(offs[j], offs[j + 1] - offs[j]));
    return vm.str(out);
}

Value str_getitem(VM& vm, StrObject* s, const Value& key) {
    if (is_kind(key, ObjKind::Slice)) {
        int64_t start, stop, step, count;
        if (!slice_indices(vm, key.as<SliceObject>(), s->m_length, start, stop, step, count)) return Value();
        return str_slice(vm, s, start, step, count);
    }
    int64_t i;
    if (!normalize_index(vm, key, s->m_length, i, "string")) return Value();
    return str_char_at(vm, s, i);
}

int str_contains(VM& vm, StrObject* s, const Value& sub) {
    if (!is_str(sub)) {
        vm.raisef(vm.e_TypeError, "'in <string>' requires string as left operand, not %s", type_name(sub).c_str());
        return -1;
    }
    return s->view().find(as_str(sub)->view()) != std::string_view::npos ? 1 : 0;
}

std::string str_repr(std::string_view s) {
    bool has_sq = s.find('\'') != std::string_view::npos;
    bool has_dq = s.find('"') != std::string_view::npos;
    char q = (has_sq && !has_dq) ? '"' : '\'';
    std::string out;
    out.reserve(s.size() + 2);
    out += q;
    size_t pos = 0;
    while (pos < s.size()) {
        size_t start = pos;
        uint32_t c = utf8::next(s, &pos);
        if (c == static_cast<uint32_t>(q) || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else if ((c >= 0x80 && c < 0xa0) || c == 0xad) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else {
            out.append(s.substr(start, pos - start));
        }
    }
    out += q;
    return out;
}

// [SECTION] Methods

namespace {

StrObject* self_str(Value* a) { return a[0].as<StrObject>(); }

bool check_args(VM& vm, const char* name, int n, int lo, int hi, TupleObject* kw) {
    if (kw && kw->m_size) {
        vm.raisef(vm.e_TypeError, "%s() takes no keyword arguments", name);
        return false;
    }
    if (n < lo || n > hi) {
        if (lo == hi && lo == 0)
            vm.raisef(vm.e_TypeError, "str.%s() takes no arguments (%d given)", name, n);
        else if (lo == hi && lo == 1)
            vm.raisef(vm.e_TypeError, "str.%s() takes exactly one argument (%d given)", name, n);
        else if (lo == hi)
            vm.raisef(vm.e_TypeError, "str.%s() takes exactly %d arguments (%d given)", name, lo, n);
        else if (n < lo)
            vm.raisef(vm.e_TypeError, "%s() takes at least %d argument%s (%d given)", name, lo, lo == 1 ? "" : "s", n);
        else
            vm.raisef(vm.e_TypeError, "%s() takes at most %d argument%s (%d given)", name, hi, hi == 1 ? "" : "s", n);
        return false;
    }
    return true;
}

bool need_str(VM& vm, const Value& v, const char* fn, const char* what = "argument") {
    if (is_str(v)) return true;
    vm.raisef(vm.e_TypeError, "%s() %s must be str, not %s", fn, what, type_name(v).c_str());
    return false;
}

// Code points of s as a vector (for the non-ASCII paths).
std::vector<uint32_t> cps(std::string_view s) {
    std::vector<uint32_t> out;
    size_t p = 0;
    while (p < s.size()) out.push_back(utf8::next(s, &p));
    return out;
}

Value map_chars(VM& vm, StrObject* s, uint32_t (*f)(uint32_t)) {
    std::string out;
    out.reserve(s->m_size);
    size_t p = 0;
    std::string_view v = s->view();
    while (p < v.size()) utf8::append(out, f(utf8::next(v, &p)));
    return vm.str(out);
}

Value s_upper(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!check_args(vm, "upper", n - 1, 0, 0, kw)) return Value();
    return map_chars(vm, self_str(a), utf8::to_upper);
}
Value s_lower(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!check_args(vm, "lower", n - 1, 0, 0, kw)) return Value();
    return map_chars(vm, self_str(a), utf8::to_lower);
}
Value s_casefold(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!check_args(vm, "casefold", n - 1, 0, 0, kw)) return Value();
    return map_chars(vm, self_str(a), utf8::to_lower);
}
Value s_swapcase(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!check_args(vm, "swapcase", n - 1, 0, 0, kw)) return Value();
    return map_chars(vm, self_str(a), [](uint32_t c) {
        return utf8::is_upper(c) ? utf8::to_lower(c) : utf8::is_lower(c) ? utf8::to_upper(c) : c;
    });
}
Value s_capitalize(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!check_args(vm, "capitalize", n - 1, 0, 0, kw)) return Value();
    std::string out;
    auto v = cps(self_str(a)->view());
    for (size_t i = 0; i < v.size(); ++i) utf8::append(out, i == 0 ? utf8::to_upper(v[i]) : utf8::to_lower(v[i]));
    return vm.str(out);
}
Value s_title(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!check_args(vm, "title", n - 1, 0, 0, kw)) return Value();
    std::string out;
    bool prev_cased = false;
    for (uint32_t c : cps(self_str(a)->view())) {
        bool cased = utf8::is_upper(c) || utf8::is_lower(c);
        utf8::append(out, cased ? (prev_cased ? utf8::to_lower(c) : utf8::to_upper(c)) : c);
        prev_cased = cased;
    }
    return vm.str(out);
}

template <bool (*Pred)(uint32_t)>
Value s_is(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!check_args(vm, "is", n - 1, 0, 0, kw)) return Value();
    std::string_view v = self_str(a)->view();
    if (v.empty()) return Value::boolean(false);
    size_t p = 0;
    while (p < v.size())
        if (!Pred(utf8::next(v, &p))) return Value::boolean(false);
    return Value::boolean(true);
}
bool p_digit(uint32_t c) { return utf8::is_digit(c) || (c >= 0xb2 && c <= 0xb3) || c == 0xb9; }
bool p_decimal(uint32_t c) { return utf8::is_digit(c); }
bool p_alpha(uint32_t c) { return utf8::is_alpha(c); }
bool p_alnum(uint32_t c) { return utf8::is_alpha(c) || utf8::is_digit(c); }
bool p_space(uint32_t c) { return utf8::is_space(c); }
bool p_printable(uint32_t c) { return c >= 0x20 && c != 0x7f; }
bool p_ascii(uint32_t c) { return c < 0x80; }

Value s_isascii(VM& vm, Value* a, int n, TupleObject* kw, Value& d) {
    if (self_str(a)->m_size == 0) return Value::boolean(true);
    return s_is<p_ascii>(vm, a, n, kw, d);
}
Value s_isprintable(VM& vm, Value* a, int n, TupleObject* kw, Value& d) {
    if (self_str(a)->m_size == 0) return Value::boolean(true);
    return s_is<p_printable>(vm, a, n, kw, d);
}

Value s_isupper(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!check_args(vm, "isupper", n - 1, 0, 0, kw)) return Value();
    bool any = false;
    for (uint32_t c : cps(self_str(a)->view())) {
        if (utf8::is_lower(c)) return Value::boolean(false);
        if (utf8::is_upper(c)) any = true;
    }
    return Value::boolean(any);
}
Value s_islower(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!check_args(vm, "islower", n - 1, 0, 0, kw)) return Value();
    bool any = false;
    for (uint32_t c : cps(self_str(a)->view())) {
        if (utf8::is_upper(c)) return Value::boolean(false);
        if (utf8::is_lower(c)) any = true;
    }
    return Value::boolean(any);
}
Value s_istitle(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!check_args(vm, "istitle", n - 1, 0, 0, kw)) return Value();
    bool prev_cased = false, any = false;
    for (uint32_t c : cps(self_str(a)->view())) {
        if (utf8::is_upper(c)) {
            if (prev_cased) return Value::boolean(false);
            prev_cased = any = true;
        } else if (utf8::is_lower(c)) {
            if (!prev_cased) return Value::boolean(false);
            prev_cased = any = true;
        } else {
            prev_cased = false;
        }
    }
    return Value::boolean(any);
}
Value s_isidentifier(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!check_args(vm, "isidentifier", n - 1, 0, 0, kw)) return Value();
    auto v = cps(self_str(a)->view());
    if (v.empty() || utf8::is_digit(v[0])) return Value::boolean(false);
    for (uint32_t c : v)
        if (!(c == '_' || utf8::is_alpha(c) || utf8::is_digit(c))) return Value::boolean(false);
    return Value::boolean(true);
}

// strip family: chars=None strips whitespace.
Value do_strip(VM& vm, Value* a, int n, TupleObject* kw, int which, const char* name) {
    if (!check_args(vm, name, n - 1, 0, 1, kw)) return Value();
    std::vector<uint32_t> v = cps(self_str(a)->view());
    std::vector<uint32_t> chars;
    bool ws = true;
    if (n > 1 && !a[1].is_none()) {
        if (!need_str(vm, a[1], name, "arg")) return Value();
        chars = cps(as_str(a[1])->view());
        ws = false;
    }
    auto strip_it = [&](uint32_t c) {
        return ws ? utf8::is_space(c) : std::find(chars.begin(), chars.end(), c) != chars.end();
    };
    size_t i = 0, j = v.size();
    if (which & 1)
        while (i < j && strip_it(v[i])) ++i;
    if (which & 2)
        while (j > i && strip_it(v[j - 1])) --j;
    if (i == 0 && j == v.size()) return a[0];
    std::string out;
    for (size_t k = i; k < j; ++k) utf8::append(out, v[k]);
    return vm.str(out);
}
Value s_strip(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return do_strip(vm, a, n, kw, 3, "strip"); }
Value s_lstrip(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return do_strip(vm, a, n, kw, 1, "lstrip"); }
Value s_rstrip(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return do_strip(vm, a, n, kw, 2, "rstrip"); }

// Converts optional start/end code point arguments into byte offsets.
bool byte_range(VM& vm, StrObject* s, Value* a, int n, int first, size_t& b0, size_t& b1, int64_t& c0) {
    int64_t len = s->m_length, start = 0, end = len;
    if (n > first && !a[first].is_none()) {
        if (!int_from_value(vm, a[first], start, "slice indices")) return false;
        if (start < 0) start = std::max<int64_t>(0, start + len);
    }
    if (n > first + 1 && !a[first + 1].is_none()) {
        if (!int_from_value(vm, a[first + 1], end, "slice indices")) return false;
        if (end < 0) end = std::max<int64_t>(0, end + len);
    }
    if (end > len) end = len;
    if (start > len) {
        b0 = s->m_size + 1;  // empty, and even "" is not found past the end
        b1 = s->m_size;
        c0 = start;
        return true;
    }
    if (end < start) end = start;
    c0 = start;
    if (s->m_ascii) {
        b0 = start;
        b1 = end;
    } else {
        b0 = utf8::offset(s->view(), start);
        b1 = utf8::offset(s->view(), end);
    }
    return true;
}

int64_t to_cp_index(StrObject* s, size_t byte) {
    return s->m_ascii ? static_cast<int64_t>(byte) : static_cast<int64_t>(utf8::count(s->view().substr(0, byte)));
}

Value do_find(VM& vm, Value* a, int n, TupleObject* kw, bool rev, bool raise, const char* name) {
    if (!check_args(vm, name, n - 1, 1, 3, kw)) return Value();
    StrObject* s = self_str(a);
    if (!is_str(a[1])) {
        return vm.raisef(vm.e_TypeError, "must be str, not %s", type_name(a[1]).c_str());
    }
    size_t b0, b1;
    int64_t c0;
    if (!byte_range(vm, s, a, n, 2, b0, b1, c0)) return Value();
    std::string_view sub = as_str(a[1])->view();
    size_t pos = std::string_view::npos;
    if (b0 <= b1) {
        std::string_view hay = s->view().substr(b0, b1 - b0);
        pos = rev ? hay.rfind(sub) : hay.find(sub);
        if (pos != std::string_view::npos) pos += b0;
    }
    if (pos == std::string_view::npos) {
        if (raise) return vm.raise(vm.e_ValueError, "substring not found");
        return Value::integer(-1);
    }
    return Value::integer(to_cp_index(s, pos));
}
Value s_find(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return do_find(vm, a, n, kw, false, false, "find"); }
Value s_rfind(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return do_find(vm, a, n, kw, true, false, "rfind"); }
Value s_index(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return do_find(vm, a, n, kw, false, true, "index"); }
Value s_rindex(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return do_find(vm, a, n, kw, true, true, "rindex"); }

Value s_count(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!check_args(vm, "count", n - 1, 1, 3, kw)) return Value();
    StrObject* s = self_str(a);
    if (!is_str(a[1])) return vm.raisef(vm.e_TypeError, "must be str, not %s", type_name(a[1]).c_str());
    size_t b0, b1;
    int64_t c0;
    if (!byte_range(vm, s, a, n, 2, b0, b1, c0)) return Value();
    if (b0 > b1) return Value::integer(0);
    std::string_view hay = s->view().substr(b0, b1 - b0);
    std::string_view sub = as_str(a[1])->view();
    if (sub.empty()) return Value::integer(static_cast<int64_t>(utf8::count(hay)) + 1);
    int64_t count = 0;
    for (size_t p = hay.find(sub); p != std::string_view::npos; p = hay.find(sub, p + sub.size())) ++count;
    return Value::integer(count);
}

Value do_startswith(VM& vm, Value* a, int n, TupleObject* kw, bool ends, const char* name) {
    if (!check_args(vm, name, n - 1, 1, 3, kw)) return Value();
    StrObject* s = self_str(a);
    size_t b0, b1;
    int64_t c0;
    if (!byte_range(vm, s, a, n, 2, b0, b1, c0)) return Value();
    auto test = [&](const Value& p) -> int {
        if (!is_str(p)) {
            vm.raisef(vm.e_TypeError, "tuple for %s must only contain str, not %s", name, type_name(p).c_str());
            return -1;
        }
        if (b0 > b1) return 0;
        std::string_view hay = s->view().substr(b0, b1 - b0);
        std::string_view x = as_str(p)->view();
        if (x.size() > hay.size()) return 0;
        return ends ? hay.substr(hay.size() - x.size()) == x : hay.substr(0, x.size()) == x;
    };
    if (is_kind(a[1], ObjKind::Tuple)) {
        auto* t = a[1].as<TupleObject>();
        for (uint32_t i = 0; i < t->m_size; ++i) {
            int r = test(t->items()[i]);
            if (r < 0) return Value();
            if (r) return Value::boolean(true);
        }
        return Value::boolean(false);
    }
    if (!is_str(a[1]))
        return vm.raisef(vm.e_TypeError, "%s first arg must be str or a tuple of str, not %s", name,
                         type_name(a[1]).c_str());
    int r = test(a[1]);
    if (r < 0) return Value();
    return Value::boolean(r != 0);
}
Value s_startswith(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    return do_startswith(vm, a, n, kw, false, "startswith");
}
Value s_endswith(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    return do_startswith(vm, a, n, kw, true, "endswith");
}

Value s_replace(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!check_args(vm, "replace", n - 1, 2, 3, kw)) return Value();
    if (!need_str(vm, a[1], "replace", "argument 1") || !need_str(vm, a[2], "replace", "argument 2")) return Value();
    int64_t count = -1;
    if (n > 3 && !int_from_value(vm, a[3], count, "count")) return Value();
    std::string_view s = self_str(a)->view(), old = as_str(a[1])->view(), rep = as_str(a[2])->view();
    std::string out;
    if (old.empty()) {
        size_t p = 0;
        int64_t done = 0;
        if (count != 0) {
            out.append(rep);
            ++done;
        }
        while (p < s.size()) {
            size_t q = p + utf8::seq_len(static_cast<unsigned char>(s[p]));
            out.append(s.substr(p, q - p));
            p = q;
            if (count < 0 || done < count) {
                out.append(rep);
                ++done;
            }
        }
        return vm.str(out);
    }
    size_t p = 0;
    int64_t done = 0;
    for (;;) {
        size_t q = (count >= 0 && done >= count) ? std::string_view::npos : s.find(old, p);
        if (q == std::string_view::npos) {
            out.append(s.substr(p));
            break;
        }
        out.append(s.substr(p, q - p));
        out.append(rep);
        p = q + old.size();
        ++done;
    }
    return vm.str(out);
}

Value s_split_impl(VM& vm, Value* a, int n, TupleObject* kw, bool rev) {
    const char* name = rev ? "rsplit" : "split";
    Value args[2];
    if (!parse_args(vm, name, a + 1, n - 1, kw, {"sep", "maxsplit"}, 0, args)) return Value();
    int64_t maxsplit = -1;
    if (!args[1].is_null() && !int_from_value(vm, args[1], maxsplit, "maxsplit")) return Value();
    std::string_view s = self_str(a)->view();
    std::vector<std::string_view> parts;
    if (args[0].is_null() || args[0].is_none()) {
        // Runs of whitespace separate; leading/trailing whitespace is ignored.
        auto isws = [](char c) {
            return c == ' ' || (c >= 9 && c <= 13) || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x1f;
        };
        if (!rev) {
            size_t i = 0;
            while (i < s.size()) {
                while (i < s.size() && isws(s[i])) ++i;
                if (i >= s.size()) break;
                if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) >= maxsplit) {
                    size_t e = s.size();
                    while (e > i && isws(s[e - 1])) --e;
                    parts.push_back(s.substr(i, e - i));
                    break;
                }
                size_t j = i;
                while (j < s.size() && !isws(s[j])) ++j;
                parts.push_back(s.substr(i, j - i));
                i = j;
            }
        } else {
            size_t j = s.size();
            while (j > 0) {
                while (j > 0 && isws(s[j - 1])) --j;
                if (j == 0) break;
                if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) >= maxsplit) {
                    size_t b = 0;
                    while (b < j && isws(s[b])) ++b;
                    parts.push_back(s.substr(b, j - b));
                    break;
                }
                size_t i = j;
                while (i > 0 && !isws(s[i - 1])) --i;
                parts.push_back(s.substr(i, j - i));
                j = i;
            }
            std::reverse(parts.begin(), parts.end());
        }
    } else {
        if (!need_str(vm, args[0], name, "argument")) return Value();
        std::string_view sep = as_str(args[0])->view();
        if (sep.empty()) return vm.raise(vm.e_ValueError, "empty separator");
        if (!rev) {
            size_t p = 0;
            for (;;) {
                if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) >= maxsplit) {
                    parts.push_back(s.substr(p));
                    break;
                }
                size_t q = s.find(sep, p);
                if (q == std::string_view::npos) {
                    parts.push_back(s.substr(p));
                    break;
                }
                parts.push_back(s.substr(p, q - p));
                p = q + sep.size();
            }
        } else {
            size_t end = s.size();
            for (;;) {
                if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) >= maxsplit) {
                    parts.push_back(s.substr(0, end));
                    break;
                }
                size_t q = end >= sep.size() ? s.substr(0, end).rfind(sep) : std::string_view::npos;
                if (q == std::string_view::npos) {
                    parts.push_back(s.substr(0, end));
                    break;
                }
                parts.push_back(s.substr(q + sep.size(), end - q - sep.size()));
                end = q;
            }
            std::reverse(parts.begin(), parts.end());
        }
    }
    ListObject* l = vm.new_list(parts.size());
    Value lv = Value::steal(l);
    for (auto& p : parts) list_append(vm, l, vm.str(p));
    return lv;
}
Value s_split(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return s_split_impl(vm, a, n, kw, false); }
Value s_rsplit(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return s_split_impl(vm, a, n, kw, true); }

Value s_splitlines(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value args[1];
    if (!parse_args(vm, "splitlines", a + 1, n - 1, kw, {"keepends"}, 0, args)) return Value();
    bool keep = false;
    if (!args[0].is_null()) {
        int t = vm.truthy(args[0]);
        if (t < 0) return Value();
        keep = t;
    }
    std::string_view s = self_str(a)->view();
    ListObject* l = vm.new_list();
    Value lv = Value::steal(l);
    size_t i = 0;
    while (i < s.size()) {
        size_t j = i;
        while (j < s.size() && s[j] != '\n' && s[j] != '\r' && s[j] != '\v' && s[j] != '\f' && s[j] != 0x1c &&
               s[j] != 0x1d && s[j] != 0x1e)
            ++j;
        size_t eol = j;
        if (j < s.size()) {
            if (s[j] == '\r' && j + 1 < s.size() && s[j + 1] == '\n')
                j += 2;
            else
                j += 1;
        }
        list_append(vm, l, vm.str(s.substr(i, (keep ? j : eol) - i)));
        i = j;
    }
    return lv;
}

Value s_join(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!check_args(vm, "join", n - 1, 1, 1, kw)) return Value();
    std::vector<Value> items;
    if (!vm.to_list(a[1], items)) {
        if (vm.exc_matches(vm.e_TypeError)) {
            vm.clear_exc();
            return vm.raise(vm.e_TypeError, "can only join an iterable");
        }
        return Value();
    }
    std::string_view sep = self_str(a)->view();
    size_t need = items.empty() ? 0 : sep.size() * (items.size() - 1);
    for (const Value& it : items)
        if (is_str(it)) need += as_str(it)->m_size;
    if (!vm.reserve_memory(need)) return Value();
    std::string out;
    out.reserve(need);
    for (size_t i = 0; i < items.size(); ++i) {
        if (!is_str(items[i]))
            return vm.raisef(vm.e_TypeError, "sequence item %zu: expected str instance, %s found", i,
                             type_name(items[i]).c_str());
        if (i) out.append(sep);
        out.append(as_str(items[i])->view());
    }
    return vm.str(out);
}

Value do_pad(VM& vm, Value* a, int n, TupleObject* kw, int where, const char* name) {
    if (!check_args(vm, name, n - 1, 1, 2, kw)) return Value();
    int64_t width;
    if (!int_from_value(vm, a[1], width, "width")) return Value();
    std::string fill = " ";
    if (n > 2) {
        if (!is_str(a[2]) || as_str(a[2])->m_length != 1)
            return vm.raise(vm.e_TypeError, "The fill character must be exactly one character long");
        fill = as_str(a[2])->str();
    }
    StrObject* s = self_str(a);
    int64_t len = s->m_length;
    if (width <= len) return a[0];
    int64_t total = width - len, left = 0;
    if (!vm.reserve_memory(static_cast<size_t>(total) * fill.size() + s->m_size)) return Value();
    if (where == 0)
        left = total / 2 + (total & width & 1);  // CPython's center rounding
    else if (where == 2)
        left = total;
    std::string out;
    for (int64_t i = 0; i < left; ++i) out += fill;
    out.append(s->view());
    for (int64_t i = 0; i < total - left; ++i) out += fill;
    return vm.str(out);
}
Value s_center(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return do_pad(vm, a, n, kw, 0, "center"); }
Value s_ljust(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return do_pad(vm, a, n, kw, 1, "ljust"); }
Value s_rjust(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return do_pad(vm, a, n, kw, 2, "rjust"); }

Value s_zfill(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!check_args(vm, "zfill", n - 1, 1, 1, kw)) return Value();
    int64_t width;
    if (!int_from_value(vm, a[1], width, "width")) return Value();
    StrObject* s = self_str(a);
    if (width <= static_cast<int64_t>(s->m_length)) return a[0];
    if (!vm.reserve_memory(static_cast<size_t>(width))) return Value();
    std::string v = s->str();
    std::string out;
    size_t start = 0;
    if (!v.empty() && (v[0] == '+' || v[0] == '-')) {
        out += v[0];
        start = 1;
    }
    out.append(width - s->m_length, '0');
    out.append(v.substr(start));
    return vm.str(out);
}

Value do_partition(VM& vm, Value* a, int n, TupleObject* kw, bool rev) {
    if (!check_args(vm, rev ? "rpartition" : "partition", n - 1, 1, 1, kw)) return Value();
    if (!is_str(a[1])) return vm.raisef(vm.e_TypeError, "must be str, not %s", type_name(a[1]).c_str());
    std::string_view s = self_str(a)->view(), sep = as_str(a[1])->view();
    if (sep.empty()) return vm.raise(vm.e_ValueError, "empty separator");
    size_t p = rev ? s.rfind(sep) : s.find(sep);
    if (p == std::string_view::npos) {
        if (rev) return vm.tuple({vm.str(""), vm.str(""), a[0]});
        return vm.tuple({a[0], vm.str(""), vm.str("")});
    }
    return vm.tuple({vm.str(s.substr(0, p)), a[1], vm.str(s.substr(p + sep.size()))});
}
Value s_partition(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return do_partition(vm, a, n, kw, false); }
Value s_rpartition(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return do_partition(vm, a, n, kw, true); }

Value s_expandtabs(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value args[1];
    if (!parse_args(vm, "expandtabs", a + 1, n - 1, kw, {"tabsize"}, 0, args)) return Value();
    int64_t ts = 8;
    if (!args[0].is_null() && !int_from_value(vm, args[0], ts, "tabsize")) return Value();
    std::string out;
    int64_t col = 0;
    for (uint32_t c : cps(self_str(a)->view())) {
        if (c == '\t') {
            if (ts > 0) {
                int64_t k = ts - (col % ts);
                out.append(k, ' ');
                col += k;
            }
        } else {
            utf8::append(out, c);
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
    }
    return vm.str(out);
}

Value s_removeprefix(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!check_args(vm, "removeprefix", n - 1, 1, 1, kw) || !need_str(vm, a[1], "removeprefix")) return Value();
    std::string_view s = self_str(a)->view(), p = as_str(a[1])->view();
    if (!p.empty() && s.substr(0, p.size()) == p) return vm.str(s.substr(p.size()));
    return a[0];
}
Value s_removesuffix(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!check_args(vm, "removesuffix", n - 1, 1, 1, kw) || !need_str(vm, a[1], "removesuffix")) return Value();
    std::string_view s = self_str(a)->view(), p = as_str(a[1])->view();
    if (!p.empty() && s.size() >= p.size() && s.substr(s.size() - p.size()) == p)
        return vm.str(s.substr(0, s.size() - p.size()));
    return a[0];
}

Value s_format(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    return str_format_method(vm, self_str(a), a + 1, n - 1, kw);
}

Value s_format_map(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!check_args(vm, "format_map", n - 1, 1, 1, kw)) return Value();
    // Pass the mapping's items as keywords.
    if (!is_kind(a[1], ObjKind::Dict)) return vm.raise(vm.e_TypeError, "format_map() argument must be a dict");
    auto* d = a[1].as<DictObject>();
    std::vector<Value> vals;
    std::vector<Value> keys;
    uint32_t pos = 0;
    Value *k, *v;
    while (dict_next(d, pos, k, v)) {
        if (!is_str(*k)) continue;
        keys.push_back(*k);
        vals.push_back(*v);
    }
    Value kt = tuple_from_vector(vm, keys);
    return str_format_method(vm, self_str(a), vals.data(), 0, kt.as<TupleObject>());
}

Value s_encode(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value args[2];
    if (!parse_args(vm, "encode", a + 1, n - 1, kw, {"encoding", "errors"}, 0, args)) return Value();
    for (int i = 0; i < 2; ++i)
        if (!args[i].is_null() && !is_str(args[i]))
            return vm.raisef(vm.e_TypeError, "encode() argument '%s' must be str, not %s",
                             i == 0 ? "encoding" : "errors", type_name(args[i]).c_str());
    return codec_encode(vm, a[0], args[0].is_null() ? "utf-8" : as_str(args[0])->view(),
                        args[1].is_null() ? "strict" : as_str(args[1])->view());
}

Value s_getnewargs(VM& vm, Value* a, int, TupleObject*, Value&) { return vm.tuple({a[0]}); }

// str.translate(table): table[ord(c)] for each character (any object with
// __getitem__); LookupError keeps c, None deletes it, an int or str replaces it.
Value s_translate(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!check_args(vm, "translate", n - 1, 1, 1, kw)) return Value();
    std::string_view s = self_str(a)->view();
    DictObject* d = is_kind(a[1], ObjKind::Dict) ? a[1].as<DictObject>() : nullptr;
    std::string out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) {
        size_t at = i;
        uint32_t c = utf8::next(s, &i);
        Value key = Value::integer(c);
        Value r = d ? dict_get(vm, d, key) : vm.getitem(a[1], key);
        if (r.is_null()) {
            if (vm.has_exc() && !vm.exc_matches(vm.e_LookupError)) return Value();
            vm.clear_exc();
            out.append(s.substr(at, i - at));
            continue;
        }
        if (r.is_none()) continue;
        if (r.is_intlike()) {
            int64_t v = r.as_intlike();
            if (v < 0 || v > 0x10FFFF) return vm.raise(vm.e_ValueError, "character mapping must be in range(0x110000)");
            utf8::append(out, static_cast<uint32_t>(v));
        } else if (is_str(r)) {
            out.append(as_str(r)->view());
        } else {
            return vm.raise(vm.e_TypeError, "character mapping must return integer, None or str");
        }
        if (out.size() > vm.m_limits.max_memory) return vm.raise(vm.e_MemoryError, "");  // replacements can grow it
    }
    return vm.str(out);
}

// str.maketrans(x[, y[, z]]): a static method building translate's dict.
Value s_maketrans(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (kw && kw->m_size) return vm.raise(vm.e_TypeError, "maketrans() takes no keyword arguments");
    if (n < 1 || n > 3) return vm.raisef(vm.e_TypeError, "maketrans expected at most 3 arguments, got %d", n);
    DictObject* d = vm.new_dict();
    Value dv = Value::steal(d);
    if (n == 1) {
        if (!is_kind(a[0], ObjKind::Dict))
            return vm.raise(vm.e_TypeError, "if you give only one argument to maketrans it must be a dict");
        auto* src = a[0].as<DictObject>();
        std::vector<Value> keys, values;
        if (!vm.to_list(a[0], keys)) return Value();
        for (const Value& k : keys) {
            Value v = dict_get(vm, src, k);
            if (v.is_null()) return Value();
            Value key = k;
            if (is_str(k)) {
                if (as_str(k)->m_length != 1)
                    return vm.raise(vm.e_ValueError, "string keys in translate table must be of length 1");
                size_t at = 0;
                key = Value::integer(utf8::next(as_str(k)->view(), &at));
            } else if (!k.is_intlike()) {
                return vm.raise(vm.e_TypeError, "keys in translate table must be strings or integers");
            }
            if (!dict_set(vm, d, key, v)) return Value();
        }
        return dv;
    }
    for (int i = 0; i < n; ++i)
        if (!is_str(a[i]))
            return vm.raisef(vm.e_TypeError, "maketrans() argument %d must be str, not %s", i + 1,
                             type_name(a[i]).c_str());
    StrObject *x = as_str(a[0]), *y = as_str(a[1]);
    if (x->m_length != y->m_length)
        return vm.raise(vm.e_ValueError, "the first two maketrans arguments must have equal length");
    std::string_view xs = x->view(), ys = y->view();
    size_t i = 0, j = 0;
    while (i < xs.size()) {
        uint32_t from = utf8::next(xs, &i), to = utf8::next(ys, &j);
        if (!dict_set(vm, d, Value::integer(from), Value::integer(to))) return Value();
    }
    if (n == 3) {
        std::string_view zs = as_str(a[2])->view();
        size_t k = 0;
        while (k < zs.size())
            if (!dict_set(vm, d, Value::integer(utf8::next(zs, &k)), Value::none())) return Value();
    }
    return dv;
}

}  // namespace

Value str_new(VM& vm, TypeObject* t, Value* args, int nargs, TupleObject* kw) {
    (void)t;
    Value a[3];
    if (!parse_args(vm, "str", args, nargs, kw, {"object", "encoding", "errors"}, 0, a)) return Value();
    if (a[0].is_null()) return vm.str("");
    return vm.to_str(a[0]);
}

void init_str_type(VM& vm) {
    TypeObject* t = vm.t_str;
    struct {
        const char* n;
        NativeFn f;
    } methods[] = {
        {"upper", s_upper},
        {"lower", s_lower},
        {"casefold", s_casefold},
        {"swapcase", s_swapcase},
        {"capitalize", s_capitalize},
        {"title", s_title},
        {"isdigit", s_is<p_digit>},
        {"isnumeric", s_is<p_digit>},
        {"isdecimal", s_is<p_decimal>},
        {"isalpha", s_is<p_alpha>},
        {"isalnum", s_is<p_alnum>},
        {"isspace", s_is<p_space>},
        {"isascii", s_isascii},
        {"isprintable", s_isprintable},
        {"isupper", s_isupper},
        {"islower", s_islower},
        {"istitle", s_istitle},
        {"isidentifier", s_isidentifier},
        {"strip", s_strip},
        {"lstrip", s_lstrip},
        {"rstrip", s_rstrip},
        {"find", s_find},
        {"rfind", s_rfind},
        {"index", s_index},
        {"rindex", s_rindex},
        {"count", s_count},
        {"startswith", s_startswith},
        {"endswith", s_endswith},
        {"replace", s_replace},
        {"split", s_split},
        {"rsplit", s_rsplit},
        {"splitlines", s_splitlines},
        {"join", s_join},
        {"center", s_center},
        {"ljust", s_ljust},
        {"rjust", s_rjust},
        {"zfill", s_zfill},
        {"partition", s_partition},
        {"rpartition", s_rpartition},
        {"expandtabs", s_expandtabs},
        {"removeprefix", s_removeprefix},
        {"removesuffix", s_removesuffix},
        {"format", s_format},
        {"format_map", s_format_map},
        {"encode", s_encode},
        {"__getnewargs__", s_getnewargs},
        {"translate", s_translate},
    };
    for (auto& m : methods) vm.add_method(t, m.n, m.f);
    vm.add_method(t, "maketrans", s_maketrans, 0);  // static
}

}  // namespace aio::script
