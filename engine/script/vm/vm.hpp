// vm.hpp — the interpreter state shared by every runtime file.
//
// One VM is one run: it owns every object the run allocates (freed when the
// VM is destroyed, cycles included), the builtin types, the module table,
// the running frame chain and the pending exception.
//
// Error convention (CPython's): a function that can fail returns a Null
// Value (or false / -1) after setting the pending exception with raise().
// Script exceptions never travel as C++ exceptions.
//
// Contents
//   [SECTION] Configuration and results
//   [SECTION] The VM: heap, strings, containers, errors, protocols, calls,
//             execution, builtin types
#pragma once

#include <cstdarg>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "vm/code.hpp"
#include "objects/object.hpp"

namespace aio::script {

// [SECTION] Configuration and results

struct Limits {
    uint64_t slice_instructions = 0;        // pause after about this many (0: never)
    int max_depth = 1000;                   // Python frames deep (RecursionError)
    size_t max_memory = size_t(512) << 20;  // bytes of objects (MemoryError)
    size_t max_output = size_t(64) << 20;   // bytes written to stdout+stderr
    // Total work of a run, in instructions (loop iterations of natives count
    // too); past it every loop head, call and iteration raises
    // KeyboardInterrupt, so the run unwinds. 0: unlimited. (The fuzzer's bound.)
    uint64_t max_steps = 0;
};

// How VM::run (and resume) ended.
enum class RunStatus : uint8_t {
    Returned,  // the entry frame returned; result holds the value
    Yielded,   // the entry frame (a generator) yielded; result holds the value
    Raised,    // an exception escaped; it is pending in the VM
    Paused,    // the instruction slice ran out; call continue_paused()
    HostWait,  // top-level code asked the host to run the event loop; call resume_host()
};

// A native called from top-level code (run_until_complete, run_forever) can
// hand the event loop to the host instead of blocking in it: it fills this
// and returns; the VM suspends the calling frames. When the host is done it
// calls finish() for the call's result (Null + exception on error) and
// resumes with VM::resume_host.
struct HostRequest {
    bool pending = false;
    void* loop = nullptr;              // the aio::EventLoop to drive
    std::function<Value(VM&)> finish;  // the suspended call's result
};

// Result of sending into an iterator/awaitable (generator.send, SEND).
enum class SendStatus : uint8_t { Yield, Return, Error, Paused };  // Paused: top-level slice ran out

using WriteFn = std::function<void(int stream, std::string_view text)>;  // 1 stdout, 2 stderr
// Pushes out what a host buffers for a stream (print(flush=True),
// sys.stdout.flush(), and stdout before an uncaught exception's traceback).
using FlushFn = std::function<void(int stream)>;

// The clocks `time` reads. The host installs the event loop's clock so that
// virtual time is the same everywhere (time.time(), loop.time(), sleeps).
struct Clock {
    virtual ~Clock() = default;
    virtual double monotonic() = 0;  // seconds
    virtual double wall() = 0;       // seconds since the epoch
    virtual void sleep(double seconds) = 0;
    virtual bool is_virtual() { return false; }  // time jumps instead of passing
};

struct Interned;  // the common names table (names.hpp)

// [SECTION] The VM

class VM {
public:
    explicit VM(Limits limits = {});
    ~VM();
    VM(const VM&) = delete;
    VM& operator=(const VM&) = delete;

    // ---- heap (heap.cpp) -------------------------------------------------
    template <class T>
    T* alloc(TypeObject* type, ObjKind kind, size_t extra = 0);
    void* raw_alloc(size_t bytes);  // accounted C memory
    void raw_free(void* p, size_t bytes);
    void* raw_realloc(void* p, size_t old_bytes, size_t new_bytes);
    void release_free_lists();
    bool fill_attr_cache(AttrCache& c, TypeObject* t, StrObject* name);
    bool fill_module_attr_cache(AttrCache& c, TypeObject* t, StrObject* name);
    static constexpr size_t kSmallGrain = 16, kSmallMax = 512;
    struct FreeBlock {
        FreeBlock* next;
    };
    FreeBlock* m_small_free[kSmallMax / kSmallGrain + 1] = {};
    static constexpr size_t kChunkBytes = size_t(64) << 10;
    std::vector<void*> m_chunks;  // where small blocks are carved from
    char* m_chunk_next = nullptr;
    size_t m_chunk_left = 0;
    void link(Object* o);  // put on the all-objects list
    bool memory_exceeded() const { return m_bytes > m_limits.max_memory; }
    // Before building `bytes` on a script's behalf (padding, repetition,
    // join): raises MemoryError and returns false if that would pass
    // max_memory, so the limit refuses at once instead of after the work.
    bool reserve_memory(size_t bytes);
    size_t bytes_in_use() const { return m_bytes; }
    size_t live_objects() const { return m_live; }
    static VM* current();  // the VM whose objects are being freed

