// bytes_methods.cpp — the methods bytes and bytearray share (CPython's
// bytes_methods.c): searching, splitting, stripping, padding, ASCII case and
// classes, hex/fromhex, translate, decode and %-formatting. A bytearray's
// method returns a bytearray, a bytes' (or subclass') a bytes.
//
// Contents
//   [SECTION] Argument helpers
//   [SECTION] Search
//   [SECTION] Split, join, strip
//   [SECTION] Case, classes, padding
//   [SECTION] hex, translate, decode
//   [SECTION] %-formatting
//   [SECTION] Registration
#include <algorithm>
#include <cstring>

#include "objects/bytes.hpp"
#include "objects/runtime.hpp"

namespace aio::script {

namespace {

// [SECTION] Argument helpers

BytesObject* self_b(Value* a) { return as_bytes(a[0]); }
TypeObject* rtype(VM& vm, Value* a) {
    return VM::is_subtype(vm.type_of(a[0]), vm.t_bytearray) ? vm.t_bytearray : vm.t_bytes;
}
Value make(VM& vm, Value* a, std::string_view s) { return new_bytes(vm, rtype(vm, a), s); }
int npos_of(int n, TupleObject* kw) { return n - (kw ? static_cast<int>(kw->m_size) : 0); }

bool positional(VM& vm, const char* name, int n, TupleObject* kw, int lo, int hi) {
    if (kw && kw->m_size) {
        vm.raisef(vm.e_TypeError, "%s() takes no keyword arguments", name);
        return false;
    }
    int given = n - 1;
    if (given < lo || given > hi) {
        if (lo == hi)
            vm.raisef(vm.e_TypeError, "%s() takes exactly %d argument%s (%d given)", name, lo, lo == 1 ? "" : "s",
                      given);
        else if (given < lo)
            vm.raisef(vm.e_TypeError, "%s() takes at least %d argument%s (%d given)", name, lo, lo == 1 ? "" : "s",
                      given);
        else
            vm.raisef(vm.e_TypeError, "%s() takes at most %d argument%s (%d given)", name, hi, hi == 1 ? "" : "s",
                      given);
        return false;
    }
    return true;
}

bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha(unsigned char c) { return is_lower(c) || is_upper(c); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
char to_upper(unsigned char c) { return static_cast<char>(is_lower(c) ? c - 32 : c); }
char to_lower(unsigned char c) { return static_cast<char>(is_upper(c) ? c + 32 : c); }

// start/end of find(), count(), startswith() ...: None or an index, clamped as slices clamp.
bool range_args(VM& vm, Value* a, int n, int first, size_t len, size_t& b0, size_t& b1) {
    int64_t L = static_cast<int64_t>(len), s = 0, e = L;
    if (n > first && !a[first].is_none()) {
        if (!int_from_value(vm, a[first], s, "start")) return false;
        if (s < 0) s = std::max<int64_t>(0, s + L);
    }
    if (n > first + 1 && !a[first + 1].is_none()) {
        if (!int_from_value(vm, a[first + 1], e, "end")) return false;
        if (e < 0) e = std::max<int64_t>(0, e + L);
        if (e > L) e = L;
    }
    b0 = static_cast<size_t>(s);
    b1 = static_cast<size_t>(e);
    return true;
}

// The sub argument of find()/count()/index(): an int in range(256) or bytes-like.
bool sub_arg(VM& vm, const Value& v, std::string& out) {
    if (v.is_intlike() || (v.is_obj() && !is_kind(v, ObjKind::Cxx) && !is_str(v))) {
        int64_t c;
        if (vm.index_of(v, c)) {
            if (c < 0 || c > 255) {
                vm.raise(vm.e_ValueError, "byte must be in range(0, 256)");
                return false;
            }
            out.assign(1, static_cast<char>(c));
            return true;
        }
        if (vm.has_exc()) return false;
    }
    std::string_view s;
    std::string scratch;
    if (!bytes_like(vm, v, s, scratch)) {
        vm.raisef(vm.e_TypeError, "argument should be integer or bytes-like object, not '%s'", type_name(v).c_str());
        return false;
    }
    out.assign(s);
    return true;
}

// [SECTION] Search

// -1 when not found; the position otherwise.
int64_t find_in(std::string_view h, std::string_view sub, size_t b0, size_t b1, bool rev) {
    if (b0 > h.size() || b0 > b1) return -1;
    std::string_view w = h.substr(b0, b1 - b0);
    size_t p = rev ? w.rfind(sub) : w.find(sub);
    return p == std::string_view::npos ? -1 : static_cast<int64_t>(b0 + p);
}

Value do_find(VM& vm, Value* a, int n, TupleObject* kw, bool rev, bool raise, const char* name) {
    if (!positional(vm, name, n, kw, 1, 3)) return Value();
    std::string sub;
    if (!sub_arg(vm, a[1], sub)) return Value();
    std::string_view h = self_b(a)->view();
    size_t b0, b1;
    if (!range_args(vm, a, n, 2, h.size(), b0, b1)) return Value();
    int64_t r = find_in(h, sub, b0, b1, rev);
    if (r < 0 && raise) return vm.raise(vm.e_ValueError, "subsection not found");
    return Value::integer(r);
}
Value b_find(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return do_find(vm, a, n, kw, false, false, "find"); }
Value b_rfind(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return do_find(vm, a, n, kw, true, false, "rfind"); }
Value b_index(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return do_find(vm, a, n, kw, false, true, "index"); }
Value b_rindex(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return do_find(vm, a, n, kw, true, true, "rindex"); }

Value b_count(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!positional(vm, "count", n, kw, 1, 3)) return Value();
    std::string sub;
    if (!sub_arg(vm, a[1], sub)) return Value();
    std::string_view h = self_b(a)->view();
    size_t b0, b1;
    if (!range_args(vm, a, n, 2, h.size(), b0, b1)) return Value();
    if (b0 > h.size() || b0 > b1) return Value::integer(0);
    if (sub.empty()) return Value::integer(static_cast<int64_t>(b1 - b0 + 1));
    int64_t c = 0;
    for (size_t p = b0; (p = h.find(sub, p)) != std::string_view::npos && p + sub.size() <= b1; p += sub.size()) ++c;
    return Value::integer(c);
}

Value do_startswith(VM& vm, Value* a, int n, TupleObject* kw, bool ends, const char* name) {
    if (!positional(vm, name, n, kw, 1, 3)) return Value();
    std::string_view h = self_b(a)->view();
    size_t b0, b1;
    if (!range_args(vm, a, n, 2, h.size(), b0, b1)) return Value();
    auto test = [&](std::string_view p) {
        if (b0 > h.size() || b1 < b0 || b1 - b0 < p.size()) return false;
        return ends ? h.substr(b1 - p.size(), p.size()) == p : h.substr(b0, p.size()) == p;
    };
    std::string_view p;
    std::string scratch;
    if (is_kind(a[1], ObjKind::Tuple)) {
        auto* t = a[1].as<TupleObject>();
        for (uint32_t i = 0; i < t->m_size; ++i) {
            if (!bytes_like(vm, t->items()[i], p, scratch))
                return vm.raisef(vm.e_TypeError, "a bytes-like object is required, not '%s'",
                                 type_name(t->items()[i]).c_str());
            if (test(p)) return Value::boolean(true);
        }
        return Value::boolean(false);
    }
    if (!bytes_like(vm, a[1], p, scratch))
        return vm.raisef(vm.e_TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", name,
                         type_name(a[1]).c_str());
    return Value::boolean(test(p));
}
Value b_startswith(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    return do_startswith(vm, a, n, kw, false, "startswith");
}
Value b_endswith(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    return do_startswith(vm, a, n, kw, true, "endswith");
}

// [SECTION] Split, join, strip

bool sep_maxsplit(VM& vm, const char* name, Value* a, int n, TupleObject* kw, Value& sep, int64_t& maxsplit) {
    Value args[2];
    if (!parse_args(vm, name, a + 1, n - 1, kw, {"sep", "maxsplit"}, 0, args)) return false;
    sep = args[0].is_null() ? Value::none() : args[0];
    maxsplit = -1;
    if (!args[1].is_null() && !int_from_value(vm, args[1], maxsplit, "maxsplit")) return false;
    return true;
}

Value do_split(VM& vm, Value* a, int n, TupleObject* kw, bool rev) {
    Value sepv;
    int64_t maxsplit;
    if (!sep_maxsplit(vm, rev ? "rsplit" : "split", a, n, kw, sepv, maxsplit)) return Value();
    std::string_view s = self_b(a)->view();
    TypeObject* t = rtype(vm, a);
    std::vector<std::string_view> parts;
    if (sepv.is_none()) {
        if (!rev) {
            size_t i = 0;
            while (true) {
                while (i < s.size() && is_space(s[i])) ++i;
                if (i >= s.size()) break;
                if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) >= maxsplit) {
                    size_t e = s.size();
                    while (e > i && is_space(s[e - 1])) --e;
                    parts.push_back(s.substr(i, e - i));
                    break;
                }
                size_t j = i;
                while (j < s.size() && !is_space(s[j])) ++j;
                parts.push_back(s.substr(i, j - i));
                i = j;
            }
        } else {
            size_t e = s.size();
            while (true) {
                while (e > 0 && is_space(s[e - 1])) --e;
                if (e == 0) break;
                if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) >= maxsplit) {
                    size_t b = 0;
                    while (b < e && is_space(s[b])) ++b;
                    parts.push_back(s.substr(b, e - b));
                    break;
                }
                size_t j = e;
                while (j > 0 && !is_space(s[j - 1])) --j;
                parts.push_back(s.substr(j, e - j));
                e = j;
            }
            std::reverse(parts.begin(), parts.end());
        }
    } else {
        std::string_view sep;
        std::string scratch;
        if (!need_bytes_like(vm, sepv, sep, scratch)) return Value();
        if (sep.empty()) return vm.raise(vm.e_ValueError, "empty separator");
        std::string sepc(sep);
        if (!rev) {
            size_t i = 0;
            while (maxsplit < 0 || static_cast<int64_t>(parts.size()) < maxsplit) {
                size_t p = s.find(sepc, i);
                if (p == std::string_view::npos) break;
                parts.push_back(s.substr(i, p - i));
                i = p + sepc.size();
            }
            parts.push_back(s.substr(i));
        } else {
            size_t e = s.size();
            while (maxsplit < 0 || static_cast<int64_t>(parts.size()) < maxsplit) {
                if (e < sepc.size()) break;
                size_t p = s.substr(0, e).rfind(sepc);
                if (p == std::string_view::npos) break;
                parts.push_back(s.substr(p + sepc.size(), e - p - sepc.size()));
                e = p;
            }
            parts.push_back(s.substr(0, e));
            std::reverse(parts.begin(), parts.end());
        }
    }
    ListObject* l = vm.new_list(parts.size());
    Value lv = Value::steal(l);
    for (auto p : parts) {
        Value b = new_bytes(vm, t, p);
        if (b.is_null()) return Value();
        list_append(vm, l, std::move(b));
    }
    return lv;
}
Value b_split(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return do_split(vm, a, n, kw, false); }
Value b_rsplit(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return do_split(vm, a, n, kw, true); }

