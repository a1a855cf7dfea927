// object.hpp — the layouts of every heap object the interpreter knows.
//
// Contents
//   [SECTION] Kinds and flags
//   [SECTION] Core containers: str, tuple, list, dict, set
//   [SECTION] Callables: function, native, bound method, cell
//   [SECTION] Types, instances, exceptions, modules
//   [SECTION] Iteration helpers: range, slice, iterators, dict views
//   [SECTION] Descriptors and C++-defined objects
//
// Every object starts with the Object header (value.hpp): refcount, kind,
// Python type and the links of its heap's all-objects list. The kind picks
// the C++ layout; the type is what Python code sees (a user class whose
// instances are InstanceObjects has kind Instance and type = that class).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "objects/value.hpp"

namespace aio::script {

class VM;
struct Frame;

// [SECTION] Kinds and flags

enum class ObjKind : uint8_t {
    Str,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Function,
    Native,
    BoundMethod,
    Cell,
    Code,
    Type,
    Instance,
    Exception,
    Module,
    Generator,
    Range,
    Slice,
    Iter,
    DictView,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    BigInt,  // an int outside int64 (bigint.hpp)
    Cxx,     // C++-defined object with a virtual destructor (asyncio, random, ...)
};

inline ObjKind kind_of(const Object* o) { return static_cast<ObjKind>(o->m_kind); }
inline bool is_kind(const Value& v, ObjKind k) { return v.is_obj() && kind_of(v.as_obj()) == k; }

// [SECTION] Core containers

struct StrObject : Object {
    int64_t m_hash;     // -1 until computed
    uint32_t m_size;    // bytes of UTF-8
    uint32_t m_length;  // code points
    bool m_ascii;       // every byte < 0x80: byte index == char index
    bool m_interned;    // the one copy of this text in the VM's intern table
    char* data() { return reinterpret_cast<char*>(this + 1); }
    const char* data() const { return reinterpret_cast<const char*>(this + 1); }
    std::string_view view() const { return {data(), m_size}; }
    std::string str() const { return std::string(view()); }
};

struct TupleObject : Object {
    uint32_t m_size;
    int64_t m_hash;  // -1 until computed (tuples of immutables are dict keys)
    Value* items() { return reinterpret_cast<Value*>(this + 1); }
    const Value* items() const { return reinterpret_cast<const Value*>(this + 1); }
};

struct ListObject : Object {
    Value* m_items = nullptr;
    uint32_t m_size = 0;
    uint32_t m_cap = 0;
};

// Insertion-ordered hash table (CPython's compact dict): entries in order,
// plus an open-addressed index of entry numbers.
struct DictEntry {
    int64_t hash;
    Value key;  // Null = deleted entry
    Value value;
};

// Dict versions come from one counter, so (dict, version) never repeats even
// when a dict is freed and another allocated at its address.
inline uint64_t next_dict_version() {
    static thread_local uint64_t counter = 0;
    return ++counter;
}

struct DictObject : Object {
    DictEntry* m_entries = nullptr;
    uint32_t m_nentries = 0;  // used + deleted slots in m_entries
    uint32_t m_entcap = 0;
    int32_t* m_index = nullptr;  // -1 empty, -2 dummy, else entry number
    uint32_t m_indexsize = 0;    // power of two (0 = no table yet)
    uint32_t m_used = 0;         // live entries
    uint64_t m_version = 0;      // new on every insert/delete (lookup caches); unique across dicts
    Value m_default;             // collections.defaultdict's default_factory, else Null
};

// Where a key was found in a dict, remembered by the dict's version: versions
// change on every insert/delete/clear and never repeat across dicts, so the
// same version means the same dict with the same entries (values may differ).
struct DictSlot {
    uint64_t version = 0;  // 0: nothing remembered
    uint32_t ix = 0;
    Value* get(DictObject* d) const { return version && d->m_version == version ? &d->m_entries[ix].value : nullptr; }
};

// CPython's set table, reproduced so that sets of ints iterate (and print)
// in the same order as CPython's.
struct SetEntry {
    Value key;     // Null = empty
    int64_t hash;  // -1 with a Null key = dummy (deleted)
};

struct SetObject : Object {
    SetEntry* m_table = nullptr;
    int64_t m_fill = 0;    // active + dummy
    int64_t m_used = 0;    // active
    int64_t m_mask = 0;    // table size - 1
    int64_t m_finger = 0;  // pop() search start
};

// [SECTION] Callables

struct CodeObject;

struct CellObject : Object {
    Value m_value;  // Null = empty cell
};

struct FunctionObject : Object {
    CodeObject* m_code;
    DictObject* m_globals;
    Value m_defaults;    // tuple or Null
    Value m_kwdefaults;  // dict or Null
    Value m_closure;     // tuple of cells or Null
    Value m_name;        // str
    Value m_qualname;    // str
    Value m_module;      // str or None
    Value m_doc;
    DictObject* m_dict = nullptr;  // function attributes (created on demand)
};

// A function implemented in C++. Natives receive the vectorcall layout:
// positional args, then keyword values named by kwnames (a tuple of str, or
// null). They return Null with an exception set on error.
using NativeFn = Value (*)(VM& vm, Value* args, int nargs, TupleObject* kwnames, Value& data);

enum NativeFlags : uint8_t {
    NF_METHOD = 1,       // found on a type: binds the instance as args[0]
    NF_CLASSMETHOD = 2,  // found on a type: binds the type as args[0]
};

// `await f(args)` where the native f returns a coroutine-like op that would
// finish without suspending (a put into a queue with room): the VM calls this
// instead of f, and no op is made. 1: done, out = the await's value; 0: not
// now, the VM calls f as usual; -1: an exception was raised.
using AwaitNowFn = int (*)(VM& vm, Value* args, int nargs, Value& out);

struct NativeObject : Object {
    NativeFn m_fn;
    const char* m_name;                // static string
    Value m_self;                      // bound receiver (module functions: Null)
    Value m_data;                      // per-instance payload (closures made in C++)
    TypeObject* m_owner = nullptr;     // type a method descriptor belongs to
    AwaitNowFn m_await_now = nullptr;  // see AwaitNowFn (unbound natives only)
};

struct BoundMethodObject : Object {
    Value m_func;
    Value m_self;
};

// [SECTION] Types, instances, exceptions, modules

using NewFn = Value (*)(VM& vm, TypeObject* type, Value* args, int nargs, TupleObject* kwnames);

enum TypeFlags : uint32_t {
    TF_BUILTIN = 1,         // defined by the VM
    TF_BASETYPE = 2,        // may be subclassed
    TF_EXCEPTION = 4,       // BaseException or a subclass
    TF_ENUM = 8,            // enum.Enum or a subclass
    TF_HEAPTYPE = 16,       // created by a class statement
    TF_ABSTRACT_ENUM = 32,  // Enum class with no members (may be subclassed)
    TF_NEW_INITS = 64,      // builtin whose constructor consumes the arguments (no __init__ call)
};

struct TypeObject : Object {
    Value m_name;      // str
    Value m_qualname;  // str
    Value m_module;    // str
    TypeObject* m_base = nullptr;
    std::vector<TypeObject*> m_mro;  // self first; each holds a reference
    Value m_bases;                   // tuple
    DictObject* m_dict = nullptr;
    ObjKind m_layout = ObjKind::Instance;  // kind of instances
    uint32_t m_tflags = 0;
    NewFn m_new = nullptr;  // builtin constructor (null: generic instance)
    uint64_t m_version = 0;
    std::vector<Value> m_enum_members;  // Enum classes: members in order
};

struct InstanceObject : Object {
    DictObject* m_dict = nullptr;
};

struct TbEntry {
    CodeObject* code;  // holds a reference
    uint32_t pc;       // index of the failing instruction
};

struct ExceptionObject : Object {
    DictObject* m_dict = nullptr;
    Value m_args;     // tuple
    Value m_cause;    // exception or None
    Value m_context;  // exception or None
    bool m_suppress_context = false;
    std::vector<TbEntry> m_tb;  // innermost first (printed in reverse)
    Value m_notes;              // list or Null
    // ExceptionGroup
    Value m_message;
    Value m_exceptions;  // tuple
};

struct ModuleObject : Object {
    Value m_name;
    DictObject* m_dict = nullptr;
};

// Generators, coroutines and async generators: a suspended frame.
enum class GenKind : uint8_t { Generator, Coroutine, AsyncGenerator };
enum class GenState : uint8_t { Created, Suspended, Running, Closed };

struct ExcState {
    Value handled;             // exception being handled (except/finally), or Null
    ExcState* prev = nullptr;  // enclosing state (caller's)
};

struct GenObject : Object {
    Frame* m_frame = nullptr;  // owned; null once finished
    GenKind m_genkind;
    GenState m_state = GenState::Created;
    Value m_name;
    Value m_qualname;
    ExcState m_exc_state;
    bool m_awaited = false;  // coroutine: was started or closed (no warning)
    bool m_asyncgen_hooked = false;
    bool m_ag_running = false;  // async generator: an asend/athrow in flight
    bool m_ag_closed = false;
    bool m_yield_wrapped = false;  // async generator: last yield was a value (not an await)
};

// [SECTION] Iteration helpers

struct RangeObject : Object {
    int64_t m_start, m_stop, m_step, m_len;
};

struct SliceObject : Object {
    Value m_start, m_stop, m_step;
};

enum class IterKind : uint8_t {
    List,
    Tuple,
    Str,
    Range,
    Dict,
    Set,
    Seq,
    Callable,
    Enumerate,
    Zip,
    Map,
    Filter,
    Reversed,
    ListReversed,
    Empty,
};

enum class DictViewKind : uint8_t { Keys, Values, Items };

struct IterObject : Object {
    IterKind m_ik;
    DictViewKind m_dk = DictViewKind::Keys;
    bool m_strict = false;
    Value m_a;        // sequence / iterator / function
    Value m_b;        // second payload (sentinel, iterator tuple, ...)
    int64_t m_i = 0;  // position / current
    int64_t m_n = 0;  // stop / length at creation
    int64_t m_step = 1;
};

struct DictViewObject : Object {
    DictViewKind m_dk;
    Value m_dict;
};

// [SECTION] Descriptors and C++-defined objects

struct PropertyObject : Object {
    Value m_get, m_set, m_del, m_doc;
};

struct WrapperObject : Object {  // staticmethod / classmethod
    Value m_func;
};

struct SuperObject : Object {
    TypeObject* m_start;  // search the MRO after this type (holds a reference)
    Value m_obj;          // instance or class
    TypeObject* m_objtype;
};

// Objects whose state is C++ (futures, tasks, loops, random generators...).
// They may also carry a dict for ad-hoc attributes.
struct CxxObject : Object {
    DictObject* m_dict = nullptr;
    size_t m_alloc_size = 0;  // bytes, for the heap's accounting
    virtual ~CxxObject();
    // Drops references to other objects (used when a run is torn down and
    // cycles must be broken before memory is released).
    virtual void clear_refs() {}
    // Runs when the last reference goes, before freeing (CPython's __del__):
    // the object is alive (refcount 1) meanwhile and may be resurrected.
    virtual void finalize(VM& vm) { (void)vm; }
};

}  // namespace aio::script
