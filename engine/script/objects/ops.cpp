// ops.cpp — the object protocols (CPython's object.c / abstract.c).
//
// Contents
//   [SECTION] Types and truth
//   [SECTION] repr and str
//   [SECTION] Hashing and equality
//   [SECTION] Rich comparison
//   [SECTION] Arithmetic
//   [SECTION] Containers: len, contains, items
//   [SECTION] Iteration
//   [SECTION] Conversions
//
// Builtin types are handled directly by kind; instances of classes (and
// C++-defined objects) go through their dunder methods, with CPython's
// reflected-operand rules.
#include <cmath>
#include <cstring>
#include <unordered_set>

#include "objects/runtime.hpp"

namespace aio::script {

// [SECTION] Types and truth

TypeObject* VM::type_of(const Value& v) const {
    switch (v.tag()) {
    case Tag::Obj:
        return v.as_obj()->m_type;
    case Tag::Int:
        return t_int;
    case Tag::Float:
        return t_float;
    case Tag::Bool:
        return t_bool;
    default:
        return t_none;
    }
}

bool VM::isinstance(const Value& v, TypeObject* t) const { return is_subtype(type_of(v), t); }

std::string type_name(const Value& v) {
    VM* vm = VM::current();
    TypeObject* t = vm->type_of(v);
    return as_str(t->m_name)->str();
}

static bool is_user(const Value& v) {
    if (!v.is_obj()) return false;
    TypeObject* t = v.as_obj()->m_type;
    return (t->m_tflags & TF_HEAPTYPE) || kind_of(v.as_obj()) == ObjKind::Cxx ||
           kind_of(v.as_obj()) == ObjKind::Instance;
}

int VM::truthy(const Value& v) {
    switch (v.tag()) {
    case Tag::None:
    case Tag::Null:
        return 0;
    case Tag::Bool:
        return v.as_bool();
    case Tag::Int:
        return v.as_int() != 0;
    case Tag::Float:
        return v.as_float() != 0.0;
    case Tag::Obj:
        break;
    }
    Object* o = v.as_obj();
    if (!(o->m_type->m_tflags & TF_HEAPTYPE)) {
        switch (kind_of(o)) {
        case ObjKind::Str:
            return static_cast<StrObject*>(o)->m_size != 0;
        case ObjKind::Tuple:
            return static_cast<TupleObject*>(o)->m_size != 0;
        case ObjKind::List:
            return static_cast<ListObject*>(o)->m_size != 0;
        case ObjKind::Dict:
            return static_cast<DictObject*>(o)->m_used != 0;
        case ObjKind::Set:
        case ObjKind::FrozenSet:
            return static_cast<SetObject*>(o)->m_used != 0;
        case ObjKind::Range:
            return static_cast<RangeObject*>(o)->m_len != 0;
        case ObjKind::Instance:
        case ObjKind::Cxx:
        case ObjKind::DictView:
            break;
        default:
            return 1;
        }
    }
    Value f = type_lookup(o->m_type, names().d_bool);
    if (!f.is_null()) {
        Value r = call(f, {v});
        if (r.is_null()) return -1;
        if (!r.is_bool()) {
            raisef(e_TypeError, "__bool__ should return bool, returned %s", type_name(r).c_str());
            return -1;
        }
        return r.as_bool();
    }
    f = type_lookup(o->m_type, names().d_len);
    if (!f.is_null()) {
        Value r = call(f, {v});
        if (r.is_null()) return -1;
        if (!r.is_intlike()) {
            raisef(e_TypeError, "'%s' object cannot be interpreted as an integer", type_name(r).c_str());
            return -1;
        }
        return r.as_intlike() != 0;
    }
    switch (kind_of(o)) {
    case ObjKind::Str:
        return static_cast<StrObject*>(o)->m_size != 0;
    case ObjKind::List:
        return static_cast<ListObject*>(o)->m_size != 0;
    case ObjKind::Dict:
        return static_cast<DictObject*>(o)->m_used != 0;
    case ObjKind::Set:
        return static_cast<SetObject*>(o)->m_used != 0;
    default:
        return 1;
    }
}

// [SECTION] repr and str

namespace {

// Objects whose repr is being computed (self-referencing containers print [...]).
thread_local std::vector<const Object*> t_repr_stack;

struct ReprGuard {
    bool recursive = false;
    bool pushed = false;
    explicit ReprGuard(const Object* o) {
        for (const Object* p : t_repr_stack)
            if (p == o) recursive = true;
        if (!recursive) {
            t_repr_stack.push_back(o);
            pushed = true;
        }
    }
    ~ReprGuard() {
        if (pushed) t_repr_stack.pop_back();
    }
};

std::string ptr_str(const void* p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%p", p);
    return buf;
}

}  // namespace

bool VM::repr_into(const Value& v, std::string& out) {
    switch (v.tag()) {
    case Tag::None:
        out += "None";
        return true;
    case Tag::Bool:
        out += v.as_bool() ? "True" : "False";
        return true;
    case Tag::Int:
        out += std::to_string(v.as_int());
        return true;
    case Tag::Float:
        out += float_repr(v.as_float());
        return true;
    case Tag::Null:
        out += "<NULL>";
        return true;
    case Tag::Obj:
        if (is_bigint(v)) return int_to_decimal(*this, v, out);
        break;
    }
    Object* o = v.as_obj();
    TypeObject* t = o->m_type;
    bool heap = t->m_tflags & TF_HEAPTYPE;
    if (heap && (kind_of(o) == ObjKind::List || kind_of(o) == ObjKind::Dict || kind_of(o) == ObjKind::Set)) {
        // A subclass of list, dict or set that defines no __repr__ of its own
        // shows as its base does (a set's with the class name around it).
        bool own = false;
        for (TypeObject* b : t->m_mro) {
            if (!(b->m_tflags & TF_HEAPTYPE)) break;
            if (b->m_dict && dict_get_str(b->m_dict, names().d_repr)) own = true;
        }
        if (!own) heap = false;
    }
    if (!heap) {
        switch (kind_of(o)) {
        case ObjKind::Str:
            if (t == t_str) {
                out += str_repr(static_cast<StrObject*>(o)->view());
                return true;
            }
            break;
        case ObjKind::List: {
            auto* l = static_cast<ListObject*>(o);
            ReprGuard g(o);
            if (g.recursive) {
                out += "[...]";
                return true;
            }
            out += '[';
            for (uint32_t i = 0; i < l->m_size; ++i) {
                if (i) out += ", ";
                Value item = l->m_items[i];
                if (!repr_into(item, out)) return false;
            }
            out += ']';
            return true;
        }
        case ObjKind::Tuple: {
            auto* tp = static_cast<TupleObject*>(o);
            ReprGuard g(o);
            if (g.recursive) {
                out += "(...)";
                return true;
            }
            out += '(';
            for (uint32_t i = 0; i < tp->m_size; ++i) {
                if (i) out += ", ";
                if (!repr_into(tp->items()[i], out)) return false;
            }
            if (tp->m_size == 1) out += ',';
            out += ')';
            return true;
        }
        case ObjKind::Dict: {
            ReprGuard g(o);
            if (g.recursive) {
                out += "{...}";
                return true;
            }
            TypeObject* builtin = t;  // the first non-heap class: dict, or e.g. defaultdict
            for (TypeObject* b : t->m_mro)
                if (!(b->m_tflags & TF_HEAPTYPE)) {
                    builtin = b;
                    break;
                }
            if (builtin != t_dict) {
                Value r = call_method(v, "__repr__", {});
                if (r.is_null()) return false;
                out += as_str(r)->view();
                return true;
            }
            Value r = dict_repr(*this, static_cast<DictObject*>(o));
            if (r.is_null()) return false;
            out += as_str(r)->view();
            return true;
        }
        case ObjKind::Set:
        case ObjKind::FrozenSet: {
            auto* s = static_cast<SetObject*>(o);
            bool frozen = kind_of(o) == ObjKind::FrozenSet;
            ReprGuard g(o);
            if (g.recursive) {
                out += as_str(t->m_name)->str() + "(...)";
                return true;
            }
            // set() / frozenset({..}); a subclass S({..}) as CPython names it.
            bool named = frozen || t != t_set;
            std::string name = t == t_set ? "set" : t == t_frozenset ? "frozenset" : as_str(t->m_name)->str();
            if (s->m_used == 0) {
                out += name + "()";
                return true;
            }
            if (named) out += name + "(";
            out += '{';
            int64_t pos = 0;
            Value* k;
            bool first = true;
            while (set_next(s, pos, k)) {
                if (!first) out += ", ";
                first = false;
                Value kk = *k;
                if (!repr_into(kk, out)) return false;
            }
            out += '}';
            if (named) out += ')';
            return true;
        }
        case ObjKind::Function: {
            auto* f = static_cast<FunctionObject*>(o);
            out += "<function " + as_str(f->m_qualname)->str() + " at " + ptr_str(o) + ">";
            return true;
        }
        case ObjKind::Native: {
            auto* n = static_cast<NativeObject*>(o);
            if (n->m_owner) {
                out +=
                    std::string("<method '") + n->m_name + "' of '" + as_str(n->m_owner->m_name)->str() + "' objects>";
            } else if (!n->m_self.is_null()) {
                out += std::string("<built-in method ") + n->m_name + " of " + type_name(n->m_self) + " object at " +
                       ptr_str(n->m_self.is_obj() ? n->m_self.as_obj() : nullptr) + ">";
            } else {
                out += std::string("<built-in function ") + n->m_name + ">";
            }
            return true;
        }
        case ObjKind::BoundMethod: {
            auto* m = static_cast<BoundMethodObject*>(o);
            std::string fname = "?";
            if (is_kind(m->m_func, ObjKind::Function))
                fname = as_str(m->m_func.as<FunctionObject>()->m_qualname)->str();
            else if (is_kind(m->m_func, ObjKind::Native)) {
                auto* n = m->m_func.as<NativeObject>();
                if (n->m_owner) {
                    out += std::string("<built-in method ") + n->m_name + " of " + type_name(m->m_self) +
                           " object at " + ptr_str(m->m_self.is_obj() ? m->m_self.as_obj() : nullptr) + ">";
                    return true;
                }
                fname = n->m_name;
            }
            out += "<bound method " + fname + " of ";
            if (!repr_into(m->m_self, out)) return false;
            out += ">";
            return true;
        }
        case ObjKind::Type: {
            if (t == t_type) {
                auto* ty = static_cast<TypeObject*>(o);
                std::string mod = is_str(ty->m_module) ? as_str(ty->m_module)->str() : "";
                out += "<class '";
                if (!mod.empty() && mod != "builtins") out += mod + ".";
                out += as_str(ty->m_qualname)->str() + "'>";
                return true;
            }
            break;
        }
        case ObjKind::Module: {
            auto* m = static_cast<ModuleObject*>(o);
            Value* f = dict_get_str(m->m_dict, names().d_file);
            out += "<module '" + as_str(m->m_name)->str() + "'";
            out += f && is_str(*f) ? " from '" + as_str(*f)->str() + "'>" : " (built-in)>";
            return true;
        }
        case ObjKind::Range: {
            auto* r = static_cast<RangeObject*>(o);
            out += "range(" + std::to_string(r->m_start) + ", " + std::to_string(r->m_stop);
            if (r->m_step != 1) out += ", " + std::to_string(r->m_step);
            out += ")";
            return true;
        }
        case ObjKind::Slice: {
            auto* s = static_cast<SliceObject*>(o);
            out += "slice(";
            if (!repr_into(s->m_start, out)) return false;
            out += ", ";
            if (!repr_into(s->m_stop, out)) return false;
            out += ", ";
            if (!repr_into(s->m_step, out)) return false;
            out += ")";
            return true;
        }
        case ObjKind::Generator: {
            Value r = gen_repr(*this, static_cast<GenObject*>(o));
            out += as_str(r)->view();
            return true;
        }
        case ObjKind::Cell:
            out += "<cell at " + ptr_str(o) + ">";
            return true;
        case ObjKind::Code:
            out += "<code object " + as_str(static_cast<CodeObject*>(o)->m_name)->str() + " at " + ptr_str(o) + ">";
            return true;
        case ObjKind::Iter:
        case ObjKind::Property:
        case ObjKind::StaticMethod:
        case ObjKind::ClassMethod:
        case ObjKind::Super:
            if (v.identical(m_notimplemented)) {
                out += "NotImplemented";
                return true;
            }
            if (v.identical(m_ellipsis)) {
                out += "Ellipsis";
                return true;
            }
            if (kind_of(o) == ObjKind::Super) {
                auto* s = static_cast<SuperObject*>(o);
                out += "<super: <class '" + as_str(s->m_start->m_name)->str() + "'>, <" +
                       as_str(s->m_objtype->m_name)->str() + " object>>";
                return true;
            }
            if (kind_of(o) == ObjKind::StaticMethod || kind_of(o) == ObjKind::ClassMethod) {
                out += "<" + as_str(t->m_name)->str() + "(";
                if (!repr_into(static_cast<WrapperObject*>(o)->m_func, out)) return false;
                out += ")>";
                return true;
            }
            out += "<" + as_str(t->m_name)->str() + " object at " + ptr_str(o) + ">";
            return true;
        default:
            break;
        }
    }
    if (v.identical(m_notimplemented)) {
        out += "NotImplemented";
        return true;
    }
    if (v.identical(m_ellipsis)) {
        out += "Ellipsis";
        return true;
    }
    Value f = type_lookup(t, names().d_repr);
    if (f.is_null()) {
        out += "<" + as_str(t->m_name)->str() + " object at " + ptr_str(o) + ">";
        return true;
    }
    ReprGuard g(o);
    Value r = call(f, {v});
    if (r.is_null()) return false;
    if (!is_str(r)) {
        raisef(e_TypeError, "__repr__ returned non-string (type %s)", type_name(r).c_str());
        return false;
    }
    out += as_str(r)->view();
    return true;
}

Value VM::repr(const Value& v) {
    if (is_str(v) && v.as_obj()->m_type == t_str) return str(str_repr(as_str(v)->view()));
    std::string s;
    if (!repr_into(v, s)) return Value();
    return str(s);
}

bool VM::str_into(const Value& v, std::string& out) {
    if (is_str(v) && v.as_obj()->m_type == t_str) {
        out += as_str(v)->view();
        return true;
    }
    Value s = to_str(v);
    if (s.is_null()) return false;
    out += as_str(s)->view();
    return true;
}

Value VM::to_str(const Value& v) {
    if (v.is_obj()) {
        Object* o = v.as_obj();
        if (kind_of(o) == ObjKind::Str && o->m_type == t_str) return v;
        TypeObject* t = o->m_type;
        if (kind_of(o) == ObjKind::Exception && !(t->m_tflags & TF_HEAPTYPE))
            return exc_str(*this, static_cast<ExceptionObject*>(o));
        if ((t->m_tflags & TF_HEAPTYPE) || kind_of(o) == ObjKind::Cxx || kind_of(o) == ObjKind::Exception ||
            kind_of(o) == ObjKind::Instance) {
            Value f = type_lookup(t, names().d_str);
            if (!f.is_null()) {
                Value r = call(f, {v});
                if (r.is_null()) return Value();
                if (!is_str(r))
                    return raisef(e_TypeError, "__str__ returned non-string (type %s)", type_name(r).c_str());
                return r;
            }
        }
    }
    return repr(v);
}

// [SECTION] Hashing and equality

int64_t hash_int(int64_t v) {
    const uint64_t mod = (uint64_t(1) << 61) - 1;
    uint64_t a = v < 0 ? -static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    int64_t h = static_cast<int64_t>(a % mod);
    if (v < 0) h = -h;
    return h == -1 ? -2 : h;
}

int64_t hash_double(double v) {
    const int bits = 61;
    const uint64_t mod = (uint64_t(1) << bits) - 1;
    if (!std::isfinite(v)) {
        if (std::isinf(v)) return v > 0 ? 314159 : -314159;
        return 0;
    }
    int e;
    double m = std::frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m != 0) {
        x = ((x << 28) & mod) | x >> (bits - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = static_cast<uint64_t>(m);
        m -= static_cast<double>(y);
        x += y;
        if (x >= mod) x -= mod;
    }
    e = e >= 0 ? e % bits : bits - 1 - ((-1 - e) % bits);
    x = ((x << e) & mod) | x >> (bits - e);
    x = x * static_cast<uint64_t>(static_cast<int64_t>(sign));
    if (x == static_cast<uint64_t>(-1)) x = static_cast<uint64_t>(-2);
    return static_cast<int64_t>(x);
}

int64_t VM::hash(const Value& v) {
    switch (v.tag()) {
    case Tag::None:
        return 0xFCA86420;  // a constant, as in CPython 3.12
    case Tag::Bool:
        return v.as_bool() ? 1 : 0;
    case Tag::Int:
        return hash_int(v.as_int());
    case Tag::Float: {
        double d = v.as_float();
        if (std::isnan(d)) return static_cast<int64_t>(reinterpret_cast<uintptr_t>(&v) >> 4);
        return hash_double(d);
    }
    case Tag::Null:
        return 0;
    case Tag::Obj:
        break;
    }
    Object* o = v.as_obj();
    TypeObject* t = o->m_type;
    if (!(t->m_tflags & TF_HEAPTYPE)) {
        switch (kind_of(o)) {
        case ObjKind::Str:
            return str_hash(static_cast<StrObject*>(o));
        case ObjKind::Tuple:
            return tuple_hash(*this, static_cast<TupleObject*>(o));
        case ObjKind::FrozenSet:
            return set_hash(*this, static_cast<SetObject*>(o));
        case ObjKind::List:
        case ObjKind::Dict:
        case ObjKind::Set:
        case ObjKind::Slice:
        case ObjKind::DictView:
            raisef(e_TypeError, "unhashable type: '%s'", as_str(t->m_name)->data());
            return -1;
        case ObjKind::Instance:
        case ObjKind::Cxx:
        case ObjKind::Exception:
            break;
        case ObjKind::BigInt:
            return int_hash(v);
        case ObjKind::Range: {
            auto* r = static_cast<RangeObject*>(o);
            return hash_int(r->m_start * 31 + r->m_stop * 17 + r->m_step);
        }
        default: {
            int64_t h = static_cast<int64_t>(reinterpret_cast<uintptr_t>(o) >> 4);
            return h == -1 ? -2 : h;
        }
        }
    }
    Value f = type_lookup(t, names().d_hash);
    if (f.is_none()) {
        raisef(e_TypeError, "unhashable type: '%s'", as_str(t->m_name)->data());
        return -1;
    }
    if (f.is_null() || (is_kind(f, ObjKind::Native) && f.as<NativeObject>()->m_owner == t_object)) {
        int64_t h = static_cast<int64_t>(reinterpret_cast<uintptr_t>(o) >> 4);
        return h == -1 ? -2 : h;
    }
    Value r = call(f, {v});
    if (r.is_null()) return -1;
    if (!r.is_intlike()) {
        raise(e_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    int64_t h = hash_int(r.as_intlike());
    return h;
}

int VM::eq(const Value& a, const Value& b) {
    if (a.identical(b)) {
        if (a.is_float() && std::isnan(a.as_float())) return 1;  // identity wins in containers
        return 1;
    }
    // Fast paths for the common scalar and string cases.
    if (a.is_intlike() && b.is_intlike()) return a.as_intlike() == b.as_intlike();
    if (is_str(a) && is_str(b)) return str_eq(as_str(a), as_str(b));
    Value r = compare(0, a, b);
    if (r.is_null()) return -1;
    return truthy(r);
}

// [SECTION] Rich comparison

namespace {

const char* kCmpSym[] = {"==", "!=", "<", "<=", ">", ">="};
const int kReflect[] = {0, 1, 4, 5, 2, 3};  // a<b  <=>  b>a

template <class T>
bool cmp_apply(int op, T x, T y) {
    switch (op) {
    case 0:
        return x == y;
    case 1:
        return x != y;
    case 2:
        return x < y;
    case 3:
        return x <= y;
    case 4:
        return x > y;
    default:
        return x >= y;
    }
}

StrObject* cmp_dunder(const Interned& n, int op) {
    switch (op) {
    case 0:
        return n.d_eq;
    case 1:
        return n.d_ne;
    case 2:
        return n.d_lt;
    case 3:
        return n.d_le;
    case 4:
        return n.d_gt;
    default:
        return n.d_ge;
    }
}

}  // namespace

Value VM::compare(int op, const Value& a, const Value& b) {
    // Numbers.
    if (a.is_intlike() && b.is_intlike()) return Value::boolean(cmp_apply(op, a.as_intlike(), b.as_intlike()));
    if (is_number(a) && is_number(b)) {
        // An int beyond 2**53 is not exact as a double: compare it exactly.
        const Value& iv = a.is_float() ? b : a;
        const Value& fv = a.is_float() ? a : b;
        if (!iv.is_float() && fv.is_float() && !std::isnan(fv.as_float()) &&
            (iv.as_intlike() > (int64_t(1) << 53) || iv.as_intlike() < -(int64_t(1) << 53)))
            return Value::boolean(cmp_apply(op, bigint_compare(a, b), 0));
        double x = a.is_float() ? a.as_float() : static_cast<double>(a.as_intlike());
        double y = b.is_float() ? b.as_float() : static_cast<double>(b.as_intlike());
        return Value::boolean(cmp_apply(op, x, y));
    }
    if ((is_bigint(a) && (is_number(b) || is_bigint(b))) || (is_bigint(b) && is_number(a))) {
        if ((a.is_float() && std::isnan(a.as_float())) || (b.is_float() && std::isnan(b.as_float())))
            return Value::boolean(op == 1);
        return Value::boolean(cmp_apply(op, bigint_compare(a, b), 0));
    }
    bool ua = is_user(a), ub = is_user(b);
    if (ua || ub) {
        // Dunder protocol with reflection; the right operand goes first when
        // its type is a proper subclass of the left's.
        TypeObject* ta = type_of(a);
        TypeObject* tb = type_of(b);
        StrObject* name = cmp_dunder(names(), op);
        StrObject* rname = cmp_dunder(names(), kReflect[op]);
        bool reflected_first = ta != tb && is_subtype(tb, ta) && ub;
        for (int pass = 0; pass < 2; ++pass) {
            bool right = (pass == 0) == reflected_first;
            const Value& self = right ? b : a;
            const Value& other = right ? a : b;
            if (!is_user(self)) continue;
            Value f = type_lookup(type_of(self), right ? rname : name);
            if (f.is_null() || f.is_none()) continue;
            Value r = call(f, {self, other});
            if (r.is_null()) return Value();
            if (!r.identical(m_notimplemented)) return r;
        }
    }
    if (a.is_obj() && b.is_obj()) {
        Object* x = a.as_obj();
        Object* y = b.as_obj();
        ObjKind kx = kind_of(x), ky = kind_of(y);
        if (kx == ObjKind::Str && ky == ObjKind::Str) {
            int c = str_compare(static_cast<StrObject*>(x), static_cast<StrObject*>(y));
            return Value::boolean(cmp_apply(op, c, 0));
        }
        if (kx == ObjKind::List && ky == ObjKind::List) {
            auto* l1 = static_cast<ListObject*>(x);
            auto* l2 = static_cast<ListObject*>(y);
            std::vector<Value> c1(l1->m_items, l1->m_items + l1->m_size);
            std::vector<Value> c2(l2->m_items, l2->m_items + l2->m_size);
            return seq_compare(*this, c1.data(), c1.size(), c2.data(), c2.size(), op);
        }
        if (kx == ObjKind::Tuple && ky == ObjKind::Tuple) {
            auto* t1 = static_cast<TupleObject*>(x);
            auto* t2 = static_cast<TupleObject*>(y);
            return seq_compare(*this, t1->items(), t1->m_size, t2->items(), t2->m_size, op);
        }
        bool sx = kx == ObjKind::Set || kx == ObjKind::FrozenSet;
        bool sy = ky == ObjKind::Set || ky == ObjKind::FrozenSet;
        if (sx && sy) return set_compare(*this, static_cast<SetObject*>(x), static_cast<SetObject*>(y), op);
        if (kx == ObjKind::Dict && ky == ObjKind::Dict && op <= 1) {
            auto* d1 = static_cast<DictObject*>(x);
            auto* d2 = static_cast<DictObject*>(y);
            bool equal = d1->m_used == d2->m_used;
            if (equal) {
                uint32_t pos = 0;
                Value *k, *v;
                while (dict_next(d1, pos, k, v)) {
                    Value kk = *k, vv = *v;
                    Value ov = dict_get(*this, d2, kk);
                    if (ov.is_null()) {
                        if (has_exc()) return Value();
                        equal = false;
                        break;
                    }
                    int e = eq(vv, ov);
                    if (e < 0) return Value();
                    if (!e) {
                        equal = false;
                        break;
                    }
                }
            }
            return Value::boolean(op == 0 ? equal : !equal);
        }
        if (kx == ObjKind::Range && ky == ObjKind::Range && op <= 1) {
            auto* r1 = static_cast<RangeObject*>(x);
            auto* r2 = static_cast<RangeObject*>(y);
            bool e = r1->m_len == r2->m_len &&
                     (r1->m_len == 0 || (r1->m_start == r2->m_start && (r1->m_len == 1 || r1->m_step == r2->m_step)));
            return Value::boolean(op == 0 ? e : !e);
        }
        if (kx == ObjKind::DictView && ky == ObjKind::DictView && op <= 1) {
            auto* v1 = static_cast<DictViewObject*>(x);
            auto* v2 = static_cast<DictViewObject*>(y);
            if (v1->m_dk != DictViewKind::Values && v2->m_dk != DictViewKind::Values) {
                Value s1 = Value::steal(new_set());
                Value s2 = Value::steal(new_set());
                if (!set_update(*this, s1.as<SetObject>(), a) || !set_update(*this, s2.as<SetObject>(), b))
                    return Value();
                return set_compare(*this, s1.as<SetObject>(), s2.as<SetObject>(), op);
            }
        }
        if (kx == ObjKind::BoundMethod && ky == ObjKind::BoundMethod && op <= 1) {
            auto* m1 = static_cast<BoundMethodObject*>(x);
            auto* m2 = static_cast<BoundMethodObject*>(y);
            bool e = m1->m_func.identical(m2->m_func) && m1->m_self.identical(m2->m_self);
            return Value::boolean(op == 0 ? e : !e);
        }
    }
    if (op == 0) return Value::boolean(a.identical(b));
    if (op == 1) return Value::boolean(!a.identical(b));
    return raisef(e_TypeError, "'%s' not supported between instances of '%s' and '%s'", kCmpSym[op],
                  type_name(a).c_str(), type_name(b).c_str());
}

int VM::compare_bool(int op, const Value& a, const Value& b) {
    if (a.is_int() && b.is_int()) return cmp_apply(op, a.as_int(), b.as_int());
    Value r = compare(op, a, b);
    if (r.is_null()) return -1;
    if (r.is_bool()) return r.as_bool();
    return truthy(r);
}

// [SECTION] Arithmetic

Value VM::int_overflow() { return raise(e_OverflowError, "integer overflow (ints are 64-bit in this interpreter)"); }

Value int_pow(VM& vm, int64_t a, int64_t b) {
    if (b < 0) {
        if (a == 0) return vm.raise(vm.e_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return Value::real(std::pow(static_cast<double>(a), static_cast<double>(b)));
    }
    int64_t result = 1, base = a, e = b;
    while (e > 0) {
        if (e & 1) {
            if (__builtin_mul_overflow(result, base, &result))
                return bigint_binop(vm, BinOp::Pow, Value::integer(a), Value::integer(b));
        }
        e >>= 1;
        if (e > 0 && __builtin_mul_overflow(base, base, &base))
            return bigint_binop(vm, BinOp::Pow, Value::integer(a), Value::integer(b));
    }
    return Value::integer(result);
}

Value float_floordiv_mod(VM& vm, double vx, double wx, bool want_div) {
    if (wx == 0.0) return vm.raise(vm.e_ZeroDivisionError, want_div ? "float floor division by zero" : "float modulo");
    double mod = std::fmod(vx, wx);
    double div = (vx - mod) / wx;
    if (mod != 0.0) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    } else {
        mod = std::copysign(0.0, wx);
    }
    double floordiv;
    if (div != 0.0) {
        floordiv = std::floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
    } else {
        floordiv = std::copysign(0.0, vx / wx);
    }
    return Value::real(want_div ? floordiv : mod);
}

static Value int_binop(VM& vm, BinOp op, int64_t x, int64_t y, bool both_bool) {
    int64_t r;
    switch (op) {
    case BinOp::Add:
        if (__builtin_add_overflow(x, y, &r)) return bigint_binop(vm, op, Value::integer(x), Value::integer(y));
        return Value::integer(r);
    case BinOp::Sub:
        if (__builtin_sub_overflow(x, y, &r)) return bigint_binop(vm, op, Value::integer(x), Value::integer(y));
        return Value::integer(r);
    case BinOp::Mul:
        if (__builtin_mul_overflow(x, y, &r)) return bigint_binop(vm, op, Value::integer(x), Value::integer(y));
        return Value::integer(r);
    case BinOp::TrueDiv:
        if (y == 0) return vm.raise(vm.e_ZeroDivisionError, "division by zero");
        return Value::real(static_cast<double>(x) / static_cast<double>(y));
    case BinOp::FloorDiv: {
        if (y == 0) return vm.raise(vm.e_ZeroDivisionError, "integer division or modulo by zero");
        if (x == INT64_MIN && y == -1) return bigint_binop(vm, op, Value::integer(x), Value::integer(y));
        int64_t q = x / y;
        if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
        return Value::integer(q);
    }
    case BinOp::Mod: {
        if (y == 0) return vm.raise(vm.e_ZeroDivisionError, "integer modulo by zero");
        if (y == -1) return Value::integer(0);
        int64_t m = x % y;
        if (m != 0 && ((m < 0) != (y < 0))) m += y;
        return Value::integer(m);
    }
    case BinOp::Pow:
        return int_pow(vm, x, y);
    case BinOp::LShift:
        if (y < 0) return vm.raise(vm.e_ValueError, "negative shift count");
        if (x == 0) return Value::integer(0);
        if (y >= 63 || (x > 0 ? x > (INT64_MAX >> y) : x < (INT64_MIN >> y)))
            return bigint_binop(vm, op, Value::integer(x), Value::integer(y));
        return Value::integer(static_cast<int64_t>(static_cast<uint64_t>(x) << y));
    case BinOp::RShift:
        if (y < 0) return vm.raise(vm.e_ValueError, "negative shift count");
        return Value::integer(y >= 64 ? (x < 0 ? -1 : 0) : x >> y);
    case BinOp::And:
        return both_bool ? Value::boolean(x & y) : Value::integer(x & y);
    case BinOp::Or:
        return both_bool ? Value::boolean(x | y) : Value::integer(x | y);
    case BinOp::Xor:
        return both_bool ? Value::boolean(x ^ y) : Value::integer(x ^ y);
    default:
        return Value();
    }
}

static Value float_binop(VM& vm, BinOp op, double x, double y) {
    switch (op) {
    case BinOp::Add:
        return Value::real(x + y);
    case BinOp::Sub:
        return Value::real(x - y);
    case BinOp::Mul:
        return Value::real(x * y);
    case BinOp::TrueDiv:
        if (y == 0.0) return vm.raise(vm.e_ZeroDivisionError, "float division by zero");
        return Value::real(x / y);
    case BinOp::FloorDiv:
        return float_floordiv_mod(vm, x, y, true);
    case BinOp::Mod:
        return float_floordiv_mod(vm, x, y, false);
    case BinOp::Pow: {
        if (x == 0.0 && y < 0) return vm.raise(vm.e_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        if (x < 0 && y != std::floor(y)) return vm.raise(vm.e_ValueError, "complex results are not supported");
        double r = std::pow(x, y);
        if (std::isinf(r) && std::isfinite(x) && std::isfinite(y))
            return vm.raise(vm.e_OverflowError, "(34, 'Numerical result out of range')");
        return Value::real(r);
    }
    default:
        return Value();  // not defined for floats
    }
}

namespace {

const char* kOpSym[] = {"+", "-", "*", "/", "//", "%", "** or pow()", "<<", ">>", "&", "|", "^", "@"};
const char* kIOpSym[] = {"+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", "@="};

StrObject* op_dunder(VM& vm, BinOp op, int which) {  // 0 normal, 1 reflected, 2 in-place
    const Interned& n = vm.names();
    StrObject* t[][3] = {
        {n.d_add, n.d_radd, n.d_iadd},
        {n.d_sub, n.d_rsub, n.d_isub},
        {n.d_mul, n.d_rmul, n.d_imul},
        {n.d_truediv, n.d_rtruediv, n.d_itruediv},
        {n.d_floordiv, n.d_rfloordiv, n.d_ifloordiv},
        {n.d_mod, n.d_rmod, n.d_imod},
        {n.d_pow, n.d_rpow, n.d_ipow},
        {n.d_lshift, n.d_rlshift, n.d_ilshift},
        {n.d_rshift, n.d_rrshift, n.d_irshift},
        {n.d_and, n.d_rand, n.d_iand},
        {n.d_or, n.d_ror, n.d_ior},
        {n.d_xor, n.d_rxor, n.d_ixor},
        {n.d_matmul, n.d_rmatmul, n.d_imatmul},
    };
    return t[static_cast<int>(op)][which];
}

Value seq_repeat(VM& vm, const Value& seq, int64_t n) {
    Object* o = seq.as_obj();
    if (kind_of(o) == ObjKind::Str) return str_repeat(vm, static_cast<StrObject*>(o), n);
    const Value* items;
    size_t len;
    bool is_list = kind_of(o) == ObjKind::List;
    if (is_list) {
        items = static_cast<ListObject*>(o)->m_items;
        len = static_cast<ListObject*>(o)->m_size;
    } else {
        items = static_cast<TupleObject*>(o)->items();
        len = static_cast<TupleObject*>(o)->m_size;
    }
    if (n < 0) n = 0;
    if (len && static_cast<uint64_t>(n) > vm.m_limits.max_memory / (len * sizeof(Value)))
        return vm.raise(vm.e_MemoryError, "");
    if (!vm.reserve_memory(len * static_cast<size_t>(n) * sizeof(Value))) return Value();
    size_t total = len * static_cast<size_t>(n);
    if (is_list) {
        ListObject* l = vm.new_list(total);
        for (size_t i = 0; i < total; ++i) l->m_items[i] = items[i % len];
        l->m_size = static_cast<uint32_t>(total);
        return Value::steal(l);
    }
    TupleObject* t = vm.new_tuple(total);
    for (size_t i = 0; i < total; ++i) t->items()[i] = items[i % len];
    return Value::steal(t);
}

}  // namespace

Value VM::binary_op(BinOp op, const Value& a, const Value& b, bool inplace) {
    // Numbers first: they never have dunders worth looking up.
    if (a.is_intlike() && b.is_intlike()) {
        Value r = int_binop(*this, op, a.as_intlike(), b.as_intlike(), a.is_bool() && b.is_bool());
        if (!r.is_null() || has_exc()) return r;
    } else if (is_number(a) && is_number(b)) {
        double x = a.is_float() ? a.as_float() : static_cast<double>(a.as_intlike());
        double y = b.is_float() ? b.as_float() : static_cast<double>(b.as_intlike());
        Value r = float_binop(*this, op, x, y);
        if (!r.is_null() || has_exc()) return r;
    } else if ((is_bigint(a) && is_int_value(b)) || (is_bigint(b) && a.is_intlike())) {
        Value r = bigint_binop(*this, op, a, b);
        if (!r.is_null() || has_exc()) return r;
    } else if ((is_bigint(a) && b.is_float()) || (a.is_float() && is_bigint(b))) {
        double x, y;
        if (a.is_float()) {
            x = a.as_float();
            if (!int_to_double(*this, b, y)) return Value();
        } else {
            y = b.as_float();
            if (!int_to_double(*this, a, x)) return Value();
        }
        Value r = float_binop(*this, op, x, y);
        if (!r.is_null() || has_exc()) return r;
    }
    bool ua = is_user(a), ub = is_user(b);
    if (ua || ub) {
        if (inplace && ua) {
            Value f = type_lookup(type_of(a), op_dunder(*this, op, 2));
            if (!f.is_null() && !f.is_none()) {
                Value r = call(f, {a, b});
                if (r.is_null() || !r.identical(m_notimplemented)) return r;
            }
        }
        TypeObject* ta = type_of(a);
        TypeObject* tb = type_of(b);
        Value fa = ua ? type_lookup(ta, op_dunder(*this, op, 0)) : Value();
        Value fb = (ub && ta != tb) ? type_lookup(tb, op_dunder(*this, op, 1)) : Value();
        if (!fb.is_null() && !fa.is_null() && is_subtype(tb, ta)) {
            Value r = call(fb, {b, a});
            if (r.is_null()) return Value();
            if (!r.identical(m_notimplemented)) return r;
            fb = Value();
        }
        if (!fa.is_null() && !fa.is_none()) {
            Value r = call(fa, {a, b});
            if (r.is_null()) return Value();
            if (!r.identical(m_notimplemented)) return r;
        }
        if (!fb.is_null() && !fb.is_none()) {
            Value r = call(fb, {b, a});
            if (r.is_null()) return Value();
            if (!r.identical(m_notimplemented)) return r;
        }
    }
    if (a.is_obj()) {
        Object* x = a.as_obj();
        ObjKind kx = kind_of(x);
        ObjKind ky = b.is_obj() ? kind_of(b.as_obj()) : ObjKind::Cxx;
        switch (op) {
        case BinOp::Add:
            if (kx == ObjKind::Str) {
                if (ky == ObjKind::Str) return str_concat(*this, static_cast<StrObject*>(x), as_str(b));
                return raisef(e_TypeError, "can only concatenate str (not \"%s\") to str", type_name(b).c_str());
            }
            if (kx == ObjKind::List) {
                if (ky != ObjKind::List)
                    return raisef(e_TypeError, "can only concatenate list (not \"%s\") to list", type_name(b).c_str());
                if (inplace) {
                    if (!list_extend(*this, static_cast<ListObject*>(x), b)) return Value();
                    return a;
                }
                auto* l1 = static_cast<ListObject*>(x);
                auto* l2 = b.as<ListObject>();
                ListObject* r = new_list(l1->m_size + l2->m_size);
                for (uint32_t i = 0; i < l1->m_size; ++i) r->m_items[r->m_size++] = l1->m_items[i];
                for (uint32_t i = 0; i < l2->m_size; ++i) r->m_items[r->m_size++] = l2->m_items[i];
                return Value::steal(r);
            }
            if (kx == ObjKind::Tuple) {
                if (ky != ObjKind::Tuple)
                    return raisef(e_TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                                  type_name(b).c_str());
                auto* t1 = static_cast<TupleObject*>(x);
                auto* t2 = b.as<TupleObject>();
                TupleObject* r = new_tuple(t1->m_size + t2->m_size);
                for (uint32_t i = 0; i < t1->m_size; ++i) r->items()[i] = t1->items()[i];
                for (uint32_t i = 0; i < t2->m_size; ++i) r->items()[t1->m_size + i] = t2->items()[i];
                return Value::steal(r);
            }
            break;
        case BinOp::Mul:
            if ((kx == ObjKind::Str || kx == ObjKind::List || kx == ObjKind::Tuple)) {
                if (b.is_intlike()) {
                    if (inplace && kx == ObjKind::List) {
                        Value r = seq_repeat(*this, a, b.as_intlike());
                        if (r.is_null()) return r;
                        auto* l = static_cast<ListObject*>(x);
                        auto* rl = r.as<ListObject>();
                        std::vector<Value> old(l->m_items, l->m_items + l->m_size);
                        for (uint32_t i = 0; i < l->m_size; ++i) l->m_items[i] = Value();
                        l->m_size = 0;
                        list_extend(*this, l, r);
                        (void)rl;
                        return a;
                    }
                    return seq_repeat(*this, a, b.as_intlike());
                }
                int64_t n;
                if (is_user(b) && index_of(b, n)) return seq_repeat(*this, a, n);
                if (has_exc()) return Value();
                return raisef(e_TypeError, "can't multiply sequence by non-int of type '%s'", type_name(b).c_str());
            }
            break;
        case BinOp::Mod:
            if (kx == ObjKind::Str) return percent_format(*this, static_cast<StrObject*>(x), b);
            break;
        case BinOp::Or:
        case BinOp::And:
        case BinOp::Sub:
        case BinOp::Xor: {
            bool sx = kx == ObjKind::Set || kx == ObjKind::FrozenSet;
            bool sy = ky == ObjKind::Set || ky == ObjKind::FrozenSet;
            if (sx && sy) return set_binop(*this, op, static_cast<SetObject*>(x), b.as<SetObject>(), inplace);
            if (kx == ObjKind::DictView && static_cast<DictViewObject*>(x)->m_dk != DictViewKind::Values) {
                Value s1 = Value::steal(new_set());
                Value s2 = Value::steal(new_set());
                if (!set_update(*this, s1.as<SetObject>(), a) || !set_update(*this, s2.as<SetObject>(), b))
                    return Value();
                return set_binop(*this, op, s1.as<SetObject>(), s2.as<SetObject>(), false);
            }
            if (op == BinOp::Or && kx == ObjKind::Dict && ky == ObjKind::Dict) {
                if (inplace) {
                    if (!dict_update(*this, static_cast<DictObject*>(x), b)) return Value();
                    return a;
                }
                DictObject* r = dict_copy(*this, static_cast<DictObject*>(x));
                Value rv = Value::steal(r);
                if (!dict_update(*this, r, b)) return Value();
                return rv;
            }
            break;
        }
        default:
            break;
        }
    }
    if (b.is_obj() && b.is_obj() && op == BinOp::Mul && a.is_intlike()) {
        ObjKind ky = kind_of(b.as_obj());
        if (ky == ObjKind::Str || ky == ObjKind::List || ky == ObjKind::Tuple)
            return seq_repeat(*this, b, a.as_intlike());
    }
    if (op == BinOp::Pow && !inplace)
        return raisef(e_TypeError, "unsupported operand type(s) for ** or pow(): '%s' and '%s'", type_name(a).c_str(),
                      type_name(b).c_str());
    return raisef(e_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                  inplace ? kIOpSym[static_cast<int>(op)] : kOpSym[static_cast<int>(op)], type_name(a).c_str(),
                  type_name(b).c_str());
}

Value VM::unary_op(int op, const Value& a) {
    // op: UnOp (Not, Neg, Pos, Invert)
    if (op == 0) {
        int t = truthy(a);
        if (t < 0) return Value();
        return Value::boolean(!t);
    }
    if (a.is_intlike()) {
        int64_t x = a.as_intlike();
        if (op == 1) {
            if (x == INT64_MIN) return bigint_unary(*this, op, a);
            return Value::integer(-x);
        }
        if (op == 2) return Value::integer(x);
        return Value::integer(~x);
    }
    if (a.is_float()) {
        if (op == 1) return Value::real(-a.as_float());
        if (op == 2) return a;
    }
    if (is_bigint(a)) return bigint_unary(*this, op, a);
    if (is_user(a)) {
        StrObject* n = op == 1 ? names().d_neg : op == 2 ? names().d_pos : names().d_invert;
        Value f = type_lookup(type_of(a), n);
        if (!f.is_null()) return call(f, {a});
    }
    const char* sym = op == 1 ? "-" : op == 2 ? "+" : "~";
    return raisef(e_TypeError, "bad operand type for unary %s: '%s'", sym, type_name(a).c_str());
}

// [SECTION] Containers

int64_t VM::len_of(const Value& v) {
    if (v.is_obj()) {
        Object* o = v.as_obj();
        switch (kind_of(o)) {
        case ObjKind::Str:
            return static_cast<StrObject*>(o)->m_length;
        case ObjKind::Tuple:
            return static_cast<TupleObject*>(o)->m_size;
        case ObjKind::List:
            if (!(o->m_type->m_tflags & TF_HEAPTYPE)) return static_cast<ListObject*>(o)->m_size;
            break;
        case ObjKind::Dict:
            if (!(o->m_type->m_tflags & TF_HEAPTYPE)) return static_cast<DictObject*>(o)->m_used;
            break;
        case ObjKind::Set:
        case ObjKind::FrozenSet:
            return static_cast<SetObject*>(o)->m_used;
        case ObjKind::Range:
            return static_cast<RangeObject*>(o)->m_len;
        case ObjKind::DictView:
            return static_cast<DictViewObject*>(o)->m_dict.as<DictObject>()->m_used;
        case ObjKind::Type: {
            auto* t = static_cast<TypeObject*>(o);
            if (t->m_tflags & TF_ENUM) return static_cast<int64_t>(t->m_enum_members.size());
            break;
        }
        default:
            break;
        }
        Value f = type_lookup(o->m_type, names().d_len);
        if (!f.is_null() && !is_kind(v, ObjKind::Type)) {
            Value r = call(f, {v});
            if (r.is_null()) return -1;
            if (!r.is_intlike()) {
                raisef(e_TypeError, "'%s' object cannot be interpreted as an integer", type_name(r).c_str());
                return -1;
            }
            if (r.as_intlike() < 0) {
                raise(e_ValueError, "__len__() should return >= 0");
                return -1;
            }
            return r.as_intlike();
        }
        if (kind_of(o) == ObjKind::List) return static_cast<ListObject*>(o)->m_size;
        if (kind_of(o) == ObjKind::Dict) return static_cast<DictObject*>(o)->m_used;
    }
    raisef(e_TypeError, "object of type '%s' has no len()", type_name(v).c_str());
    return -1;
}

Value VM::len(const Value& v) {
    int64_t n = len_of(v);
    if (n < 0) return Value();
    return Value::integer(n);
}

int VM::contains(const Value& c, const Value& item) {
    if (c.is_obj()) {
        Object* o = c.as_obj();
        bool heap = o->m_type->m_tflags & TF_HEAPTYPE;
        if (heap || kind_of(o) == ObjKind::Instance || kind_of(o) == ObjKind::Cxx) {
            Value f = type_lookup(o->m_type, names().d_contains);
            if (!f.is_null()) {
                Value r = call(f, {c, item});
                if (r.is_null()) return -1;
                return truthy(r);
            }
        }
        switch (kind_of(o)) {
        case ObjKind::Str:
            return str_contains(*this, static_cast<StrObject*>(o), item);
        case ObjKind::List: {
            auto* l = static_cast<ListObject*>(o);
            for (uint32_t i = 0; i < l->m_size; ++i) {
                Value x = l->m_items[i];
                int e = eq(x, item);
                if (e) return e;
            }
            return 0;
        }
        case ObjKind::Tuple: {
            auto* t = static_cast<TupleObject*>(o);
            for (uint32_t i = 0; i < t->m_size; ++i) {
                int e = eq(t->items()[i], item);
                if (e) return e;
            }
            return 0;
        }
        case ObjKind::Dict: {
            Value v = dict_get(*this, static_cast<DictObject*>(o), item);
            if (v.is_null()) return has_exc() ? -1 : 0;
            return 1;
        }
        case ObjKind::Set:
        case ObjKind::FrozenSet:
            return set_contains(*this, static_cast<SetObject*>(o), item);
        case ObjKind::Range: {
            auto* r = static_cast<RangeObject*>(o);
            if (item.is_intlike()) {
                int64_t x = item.as_intlike();
                if (r->m_step > 0 ? (x < r->m_start || x >= r->m_stop) : (x > r->m_start || x <= r->m_stop)) return 0;
                return (x - r->m_start) % r->m_step == 0;
            }
            break;
        }
        case ObjKind::DictView: {
            auto* dv = static_cast<DictViewObject*>(o);
            auto* d = dv->m_dict.as<DictObject>();
            if (dv->m_dk == DictViewKind::Keys) {
                Value v = dict_get(*this, d, item);
                if (v.is_null()) return has_exc() ? -1 : 0;
                return 1;
            }
            if (dv->m_dk == DictViewKind::Items) {
                if (!is_kind(item, ObjKind::Tuple) || item.as<TupleObject>()->m_size != 2) return 0;
                Value v = dict_get(*this, d, item.as<TupleObject>()->items()[0]);
                if (v.is_null()) return has_exc() ? -1 : 0;
                return eq(v, item.as<TupleObject>()->items()[1]);
            }
            break;
        }
        case ObjKind::Type: {
            auto* t = static_cast<TypeObject*>(o);
            if (t->m_tflags & TF_ENUM) {
                for (auto& m : t->m_enum_members)
                    if (m.identical(item)) return 1;
                return 0;
            }
            break;
        }
        default:
            break;
        }
    }
    // Fall back to iteration.
    Value it = get_iter(c);
    if (it.is_null()) {
        if (exc_matches(e_TypeError)) {
            clear_exc();
            raisef(e_TypeError, "argument of type '%s' is not iterable", type_name(c).c_str());
        }
        return -1;
    }
    for (;;) {
        Value x = iter_next(it);
        if (x.is_null()) return has_exc() ? -1 : 0;
        int e = eq(x, item);
        if (e) return e;
    }
}

Value dict_subscript(VM& vm, const Value& dv, const Value& key) {
    auto* d = dv.as<DictObject>();
    Value v = dict_get(vm, d, key);
    if (!v.is_null() || vm.has_exc()) return v;
    TypeObject* t = d->m_type;
    if (t != vm.t_dict) {
        if (!d->m_default.is_null()) {
            // collections.defaultdict
            if (d->m_default.is_none()) return vm.raise_args(vm.e_KeyError, key);
            Value nv = vm.call(d->m_default, nullptr, 0);
            if (nv.is_null() || !dict_set(vm, d, key, nv)) return Value();
            return nv;
        }
        Value missing = vm.type_lookup(t, vm.names().d_missing);
        if (!missing.is_null()) return vm.call(missing, {dv, key});
    }
    return vm.raise_args(vm.e_KeyError, key);
}

// c[k] for list, tuple, dict and str: the builtin types, and what a subclass
// that does not override __getitem__ gets. False: o is none of them.
static bool container_getitem(VM& vm, const Value& c, Object* o, const Value& k, Value& out) {
    switch (kind_of(o)) {
    case ObjKind::List:
        out = list_getitem(vm, static_cast<ListObject*>(o), k);
        return true;
    case ObjKind::Tuple:
        out = tuple_getitem(vm, static_cast<TupleObject*>(o), k);
        return true;
    case ObjKind::Dict:
        out = dict_subscript(vm, c, k);
        return true;
    case ObjKind::Str:
        out = str_getitem(vm, static_cast<StrObject*>(o), k);
        return true;
    default:
        return false;
    }
}

// del c[k] for list and dict, builtin or a subclass without __delitem__.
static bool container_delitem(VM& vm, Object* o, const Value& k, bool& ok) {
    if (kind_of(o) == ObjKind::List) {
        ok = list_delitem(vm, static_cast<ListObject*>(o), k);
        return true;
    }
    if (kind_of(o) == ObjKind::Dict) {
        int r = dict_del(vm, static_cast<DictObject*>(o), k);
        if (r == 0) vm.raise_args(vm.e_KeyError, k);
        ok = r > 0;
        return true;
    }
    return false;
}

Value VM::getitem(const Value& c, const Value& k) {
    if (c.is_obj()) {
        Object* o = c.as_obj();
        bool heap = o->m_type->m_tflags & TF_HEAPTYPE;
        Value out;
        if (!heap) {
            if (container_getitem(*this, c, o, k, out)) return out;
            switch (kind_of(o)) {
            case ObjKind::Range: {
                auto* r = static_cast<RangeObject*>(o);
                if (is_kind(k, ObjKind::Slice)) {
                    int64_t start, stop, step, count;
                    if (!slice_indices(*this, k.as<SliceObject>(), r->m_len, start, stop, step, count)) return Value();
                    auto* nr = alloc<RangeObject>(t_range, ObjKind::Range);
                    nr->m_start = r->m_start + start * r->m_step;
                    nr->m_step = r->m_step * step;
                    nr->m_stop = nr->m_start + count * nr->m_step;
                    nr->m_len = count;
                    return Value::steal(nr);
                }
                int64_t i;
                if (!normalize_index(*this, k, r->m_len, i, "range object")) return Value();
                return Value::integer(r->m_start + i * r->m_step);
            }
            case ObjKind::Type: {
                auto* t = static_cast<TypeObject*>(o);
                if ((t->m_tflags & TF_ENUM) && is_str(k)) {
                    for (auto& m : t->m_enum_members) {
                        DictObject* md = instance_dict(m, false);
                        Value* n = md ? dict_get_str(md, names().u_name) : nullptr;
                        if (n && is_str(*n) && str_eq(as_str(*n), as_str(k))) return m;
                    }
                    return raise_args(e_KeyError, k);
                }
                // list[int], dict[str, int]: generic aliases are the origin type here.
                Value cg = type_lookup(t, names().d_class_getitem);
                if (!cg.is_null()) {
                    Value f = bind_descriptor(*this, cg, Value(), t);
                    return call(f, {k});
                }
                if (t->m_tflags & TF_BUILTIN) return c;
                return raisef(e_TypeError, "type '%s' is not subscriptable", as_str(t->m_name)->data());
            }
            default:
                break;
            }
        }
        Value f = type_lookup(o->m_type, names().d_getitem);
        if (!f.is_null()) return call(f, {c, k});
        if (container_getitem(*this, c, o, k, out)) return out;
    }
    return raisef(e_TypeError, "'%s' object is not subscriptable", type_name(c).c_str());
}

bool VM::setitem(const Value& c, const Value& k, const Value& v) {
    if (c.is_obj()) {
        Object* o = c.as_obj();
        bool heap = o->m_type->m_tflags & TF_HEAPTYPE;
        if (!heap) {
            switch (kind_of(o)) {
            case ObjKind::List:
                return list_setitem(*this, static_cast<ListObject*>(o), k, v);
            case ObjKind::Dict:
                return dict_set(*this, static_cast<DictObject*>(o), k, v);
            default:
                break;
            }
        }
        Value f = type_lookup(o->m_type, names().d_setitem);
        if (!f.is_null()) return !call(f, {c, k, v}).is_null();
        if (kind_of(o) == ObjKind::List) return list_setitem(*this, static_cast<ListObject*>(o), k, v);
        if (kind_of(o) == ObjKind::Dict) return dict_set(*this, static_cast<DictObject*>(o), k, v);
    }
    raisef(e_TypeError, "'%s' object does not support item assignment", type_name(c).c_str());
    return false;
}

bool VM::delitem(const Value& c, const Value& k) {
    if (c.is_obj()) {
        Object* o = c.as_obj();
        bool heap = o->m_type->m_tflags & TF_HEAPTYPE;
        bool ok;
        if (!heap && container_delitem(*this, o, k, ok)) return ok;
        Value f = type_lookup(o->m_type, names().d_delitem);
        if (!f.is_null()) return !call(f, {c, k}).is_null();
        if (container_delitem(*this, o, k, ok)) return ok;
    }
    raisef(e_TypeError, "'%s' object doesn't support item deletion", type_name(c).c_str());
    return false;
}

// [SECTION] Iteration

// The iterator of a builtin container (Null for other objects): also what a
// subclass that does not define __iter__ gets.
static Value builtin_iter(VM& vm, const Value& v, Object* o) {
    switch (kind_of(o)) {
    case ObjKind::List:
        return iter_new(vm, vm.t_list_iterator, IterKind::List, v);
    case ObjKind::Tuple:
        return iter_new(vm, vm.t_tuple_iterator, IterKind::Tuple, v);
    case ObjKind::Str:
        return iter_new(vm, vm.t_str_iterator, IterKind::Str, v);
    case ObjKind::Range: {
        Value it = iter_new(vm, vm.t_range_iterator, IterKind::Range, Value());
        auto* r = static_cast<RangeObject*>(o);
        auto* ir = it.as<IterObject>();
        ir->m_i = r->m_start;
        ir->m_n = r->m_len;
        ir->m_step = r->m_step;
        return it;
    }
    case ObjKind::Dict: {
        Value it = iter_new(vm, vm.t_dict_keyiterator, IterKind::Dict, v);
        it.as<IterObject>()->m_n = static_cast<DictObject*>(o)->m_used;
        return it;
    }
    case ObjKind::DictView: {
        auto* dv = static_cast<DictViewObject*>(o);
        TypeObject* t = dv->m_dk == DictViewKind::Keys     ? vm.t_dict_keyiterator
                        : dv->m_dk == DictViewKind::Values ? vm.t_dict_valueiterator
                                                           : vm.t_dict_itemiterator;
        Value it = iter_new(vm, t, IterKind::Dict, dv->m_dict);
        it.as<IterObject>()->m_dk = dv->m_dk;
        it.as<IterObject>()->m_n = dv->m_dict.as<DictObject>()->m_used;
        return it;
    }
    case ObjKind::Set:
    case ObjKind::FrozenSet: {
        Value it = iter_new(vm, vm.t_set_iterator, IterKind::Set, v);
        it.as<IterObject>()->m_n = static_cast<SetObject*>(o)->m_used;
        return it;
    }
    case ObjKind::Iter:
        return v;
    case ObjKind::Generator:
        if (static_cast<GenObject*>(o)->m_genkind == GenKind::Generator) return v;
        break;
    case ObjKind::Type: {
        auto* t = static_cast<TypeObject*>(o);
        if (t->m_tflags & TF_ENUM) {
            std::vector<Value> members = t->m_enum_members;
            Value tup = tuple_from_vector(vm, members);
            return iter_new(vm, vm.t_tuple_iterator, IterKind::Tuple, tup);
        }
        break;
    }
    default:
        break;
    }
    return Value();
}

Value VM::get_iter(const Value& v) {
    if (v.is_obj()) {
        Object* o = v.as_obj();
        bool heap = o->m_type->m_tflags & TF_HEAPTYPE;
        if (!heap) {
            Value it = builtin_iter(*this, v, o);
            if (!it.is_null()) return it;
        }
        if (kind_of(o) != ObjKind::Type) {
            Value f = type_lookup(o->m_type, names().d_iter);
            if (!f.is_null() && !f.is_none()) {
                Value it = call(f, {v});
                if (it.is_null()) return Value();
                if (type_lookup(type_of(it), names().d_next).is_null() && !is_kind(it, ObjKind::Iter) &&
                    !(is_kind(it, ObjKind::Generator) && it.as<GenObject>()->m_genkind == GenKind::Generator))
                    return raisef(e_TypeError, "iter() returned non-iterator of type '%s'", type_name(it).c_str());
                return it;
            }
            if (heap) {  // a subclass of a builtin container iterates as its base
                Value it = builtin_iter(*this, v, o);
                if (!it.is_null()) return it;
            }
            if (!type_lookup(o->m_type, names().d_getitem).is_null())
                return iter_new(*this, t_iterator, IterKind::Seq, v);
        }
    }
    return raisef(e_TypeError, "'%s' object is not iterable", type_name(v).c_str());
}

Value VM::iter_next(const Value& it) {
    if (m_limits.max_steps && !charge()) return Value();
    if (it.is_obj()) {
        Object* o = it.as_obj();
        if (kind_of(o) == ObjKind::Iter) return iter_next_builtin(*this, static_cast<IterObject*>(o));
        if (kind_of(o) == ObjKind::Generator) {
            Value out;
            SendStatus st = gen_send(static_cast<GenObject*>(o), Value::none(), Value(), out);
            if (st == SendStatus::Yield) return out;
            return Value();  // Return: exhausted; Error: exception pending
        }
        Value f = type_lookup(o->m_type, names().d_next);
        if (!f.is_null()) {
            Value r = call(f, {it});
            if (r.is_null() && exc_matches(e_StopIteration)) clear_exc();
            return r;
        }
    }
    return raisef(e_TypeError, "'%s' object is not an iterator", type_name(it).c_str());
}

bool VM::to_list(const Value& v, std::vector<Value>& out) {
    if (is_kind(v, ObjKind::List)) {
        auto* l = v.as<ListObject>();
        out.assign(l->m_items, l->m_items + l->m_size);
        return true;
    }
    if (is_kind(v, ObjKind::Tuple)) {
        auto* t = v.as<TupleObject>();
        out.assign(t->items(), t->items() + t->m_size);
        return true;
    }
    Value it = get_iter(v);
    if (it.is_null()) return false;
    for (;;) {
        Value x = iter_next(it);
        if (x.is_null()) return !has_exc();
        // The vector is C++ memory on the script's behalf: its next doubling
        // must fit under max_memory beside the objects (tuple(range(10**10))).
        if (out.size() == out.capacity() && out.size() >= 1024 && !reserve_memory(out.capacity() * 2 * sizeof(Value)))
            return false;
        out.push_back(std::move(x));
    }
}

// [SECTION] Conversions

bool VM::index_of(const Value& v, int64_t& out) {
    if (v.is_intlike()) {
        out = v.as_intlike();
        return true;
    }
    if (is_bigint(v)) {
        raise(e_OverflowError, "Python int too large to convert to C ssize_t");
        return false;
    }
    if (is_user(v)) {
        Value f = type_lookup(type_of(v), names().d_index);
        if (!f.is_null()) {
            Value r = call(f, {v});
            if (r.is_null()) return false;
            if (!r.is_intlike()) {
                raisef(e_TypeError, "__index__ returned non-int (type %s)", type_name(r).c_str());
                return false;
            }
            out = r.as_intlike();
            return true;
        }
    }
    return false;
}

bool int_from_value(VM& vm, const Value& v, int64_t& out, const char* what) {
    if (vm.index_of(v, out)) return true;
    if (!vm.has_exc())
        vm.raisef(vm.e_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v).c_str());
    (void)what;
    return false;
}

bool VM::as_double(const Value& v, double& out) {
    if (v.is_float()) {
        out = v.as_float();
        return true;
    }
    if (v.is_intlike()) {
        out = static_cast<double>(v.as_intlike());
        return true;
    }
    if (is_bigint(v)) return int_to_double(*this, v, out);
    if (is_user(v)) {
        Value f = type_lookup(type_of(v), names().d_float);
        if (!f.is_null()) {
            Value r = call(f, {v});
            if (r.is_null()) return false;
            if (r.is_float()) {
                out = r.as_float();
                return true;
            }
        }
        int64_t i;
        if (index_of(v, i)) {
            out = static_cast<double>(i);
            return true;
        }
        if (has_exc()) return false;
    }
    raisef(e_TypeError, "must be real number, not %s", type_name(v).c_str());
    return false;
}

Value VM::format(const Value& v, std::string_view spec) {
    std::string out;
    if (v.is_int() || (v.is_bool() && !spec.empty())) {
        if (!format_int(*this, v, spec, out)) return Value();
        return str(out);
    }
    if (v.is_float()) {
        if (!format_float(*this, v.as_float(), spec, out)) return Value();
        return str(out);
    }
    if (is_bigint(v)) {
        if (!format_int(*this, v, spec, out)) return Value();
        return str(out);
    }
    if (is_str(v) && v.as_obj()->m_type == t_str) {
        if (spec.empty()) return v;
        if (!format_str(*this, as_str(v)->view(), spec, out)) return Value();
        return str(out);
    }
    if (v.is_none() || v.is_bool()) {
        if (!spec.empty())
            return raisef(e_TypeError, "unsupported format string passed to %s.__format__", type_name(v).c_str());
        return to_str(v);
    }
    Value f = type_lookup(type_of(v), names().d_format);
    if (!f.is_null()) {
        Value r = call(f, {v, str(spec)});
        if (r.is_null()) return Value();
        if (!is_str(r)) return raisef(e_TypeError, "__format__ must return a str, not %s", type_name(r).c_str());
        return r;
    }
    if (!spec.empty())
        return raisef(e_TypeError, "unsupported format string passed to %s.__format__", type_name(v).c_str());
    return to_str(v);
}

}  // namespace aio::script