Value b_splitlines(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value args[1];
    if (!parse_args(vm, "splitlines", a + 1, n - 1, kw, {"keepends"}, 0, args)) return Value();
    int keep = args[0].is_null() ? 0 : vm.truthy(args[0]);
    if (keep < 0) return Value();
    std::string_view s = self_b(a)->view();
    ListObject* l = vm.new_list();
    Value lv = Value::steal(l);
    size_t i = 0;
    while (i < s.size()) {
        size_t j = i;
        while (j < s.size() && s[j] != '\n' && s[j] != '\r') ++j;
        size_t eol = j;
        if (j < s.size()) j += (s[j] == '\r' && j + 1 < s.size() && s[j + 1] == '\n') ? 2 : 1;
        Value b = make(vm, a, s.substr(i, (keep ? j : eol) - i));
        if (b.is_null()) return Value();
        list_append(vm, l, std::move(b));
        i = j;
    }
    return lv;
}

Value b_join(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!positional(vm, "join", n, kw, 1, 1)) return Value();
    std::vector<Value> items;
    if (!vm.to_list(a[1], items)) return Value();
    std::string sep(self_b(a)->view());
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        std::string_view p;
        std::string scratch;
        if (!bytes_like(vm, items[i], p, scratch))
            return vm.raisef(vm.e_TypeError, "sequence item %zu: expected a bytes-like object, %s found", i,
                             type_name(items[i]).c_str());
        if (!vm.reserve_memory(out.size() + p.size() + sep.size())) return Value();
        if (i) out += sep;
        out += p;
    }
    return make(vm, a, out);
}