    // ---- strings (str.cpp) -----------------------------------------------
    StrObject* new_str(std::string_view s);  // owned reference
    Value str(std::string_view s) { return Value::steal(new_str(s)); }
    StrObject* intern(std::string_view s);  // borrowed; lives as long as the VM
    Value istr(std::string_view s) { return Value::object(intern(s)); }
    const Interned& names() const { return *m_names; }

    // ---- containers (tuple.cpp, list.cpp, dict.cpp, set.cpp) -------------
    TupleObject* new_tuple(size_t n);  // items start Null; fill them
    Value tuple(std::initializer_list<Value> items);
    ListObject* new_list(size_t reserve = 0);
    DictObject* new_dict();
    SetObject* new_set(bool frozen = false);

    // ---- errors (exceptions.cpp) -----------------------------------------
    Value raise(TypeObject* type, std::string_view msg);
    Value raisef(TypeObject* type, const char* fmt, ...) __attribute__((format(printf, 3, 4)));
    Value raise_value(const Value& exc_or_type);           // `raise X`: instance or class
    Value raise_args(TypeObject* type, const Value& arg);  // exception with one arg (any value)
    bool has_exc() const { return !m_exc.is_null(); }
    Value take_exc() { return std::move(m_exc); }
    void set_exc(Value e) { m_exc = std::move(e); }
    void clear_exc() { m_exc = Value(); }
    const Value& exc() const { return m_exc; }
    bool exc_matches(TypeObject* type) const;  // pending exception is an instance of type
    Value new_exception(TypeObject* type, Value args_tuple);
    Value type_error_fmt(const char* fmt, ...) __attribute__((format(printf, 2, 3)));
    Value handled_exception() const;  // innermost exception being handled, or None
    void add_traceback(const Value& exc, Frame* f, uint32_t pc);
    void attach_context(const Value& exc);                                        // implicit __context__ chaining
    std::string format_exception(const Value& exc);                               // the full "Traceback ..." text
    void print_exception(const Value& exc);                                       // to stderr
    bool warn(TypeObject* category, const std::string& msg, int stacklevel = 1);  // true if shown

    // ---- protocols (ops.cpp) ---------------------------------------------
    TypeObject* type_of(const Value& v) const;
    bool isinstance(const Value& v, TypeObject* t) const;
    static bool is_subtype(const TypeObject* a, const TypeObject* b);
    int truthy(const Value& v);    // 1/0, -1 on error
    Value repr(const Value& v);    // str object, Null on error
    Value to_str(const Value& v);  // str(v)
    bool repr_into(const Value& v, std::string& out);
    bool str_into(const Value& v, std::string& out);
    int64_t hash(const Value& v);                           // -1 on error (never a real hash)
    int eq(const Value& a, const Value& b);                 // 1/0, -1 on error
    Value compare(int op, const Value& a, const Value& b);  // op: CmpOp (ast.hpp) 0..5
    int compare_bool(int op, const Value& a, const Value& b);
    Value binary_op(BinOp op, const Value& a, const Value& b, bool inplace = false);
    Value unary_op(int op, const Value& a);  // UnOp
    int contains(const Value& container, const Value& item);
    Value get_iter(const Value& v);
    Value iter_next(const Value& it);  // Null: exhausted (no exception) or error
    Value getitem(const Value& c, const Value& k);
    bool setitem(const Value& c, const Value& k, const Value& v);
    bool delitem(const Value& c, const Value& k);
    Value len(const Value& v);
    int64_t len_of(const Value& v);  // -1 on error
    bool to_list(const Value& iterable, std::vector<Value>& out);
    Value format(const Value& v, std::string_view spec);
    bool index_of(const Value& v, int64_t& out);  // __index__ (ints, bools)
    bool as_double(const Value& v, double& out);  // int/float/bool
    // a*b that overflowed int64: OverflowError
    Value int_overflow();