Value b_replace(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!positional(vm, "replace", n, kw, 2, 3)) return Value();
    std::string_view o, nw;
    std::string s1, s2;
    if (!need_bytes_like(vm, a[1], o, s1) || !need_bytes_like(vm, a[2], nw, s2)) return Value();
    int64_t count = -1;
    if (n > 3 && !int_from_value(vm, a[3], count, "count")) return Value();
    std::string_view s = self_b(a)->view();
    std::string out;
    if (o.empty()) {
        // Inserts `new` before every byte and at the end.
        int64_t done = 0;
        for (size_t i = 0; i <= s.size(); ++i) {
            if (count < 0 || done < count) {
                if (!vm.reserve_memory(out.size() + nw.size() + 1)) return Value();
                out += nw;
                ++done;
            }
            if (i < s.size()) out += s[i];
        }
        return make(vm, a, out);
    }
    size_t i = 0;
    int64_t done = 0;
    while (count < 0 || done < count) {
        size_t p = s.find(o, i);
        if (p == std::string_view::npos) break;
        if (!vm.reserve_memory(out.size() + (p - i) + nw.size())) return Value();
        out.append(s.substr(i, p - i)).append(nw);
        i = p + o.size();
        ++done;
    }
    out.append(s.substr(i));
    return make(vm, a, out);
}

Value do_strip(VM& vm, Value* a, int n, TupleObject* kw, int which, const char* name) {
    if (!positional(vm, name, n, kw, 0, 1)) return Value();
    std::string_view s = self_b(a)->view();
    std::string_view chars;
    std::string scratch;
    bool ws = n < 2 || a[1].is_none();
    if (!ws && !need_bytes_like(vm, a[1], chars, scratch)) return Value();
    auto strip_it = [&](char c) {
        return ws ? is_space(static_cast<unsigned char>(c)) : chars.find(c) != std::string_view::npos;
    };
    size_t b = 0, e = s.size();
    if (which & 1)
        while (b < e && strip_it(s[b])) ++b;
    if (which & 2)
        while (e > b && strip_it(s[e - 1])) --e;
    return make(vm, a, s.substr(b, e - b));
}
Value b_strip(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return do_strip(vm, a, n, kw, 3, "strip"); }
Value b_lstrip(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return do_strip(vm, a, n, kw, 1, "lstrip"); }
Value b_rstrip(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return do_strip(vm, a, n, kw, 2, "rstrip"); }

Value do_partition(VM& vm, Value* a, int n, TupleObject* kw, bool rev) {
    if (!positional(vm, rev ? "rpartition" : "partition", n, kw, 1, 1)) return Value();
    std::string_view sep;
    std::string scratch;
    if (!need_bytes_like(vm, a[1], sep, scratch)) return Value();
    if (sep.empty()) return vm.raise(vm.e_ValueError, "empty separator");
    std::string_view s = self_b(a)->view();
    size_t p = rev ? s.rfind(sep) : s.find(sep);
    std::string_view x, y, z;
    if (p == std::string_view::npos) {
        (rev ? z : x) = s;
    } else {
        x = s.substr(0, p);
        y = sep;
        z = s.substr(p + sep.size());
    }
    Value vx = make(vm, a, x), vy = make(vm, a, y), vz = make(vm, a, z);
    if (vx.is_null() || vy.is_null() || vz.is_null()) return Value();
    return vm.tuple({vx, vy, vz});
}
Value b_partition(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return do_partition(vm, a, n, kw, false); }
Value b_rpartition(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return do_partition(vm, a, n, kw, true); }

Value b_removeprefix(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!positional(vm, "removeprefix", n, kw, 1, 1)) return Value();
    std::string_view p, s = self_b(a)->view();
    std::string scratch;
    if (!need_bytes_like(vm, a[1], p, scratch)) return Value();
    if (s.substr(0, p.size()) == p) s.remove_prefix(p.size());
    return make(vm, a, s);
}
Value b_removesuffix(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!positional(vm, "removesuffix", n, kw, 1, 1)) return Value();
    std::string_view p, s = self_b(a)->view();
    std::string scratch;
    if (!need_bytes_like(vm, a[1], p, scratch)) return Value();
    if (!p.empty() && s.size() >= p.size() && s.substr(s.size() - p.size()) == p) s.remove_suffix(p.size());
    return make(vm, a, s);
}

// [SECTION] Case, classes, padding

template <char (*F)(unsigned char)>
Value b_map(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!positional(vm, "map", n, kw, 0, 0)) return Value();
    std::string s(self_b(a)->view());
    for (char& c : s) c = F(static_cast<unsigned char>(c));
    return make(vm, a, s);
}
char swap_case(unsigned char c) { return is_upper(c) ? to_lower(c) : to_upper(c); }

Value b_capitalize(VM& vm, Value* a, int, TupleObject*, Value&) {
    std::string s(self_b(a)->view());
    for (size_t i = 0; i < s.size(); ++i) s[i] = i == 0 ? to_upper(s[i]) : to_lower(s[i]);
    return make(vm, a, s);
}
Value b_title(VM& vm, Value* a, int, TupleObject*, Value&) {
    std::string s(self_b(a)->view());
    bool prev_cased = false;
    for (char& c : s) {
        unsigned char u = static_cast<unsigned char>(c);
        c = prev_cased ? to_lower(u) : to_upper(u);
        prev_cased = is_alpha(u);
    }
    return make(vm, a, s);
}