    // ---- attributes (types.cpp) ------------------------------------------
    Value getattr(const Value& obj, StrObject* name);
    Value getattr_opt(const Value& obj, StrObject* name);  // Null, no exception, if missing
    bool setattr(const Value& obj, StrObject* name, const Value& v);
    bool delattr(const Value& obj, StrObject* name);
    Value type_lookup(TypeObject* t, StrObject* name) const;  // MRO search, no binding
    // Method lookup without creating a bound method: returns the function
    // and sets `bound` when it should receive obj as its first argument.
    Value lookup_method(const Value& obj, StrObject* name, bool& bound);
    Value call_method(const Value& obj, StrObject* name, Value* args, int nargs);
    Value call_method(const Value& obj, std::string_view name, std::initializer_list<Value> args);
    DictObject* instance_dict(const Value& obj, bool create);

    // ---- calls (call.cpp) ------------------------------------------------
    Value call(const Value& f, Value* args, int nargs, TupleObject* kwnames = nullptr);
    Value call(const Value& f, std::initializer_list<Value> args);
    Value call_type(TypeObject* t, Value* args, int nargs, TupleObject* kwnames);
    // Frame setup for a Python function (binds arguments); null on error.
    Frame* make_frame(FunctionObject* fn, Value* args, int nargs, TupleObject* kwnames, const Value* self = nullptr);
    Frame* alloc_frame(CodeObject* code, FunctionObject* fn);
    // top: the frame's stack top when known (slots above it hold nothing).
    void free_frame(Frame* f, const Value* top = nullptr);
    Value call_function(FunctionObject* fn, Value* args, int nargs, TupleObject* kwnames, const Value* self = nullptr);

    // ---- execution (vm.cpp) ----------------------------------------------
    RunStatus run(Frame* entry, Value& result);
    RunStatus continue_paused(Value& result);
    // Continues top-level code suspended with HostWait: `result` becomes the
    // value of the suspended call (Null: the pending exception is raised there).
    RunStatus resume_host(Value call_result, Value& result);
    // Drops the paused run's frames (a held callback the loop dropped).
    void abandon_paused();
    // Drops everything suspended: paused frames and the top-level frames
    // waiting for the host (the host stopped the program).
    void abandon_host();
    void drop_chain(Frame*& entry);
    bool host_waiting() const { return m_host_entry != nullptr; }
    bool host_driven() const { return m_host_driven; }
    // time.sleep on a real clock under a host: pause after the current call
    // and stay blocked for `seconds` (see ScriptProgram).
    bool can_block_for_host() const {
        return m_host_driven && m_pausable && m_nesting == 1 && !(m_clock && m_clock->is_virtual());
    }
    void request_block(double seconds);
    bool m_pause_now = false;  // pause after the current call returns
    double m_block_until = 0;  // steady-clock seconds a blocking sleep ends (0: none)
    bool can_request_host() const { return m_host_driven && m_nesting == 1; }
    RunStatus execute(Frame* entry, Value& result, bool throwing);  // the loop (entry frame is m_frame's chain end)
    bool is_paused() const { return m_paused_entry != nullptr; }
    Frame* paused_entry() const { return m_paused_entry; }
    int nesting() const { return m_nesting; }
    // Marks the outermost run in scope as one whose caller handles Paused
    // (top-level code, a task step); elsewhere (a loop callback, a finalizer)
    // the slice budget only renews.
    struct PausableScope {
        VM& vm;
        bool saved;
        explicit PausableScope(VM& v, bool on = true) : vm(v), saved(v.m_pausable) { v.m_pausable = on; }
        ~PausableScope() { vm.m_pausable = saved; }
    };
    // Drives a generator/coroutine one step: send a value (or throw an
    // exception if `exc` is not Null). Returns Yield (value in out), Return
    // (value in out) or Error (exception pending).
    SendStatus gen_send(GenObject* g, Value v, Value exc, Value& out);
    SendStatus send(const Value& recv, Value v, Value& out);  // any iterator/awaitable
    Frame* current_frame() const { return m_frame; }
    void request_stop() { m_stop_requested = true; }

    // ---- modules (import.cpp) --------------------------------------------
    Value import_module(StrObject* name);
    void register_module(const char* name, Value (*init)(VM&));
    Value run_source(std::string_view src, std::string_view filename, DictObject* globals,
                     bool* syntax_error = nullptr);
    ModuleObject* main_module() const { return m_main; }
    DictObject* builtins() const { return m_builtins; }
    void add_source(std::string_view filename, std::string_view src);
    std::string source_line(std::string_view filename, int line) const;