template <bool (*P)(unsigned char)>
Value b_is(VM&, Value* a, int, TupleObject*, Value&) {
    std::string_view s = self_b(a)->view();
    if (s.empty()) return Value::boolean(false);
    for (unsigned char c : s)
        if (!P(c)) return Value::boolean(false);
    return Value::boolean(true);
}
bool is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }
Value b_isascii(VM&, Value* a, int, TupleObject*, Value&) {
    for (unsigned char c : self_b(a)->view())
        if (c >= 0x80) return Value::boolean(false);
    return Value::boolean(true);
}
template <bool Upper>
Value b_iscase(VM&, Value* a, int, TupleObject*, Value&) {
    bool cased = false;
    for (unsigned char c : self_b(a)->view()) {
        if (Upper ? is_lower(c) : is_upper(c)) return Value::boolean(false);
        cased |= Upper ? is_upper(c) : is_lower(c);
    }
    return Value::boolean(cased);
}
Value b_istitle(VM&, Value* a, int, TupleObject*, Value&) {
    bool cased = false, prev = false;
    for (unsigned char c : self_b(a)->view()) {
        if (is_upper(c)) {
            if (prev) return Value::boolean(false);
            prev = cased = true;
        } else if (is_lower(c)) {
            if (!prev) return Value::boolean(false);
            prev = cased = true;
        } else {
            prev = false;
        }
    }
    return Value::boolean(cased);
}

Value do_pad(VM& vm, Value* a, int n, TupleObject* kw, int where, const char* name) {
    if (!positional(vm, name, n, kw, 1, 2)) return Value();
    int64_t width;
    if (!int_from_value(vm, a[1], width, "width")) return Value();
    char fill = ' ';
    if (n > 2) {
        std::string_view f;
        std::string scratch;
        if (!bytes_like(vm, a[2], f, scratch) || f.size() != 1)
            return vm.raisef(vm.e_TypeError, "%s() argument 2 must be a byte string of length 1, not %s", name,
                             type_name(a[2]).c_str());
        fill = f[0];
    }
    std::string_view s = self_b(a)->view();
    if (width <= static_cast<int64_t>(s.size())) return make(vm, a, s);
    if (!vm.reserve_memory(static_cast<size_t>(width))) return Value();
    size_t total = static_cast<size_t>(width) - s.size(), left;
    if (where == 0)
        left = total / 2 + (total & static_cast<size_t>(width) & 1);  // CPython's center() rounding
    else
        left = where == 1 ? 0 : total;
    std::string out(left, fill);
    out.append(s);
    out.append(total - left, fill);
    return make(vm, a, out);
}
Value b_center(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return do_pad(vm, a, n, kw, 0, "center"); }
Value b_ljust(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return do_pad(vm, a, n, kw, 1, "ljust"); }
Value b_rjust(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return do_pad(vm, a, n, kw, 2, "rjust"); }

Value b_zfill(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!positional(vm, "zfill", n, kw, 1, 1)) return Value();
    int64_t width;
    if (!int_from_value(vm, a[1], width, "width")) return Value();
    std::string_view s = self_b(a)->view();
    if (width <= static_cast<int64_t>(s.size())) return make(vm, a, s);
    if (!vm.reserve_memory(static_cast<size_t>(width))) return Value();
    size_t pad = static_cast<size_t>(width) - s.size();
    std::string out;
    size_t start = 0;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        out += s[0];
        start = 1;
    }
    out.append(pad, '0');
    out.append(s.substr(start));
    return make(vm, a, out);
}

Value b_expandtabs(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value args[1];
    if (!parse_args(vm, "expandtabs", a + 1, n - 1, kw, {"tabsize"}, 0, args)) return Value();
    int64_t tab = 8;
    if (!args[0].is_null() && !int_from_value(vm, args[0], tab, "tabsize")) return Value();
    std::string out;
    int64_t col = 0;
    for (char c : self_b(a)->view()) {
        if (c == '\t') {
            if (tab > 0) {
                int64_t k = tab - col % tab;
                if (!vm.reserve_memory(out.size() + static_cast<size_t>(k))) return Value();
                out.append(static_cast<size_t>(k), ' ');
                col += k;
            }
        } else {
            out += c;
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
    }
    return make(vm, a, out);
}

// [SECTION] hex, translate, decode

Value b_hex(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value args[2];
    if (!parse_args(vm, "hex", a + 1, n - 1, kw, {"sep", "bytes_per_sep"}, 0, args)) return Value();
    std::string_view s = self_b(a)->view();
    std::string sep;
    int64_t per = 1;
    if (!args[0].is_null()) {
        std::string_view sv;
        std::string scratch;
        if (is_str(args[0]))
            sv = as_str(args[0])->view();
        else if (!bytes_like(vm, args[0], sv, scratch))
            return vm.raise(vm.e_TypeError, "sep must be str or bytes.");
        if (sv.size() != 1 || static_cast<unsigned char>(sv[0]) >= 0x80)
            return vm.raise(vm.e_ValueError, sv.size() != 1 ? "sep must be length 1." : "sep must be ASCII.");
        sep = std::string(sv);
    }
    if (!args[1].is_null() && !int_from_value(vm, args[1], per, "bytes_per_sep")) return Value();
    static const char* hex = "0123456789abcdef";
    if (!vm.reserve_memory(s.size() * 3)) return Value();
    std::string out;
    size_t group = per < 0 ? static_cast<size_t>(-per) : static_cast<size_t>(per);
    for (size_t i = 0; i < s.size(); ++i) {
        if (!sep.empty() && group && i) {
            // Positive bytes_per_sep counts groups from the right, negative from the left.
            bool cut = per > 0 ? (s.size() - i) % group == 0 : i % group == 0;
            if (cut) out += sep;
        }
        unsigned char c = static_cast<unsigned char>(s[i]);
        out += hex[c >> 4];
        out += hex[c & 15];
    }
    return vm.str(out);
}

int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// bytes.fromhex(string) / bytearray.fromhex(string): a class method.
Value b_fromhex(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!positional(vm, "fromhex", n, kw, 1, 1)) return Value();
    if (!is_str(a[1]))
        return vm.raisef(vm.e_TypeError, "fromhex() argument must be str, not %s", type_name(a[1]).c_str());
    std::string_view s = as_str(a[1])->view();
    std::string out;
    size_t i = 0;
    while (i < s.size()) {
        if (is_space(static_cast<unsigned char>(s[i]))) {
            ++i;
            continue;
        }
        int hi = hexval(s[i]);
        int lo = i + 1 < s.size() ? hexval(s[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            // Positions count code points, as CPython's.
            size_t at = hi < 0 ? i : i + 1;
            int64_t cp = 0;
            for (size_t k = 0; k < at; ++k)
                if ((static_cast<unsigned char>(s[k]) & 0xC0) != 0x80) ++cp;
            return vm.raisef(vm.e_ValueError, "non-hexadecimal number found in fromhex() arg at position %lld",
                             static_cast<long long>(cp));
        }
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    auto* t = a[0].as<TypeObject>();
    Value r = new_bytes(vm, VM::is_subtype(t, vm.t_bytearray) ? vm.t_bytearray : vm.t_bytes, out);
    if (r.is_null() || t == vm.t_bytes || t == vm.t_bytearray) return r;
    return vm.call(Value::object(t), {r});
}

Value b_translate(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value args[2];
    if (!parse_args(vm, "translate", a + 1, n - 1, kw, {"table", "delete"}, 1, args)) return Value();
    std::string_view table, del;
    std::string s1, s2;
    if (!args[0].is_none()) {
        if (!need_bytes_like(vm, args[0], table, s1)) return Value();
        if (table.size() != 256) return vm.raise(vm.e_ValueError, "translation table must be 256 characters long");
    }
    if (!args[1].is_null() && !need_bytes_like(vm, args[1], del, s2)) return Value();
    std::string out;
    for (char c : self_b(a)->view()) {
        if (del.find(c) != std::string_view::npos) continue;
        out += table.empty() ? c : table[static_cast<unsigned char>(c)];
    }
    return make(vm, a, out);
}

Value b_maketrans(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (kw && kw->m_size) return vm.raise(vm.e_TypeError, "maketrans() takes no keyword arguments");
    if (n != 2) return vm.raisef(vm.e_TypeError, "maketrans expected 2 arguments, got %d", n);
    std::string_view f, t;
    std::string s1, s2;
    if (!need_bytes_like(vm, a[0], f, s1) || !need_bytes_like(vm, a[1], t, s2)) return Value();
    if (f.size() != t.size()) return vm.raise(vm.e_ValueError, "maketrans arguments must have same length");
    std::string table(256, '\0');
    for (int i = 0; i < 256; ++i) table[i] = static_cast<char>(i);
    for (size_t i = 0; i < f.size(); ++i) table[static_cast<unsigned char>(f[i])] = t[i];
    return new_bytes(vm, table);
}

Value b_decode(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value args[2];
    if (!parse_args(vm, "decode", a + 1, n - 1, kw, {"encoding", "errors"}, 0, args)) return Value();
    for (int i = 0; i < 2; ++i)
        if (!args[i].is_null() && !is_str(args[i]))
            return vm.raisef(vm.e_TypeError, "decode() argument '%s' must be str, not %s",
                             i == 0 ? "encoding" : "errors", type_name(args[i]).c_str());
    return codec_decode(vm, self_b(a)->view(), args[0].is_null() ? "utf-8" : as_str(args[0])->view(),
                        args[1].is_null() ? "strict" : as_str(args[1])->view());
}

Value b_getnewargs(VM& vm, Value* a, int, TupleObject*, Value&) {
    Value b = new_bytes(vm, self_b(a)->view());
    if (b.is_null()) return b;
    return vm.tuple({b});
}

}  // namespace

// [SECTION] %-formatting

// b'...' % args (PEP 461): %s/%b take bytes-like objects or __bytes__, %r/%a
// give ascii(repr), %c an int or one byte; the numeric conversions format as
// str's % does (their output is ASCII).
Value bytes_percent_format(VM& vm, const Value& self, const Value& args) {
    std::string_view f = as_bytes(self)->view();
    bool is_tuple = is_kind(args, ObjKind::Tuple);
    bool is_map = !is_tuple && is_kind(args, ObjKind::Dict);
    std::vector<Value> items;
    if (is_tuple) {
        auto* t = args.as<TupleObject>();
        items.assign(t->items(), t->items() + t->m_size);
    } else {
        items.push_back(args);
    }
    size_t next = 0;
    bool used_map = false;
    std::string out;
    for (size_t i = 0; i < f.size(); ++i) {
        if (f[i] != '%') {
            out += f[i];
            continue;
        }
        size_t start = i++;
        if (i >= f.size()) return vm.raise(vm.e_ValueError, "incomplete format");
        Value arg;
        if (f[i] == '(') {
            size_t close = f.find(')', i);
            if (close == std::string_view::npos) return vm.raise(vm.e_ValueError, "incomplete format key");
            if (!is_map) return vm.raise(vm.e_TypeError, "format requires a mapping");
            Value key = new_bytes(vm, f.substr(i + 1, close - i - 1));
            arg = vm.getitem(args, key);
            if (arg.is_null()) return Value();
            used_map = true;
            i = close + 1;
        }
        std::string spec = "%";
        while (i < f.size() && std::strchr("-+ #0", f[i])) spec += f[i++];
        auto take = [&](Value& out_v) {
            if (next >= items.size()) {
                vm.raise(vm.e_TypeError, "not enough arguments for format string");
                return false;
            }
            out_v = items[next++];
            return true;
        };
        for (int part = 0; part < 2; ++part) {
            if (i < f.size() && f[i] == '*') {
                Value w;
                if (!take(w)) return Value();
                if (!w.is_intlike()) return vm.raise(vm.e_TypeError, "* wants int");
                spec += std::to_string(w.as_intlike());
                ++i;
            } else {
                while (i < f.size() && is_digit(static_cast<unsigned char>(f[i]))) spec += f[i++];
            }
            if (part == 0) {
                if (i < f.size() && f[i] == '.')
                    spec += f[i++];
                else
                    break;
            }
        }
        while (i < f.size() && (f[i] == 'h' || f[i] == 'l' || f[i] == 'L')) ++i;
        if (i >= f.size()) return vm.raise(vm.e_ValueError, "incomplete format");
        char conv = f[i];
        if (conv == '%') {
            out += '%';
            continue;
        }
        if (arg.is_null() && !take(arg)) return Value();
        std::string piece;
        switch (conv) {
        case 's':
        case 'b': {
            std::string_view v;
            std::string scratch, tmp;
            if (!bytes_like(vm, arg, v, scratch)) {
                Value fb = arg.is_obj() ? vm.type_lookup(vm.type_of(arg), vm.intern("__bytes__")) : Value();
                if (fb.is_null())
                    return vm.raisef(vm.e_TypeError,
                                     "%%b requires a bytes-like object, or an object that implements __bytes__, not "
                                     "'%s'",
                                     type_name(arg).c_str());
                Value r = vm.call(fb, {arg});
                if (r.is_null()) return Value();
                if (!is_bytes(vm, r))
                    return vm.raisef(vm.e_TypeError, "__bytes__ returned non-bytes (type %s)", type_name(r).c_str());
                tmp.assign(as_bytes(r)->view());
                v = tmp;
            }
            // Width and precision apply to the bytes: format a placeholder of the same length.
            std::string sp = spec;
            size_t dot = sp.find('.');
            std::string_view body = v;
            if (dot != std::string::npos) {
                size_t prec = static_cast<size_t>(std::atoll(sp.c_str() + dot + 1));
                if (body.size() > prec) body = body.substr(0, prec);
                sp.resize(dot);
            }
            size_t width = 0;
            size_t k = 1;
            bool left = false;
            while (k < sp.size() && std::strchr("-+ #0", sp[k])) left |= sp[k++] == '-';
            width = static_cast<size_t>(std::atoll(sp.c_str() + k));
            if (width > body.size() && !vm.reserve_memory(width)) return Value();
            std::string padded;
            if (!left && width > body.size()) padded.append(width - body.size(), ' ');
            padded.append(body);
            if (left && width > body.size()) padded.append(width - body.size(), ' ');
            piece = padded;
            break;
        }
        case 'r':
        case 'a': {
            Value r = vm.call(vm.m_builtins ? *dict_get_str(vm.m_builtins, vm.intern("ascii")) : Value(), {arg});
            if (r.is_null()) return Value();
            Value fmt = vm.str(spec + "s");
            Value s = percent_format(vm, as_str(fmt), vm.tuple({r}));
            if (s.is_null()) return Value();
            piece = as_str(s)->str();
            break;
        }
        case 'c': {
            std::string_view v;
            std::string scratch;
            if (bytes_like(vm, arg, v, scratch)) {
                if (v.size() != 1)
                    return vm.raise(vm.e_TypeError, "%c requires an integer in range(256) or a single byte");
                piece = std::string(v);
            } else if (arg.is_intlike()) {
                int64_t c = arg.as_intlike();
                if (c < 0 || c > 255) return vm.raise(vm.e_OverflowError, "%c arg not in range(256)");
                piece = std::string(1, static_cast<char>(c));
            } else {
                return vm.raise(vm.e_TypeError, "%c requires an integer in range(256) or a single byte");
            }
            break;
        }
        case 'd':
        case 'i':
        case 'u':
        case 'o':
        case 'x':
        case 'X':
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G': {
            Value fmt = vm.str(spec + conv);
            Value s = percent_format(vm, as_str(fmt), vm.tuple({arg}));
            if (s.is_null()) return Value();
            piece = as_str(s)->str();
            break;
        }
        default: {
            (void)start;
            return vm.raisef(vm.e_ValueError, "unsupported format character '%c' (0x%x) at index %zu", conv,
                             static_cast<unsigned>(static_cast<unsigned char>(conv)), i);
        }
        }
        if (!vm.reserve_memory(out.size() + piece.size())) return Value();
        out += piece;
    }
    if (is_tuple && next < items.size())
        return vm.raise(vm.e_TypeError, "not all arguments converted during bytes formatting");
    if (!is_tuple && !is_map && !used_map && next == 0 && !(is_bytes(vm, args) && false)) {
        // A single non-tuple argument that no conversion used.
        bool mapping_like = args.is_obj() && !vm.type_lookup(vm.type_of(args), vm.names().d_getitem).is_null() &&
                            !is_bytes(vm, args) && !is_bytearray(vm, args);
        if (!mapping_like) return vm.raise(vm.e_TypeError, "not all arguments converted during bytes formatting");
    }
    TypeObject* t = VM::is_subtype(vm.type_of(self), vm.t_bytearray) ? vm.t_bytearray : vm.t_bytes;
    return new_bytes(vm, t, out);
}