    // ---- output ----------------------------------------------------------
    void set_writer(WriteFn w) { m_write = std::move(w); }
    void set_flusher(FlushFn f) { m_flush = std::move(f); }
    void flush(int stream) {
        if (m_flush) m_flush(stream);
    }
    bool write(int stream, std::string_view text);  // false + exception when over the limit
    std::vector<std::string> m_argv;

    // ---- limits ----------------------------------------------------------
    Limits& limits() { return m_limits; }

    // ---- type construction (types.cpp) -----------------------------------
    TypeObject* new_builtin_type(const char* name, TypeObject* base, ObjKind layout, NewFn ctor = nullptr,
                                 uint32_t flags = 0, const char* module = "builtins");
    void add_method(TypeObject* t, const char* name, NativeFn fn, uint8_t flags = NF_METHOD);
    void add_property(TypeObject* t, const char* name, NativeFn getter, NativeFn setter = nullptr);
    Value new_native(const char* name, NativeFn fn, Value data = Value(), Value self = Value());
    void dict_set_str(DictObject* d, std::string_view key, const Value& v);
    Value build_class(Value func, Value name, Value* bases, int nbases, TupleObject* kwnames, Value* kwvalues, int nkw);
    static void compute_mro(TypeObject* t);

    // ---- builtin types ---------------------------------------------------
    TypeObject *t_object, *t_type, *t_int, *t_bool, *t_float, *t_str, *t_bytes, *t_list, *t_tuple, *t_dict, *t_set,
        *t_frozenset, *t_none, *t_function, *t_native, *t_method, *t_cell, *t_code, *t_module, *t_generator,
        *t_coroutine, *t_async_generator, *t_range, *t_slice, *t_property, *t_staticmethod, *t_classmethod, *t_super,
        *t_notimpl_type, *t_ellipsis_type, *t_dict_keys, *t_dict_values, *t_dict_items, *t_list_iterator,
        *t_tuple_iterator, *t_str_iterator, *t_range_iterator, *t_dict_keyiterator, *t_dict_valueiterator,
        *t_dict_itemiterator, *t_set_iterator, *t_iterator, *t_callable_iterator, *t_enumerate, *t_zip, *t_map,
        *t_filter, *t_reversed, *t_list_reverseiterator, *t_enum;
    // exceptions
    TypeObject *e_BaseException, *e_Exception, *e_BaseExceptionGroup, *e_ExceptionGroup, *e_SystemExit,
        *e_KeyboardInterrupt, *e_GeneratorExit, *e_StopIteration, *e_StopAsyncIteration, *e_ArithmeticError,
        *e_ZeroDivisionError, *e_OverflowError, *e_AssertionError, *e_AttributeError, *e_LookupError, *e_IndexError,
        *e_KeyError, *e_NameError, *e_UnboundLocalError, *e_RuntimeError, *e_RecursionError, *e_NotImplementedError,
        *e_TypeError, *e_ValueError, *e_UnicodeError, *e_ImportError, *e_ModuleNotFoundError, *e_MemoryError,
        *e_OSError, *e_TimeoutError, *e_SyntaxError, *e_IndentationError, *e_Warning, *e_RuntimeWarning,
        *e_DeprecationWarning, *e_UserWarning, *e_FloatingPointError, *e_EOFError, *e_ConnectionError, *e_BufferError,
        *e_FileNotFoundError;
    Value m_notimplemented;
    Value m_ellipsis;
    Value m_empty_tuple;
    // contextvars (mod_contextvars.cpp): the current Context, and
    // contextvars.copy_context; both Null until a program imports contextvars.
    Value m_context;
    Value m_context_copy;

    // ---- internal state shared by the runtime files -------------------------
    Limits m_limits;
    Value m_exc;                // pending (being raised) exception
    ExcState m_base_exc_state;  // handled exceptions outside any generator
    ExcState* m_exc_state = &m_base_exc_state;
    Frame* m_frame = nullptr;  // innermost running frame
    int m_depth = 0;           // Python frames on the chain
    int m_nesting = 0;         // active run() invocations
    int64_t m_budget = 0;      // instructions left in this slice
    int64_t m_quantum = 0;     // what m_budget was last set to
    uint64_t m_steps = 0;      // work done (max_steps)
    bool m_halted = false;     // max_steps reached: keep raising
    // Counts the slice's instructions so far as steps and starts a new slice.
    void start_slice();
    // The slice budget's renewal; false when the step limit is reached
    // (KeyboardInterrupt raised). Called where m_budget ran out.
    bool renew_budget();
    // Charges `n` steps of native work; false (exception raised) past max_steps.
    bool charge(uint64_t n = 1) {
        if (!m_limits.max_steps) return true;
        m_steps += n;
        return m_steps <= m_limits.max_steps && !m_halted ? true : halt();
    }
    bool halted() const { return m_halted; }
    bool halt();
    Frame* m_paused_entry = nullptr;  // entry frame of the paused run()
    Frame* m_host_entry = nullptr;    // entry frame of top-level code waiting in HostWait
    bool m_stop_requested = false;
    bool m_host_driven = false;                  // natives may hand the loop to the host (HostRequest)
    TypeObject* t_deque = nullptr;               // collections.deque once _collections is imported (borrowed)
    TypeObject* t_bytearray = nullptr;           // bytes.cpp (borrowed: builtins holds it)
    TypeObject* t_memoryview = nullptr;          // memoryview.cpp (borrowed)
    TypeObject* e_UnicodeDecodeError = nullptr;  // exceptions.cpp; the codecs raise them (borrowed)
    TypeObject* e_UnicodeEncodeError = nullptr;
    bool m_allow_file_reads = false;  // open() may read files (aio-py; never in the browser)
    bool m_pausable = false;          // the outermost run() may return Paused (its caller resumes it)
    HostRequest m_host;
    size_t m_bytes = 0;
    size_t m_live = 0;
    size_t m_output = 0;
    Object m_all;  // sentinel of the all-objects list
    std::unordered_map<std::string_view, StrObject*> m_interned;
    Interned* m_names = nullptr;
    DictObject* m_builtins = nullptr;
    DictObject* m_modules = nullptr;  // sys.modules
    ModuleObject* m_main = nullptr;
    std::unordered_map<std::string, Value (*)(VM&)> m_module_inits;
    std::unordered_map<std::string, std::vector<std::string>> m_sources;  // filename -> lines
    std::vector<std::pair<std::string, int>> m_warned;                    // (message, line) shown once
    WriteFn m_write;
    FlushFn m_flush;
    Clock* m_clock = nullptr;  // borrowed; null: real clocks
    // Freed frames by slot count (in fours), linked through m_back.
    static constexpr size_t kFrameBuckets = 32;
    Frame* m_frame_free[kFrameBuckets] = {};
    uint32_t m_frame_free_count[kFrameBuckets] = {};
    std::vector<Object*> m_free_pending;  // objects queued by a deep free cascade
    int m_free_depth = 0;
    bool m_tearing_down = false;
    void* m_asyncio = nullptr;  // asyncio module state (mod_asyncio.cpp)
    void (*m_asyncio_free)(void*) = nullptr;
    std::function<void(VM&, GenObject*)> m_on_unawaited;  // hook: coroutine never awaited

    void init_types();       // types.cpp
    void init_exceptions();  // exceptions.cpp
    void init_builtins();    // builtins.cpp
    void init_modules();     // import.cpp
    void teardown();         // heap.cpp
};

// Placement-constructs a T with the header filled in and links it.
template <class T>
T* VM::alloc(TypeObject* type, ObjKind kind, size_t extra) {
    void* mem = raw_alloc(sizeof(T) + extra);
    T* o = new (mem) T();
    o->m_refcount = 1;
    o->m_kind = static_cast<uint8_t>(kind);
    o->m_flags = 0;
    o->m_pad = 0;
    o->m_type = type;
    if (type) incref(type);
    if constexpr (std::is_base_of_v<CxxObject, T>) o->m_alloc_size = sizeof(T) + extra;
    link(o);
    return o;
}

// Keyword/positional binding for natives: fills out[i] for each name in
// `names` (Null when absent). Returns false with TypeError set on misuse.
bool parse_args(VM& vm, const char* fname, Value* args, int nargs, TupleObject* kwnames,
                std::initializer_list<const char*> names, int nrequired, Value* out, int max_positional = -1);
bool no_kwargs(VM& vm, const char* fname, TupleObject* kwnames);

// Convenience wrappers for building Python values from C++.
std::string type_name(const Value& v);  // "int", "MyClass", ...
std::string utf8_from_cp(uint32_t cp);

}  // namespace aio::script