// [SECTION] Registration

void add_bytes_methods(VM& vm, TypeObject* t) {
    struct {
        const char* n;
        NativeFn f;
    } methods[] = {
        {"find", b_find},
        {"rfind", b_rfind},
        {"index", b_index},
        {"rindex", b_rindex},
        {"count", b_count},
        {"startswith", b_startswith},
        {"endswith", b_endswith},
        {"split", b_split},
        {"rsplit", b_rsplit},
        {"splitlines", b_splitlines},
        {"join", b_join},
        {"replace", b_replace},
        {"strip", b_strip},
        {"lstrip", b_lstrip},
        {"rstrip", b_rstrip},
        {"partition", b_partition},
        {"rpartition", b_rpartition},
        {"removeprefix", b_removeprefix},
        {"removesuffix", b_removesuffix},
        {"upper", b_map<to_upper>},
        {"lower", b_map<to_lower>},
        {"swapcase", b_map<swap_case>},
        {"capitalize", b_capitalize},
        {"title", b_title},
        {"isdigit", b_is<is_digit>},
        {"isalpha", b_is<is_alpha>},
        {"isalnum", b_is<is_alnum>},
        {"isspace", b_is<is_space>},
        {"isascii", b_isascii},
        {"isupper", b_iscase<true>},
        {"islower", b_iscase<false>},
        {"istitle", b_istitle},
        {"center", b_center},
        {"ljust", b_ljust},
        {"rjust", b_rjust},
        {"zfill", b_zfill},
        {"expandtabs", b_expandtabs},
        {"hex", b_hex},
        {"translate", b_translate},
        {"decode", b_decode},
        {"__getnewargs__", b_getnewargs},
    };
    for (auto& m : methods) vm.add_method(t, m.n, m.f);
    vm.add_method(t, "fromhex", b_fromhex, NF_CLASSMETHOD);
    vm.add_method(t, "maketrans", b_maketrans, 0);
}

}  // namespace aio::script
