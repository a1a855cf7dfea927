// code.hpp — compiled code objects, the opcode list, and frames.
//
// A CodeObject is what the compiler makes from one function, class body,
// comprehension or module: 32-bit instruction words, a location table beside
// them (one entry per word, as clox keeps `lines`), constants, names, the
// frame layout and the exception table (try ranges -> handler, stack depth).
//
// A Frame is one activation. Frames live on the heap: a generator or
// coroutine is a GenObject that owns its suspended frame, and an engine task
// drives such a frame chain through VM::resume.
#pragma once

#include <cstdint>
#include <vector>

#include "objects/object.hpp"

namespace aio::script {

// [SECTION] Opcodes

enum class Op : uint8_t {
#define OP(name, effect, flags) name,
#include "vm/opcodes.def"
#undef OP
    COUNT_
};

enum OpFlags : uint8_t { OPF_0 = 0, OPF_J = 1, OPF_N = 2, OPF_C = 4, OPF_L = 8 };

const char* op_name(Op op);
uint8_t op_flags(Op op);
int op_stack_effect(Op op, uint32_t arg);

inline uint32_t encode(Op op, uint32_t arg) { return static_cast<uint32_t>(op) | (arg << 8); }
inline Op decode_op(uint32_t w) { return static_cast<Op>(w & 0xff); }
inline uint32_t decode_arg(uint32_t w) { return w >> 8; }
constexpr uint32_t kMaxArg = (1u << 24) - 1;
constexpr int64_t kSmallIntBias = 1 << 23;  // LOAD_SMALL_INT stores value + bias

enum class BinOp : uint8_t {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
    MatMul,
};
constexpr uint32_t kInplaceBit = 0x100;

// [SECTION] Code objects

struct Loc {
    int32_t line = 0;  // 1-based; 0 = unknown
    int32_t end_line = 0;
    int32_t col = -1;  // 0-based, in code points; -1 = unknown
    int32_t end_col = -1;
};

struct ExcTableEntry {
    uint32_t start;   // first covered instruction
    uint32_t end;     // one past the last covered instruction
    uint32_t target;  // handler
    uint32_t depth;   // stack depth (above the frame's stack base) at entry
};

enum CodeFlags : uint32_t {
    CO_VARARGS = 1,
    CO_VARKEYWORDS = 2,
    CO_GENERATOR = 4,
    CO_COROUTINE = 8,
    CO_ASYNC_GENERATOR = 16,
    CO_MODULE = 32,      // module body: names live in globals
    CO_CLASS_BODY = 64,  // class body: names live in the namespace dict
    CO_COMPREHENSION = 128,
};

// An attribute site's cache (LOAD_ATTR, LOAD_METHOD, STORE_ATTR) for plain
// instances of one class: valid while no type changed (the type epoch).
struct AttrCache {
    const TypeObject* type = nullptr;
    uint64_t epoch = 0;
    Object* method = nullptr;  // the class's method for this name, if any (borrowed)
    bool ok = false;           // false: this class takes the generic path here
    // The instance dict last seen here: where the name was found in it
    // (LOAD_ATTR), or the version at which it was not there (LOAD_METHOD; a
    // dict at version 0 has never held a key). Versions are unique across dicts.
    DictSlot inst;
    uint64_t absent_version = 0;
};

struct CodeObject : Object {
    std::vector<uint32_t> m_code;
    std::vector<Loc> m_locs;  // parallel to m_code
    std::vector<Value> m_consts;
    std::vector<Value> m_names;      // str: globals, attributes, imports
    std::vector<Value> m_varnames;   // str: plain locals (parameters first)
    std::vector<Value> m_cellnames;  // str: locals captured by inner functions
    std::vector<Value> m_freenames;  // str: captured from enclosing functions
    std::vector<int> m_cell_args;    // for each cell: parameter index it starts from, or -1
    std::vector<ExcTableEntry> m_exctable;
    int m_argcount = 0;  // positional parameters (incl. positional-only)
    int m_posonlycount = 0;
    int m_kwonlycount = 0;
    int m_stacksize = 0;
    uint32_t m_flags = 0;
    int m_firstline = 0;
    Value m_name;           // str
    Value m_qualname;       // str
    Value m_filename;       // str
    Value m_doc;            // docstring or None
    int m_class_cell = -1;  // class body: slot of the __class__ cell, or -1
    // LOAD_GLOBAL's cache, one per name (made on first use): where the name
    // was found, valid while the dicts keep the versions seen then.
    struct GlobalCache {
        const void* globals = nullptr;
        uint64_t gver = 0, bver = 0;
        int32_t index = -1;
        bool builtin = false;
    };
    std::vector<GlobalCache> m_gcache;
    std::vector<AttrCache> m_acache;  // attribute sites, by instruction (made on first use)

    int nlocals() const { return static_cast<int>(m_varnames.size()); }
    int ncells() const { return static_cast<int>(m_cellnames.size()); }
    int nfree() const { return static_cast<int>(m_freenames.size()); }
    // Slots: locals, then cells, then free variables, then the value stack.
    // Binding arguments is a plain copy: positional parameters only, no cells
    // or free variables (the VM's call fast path; anything else: make_frame).
    bool simple_args() const {
        return !(m_flags & (CO_VARARGS | CO_VARKEYWORDS)) && m_kwonlycount == 0 && m_cellnames.empty() &&
               m_freenames.empty();
    }
    int nslots() const {
        // Cached: every call asks (the name lists are final once compiled).
        if (m_nslots < 0) m_nslots = nlocals() + ncells() + nfree();
        return m_nslots;
    }
    mutable int m_nslots = -1;
    int total_args() const {
        return m_argcount + m_kwonlycount + ((m_flags & CO_VARARGS) ? 1 : 0) + ((m_flags & CO_VARKEYWORDS) ? 1 : 0);
    }
    const Loc& loc_at(uint32_t pc) const;
};

// [SECTION] Frames

// How a finished frame hands its result to the frame below it.
enum class RetMode : uint8_t {
    Normal,   // push the result
    Init,     // __init__: the result must be None; push the new instance
    GenFor,   // generator resumed by FOR_ITER: yield -> item, return -> loop exit
    GenSend,  // generator resumed by SEND: yield -> pass up, return -> result
};

struct Frame {
    CodeObject* m_code;              // borrowed from m_func
    FunctionObject* m_func;          // holds a reference
    DictObject* m_globals;           // borrowed from m_func
    DictObject* m_ns = nullptr;      // module/class namespace for *_NAME (reference)
    Frame* m_back = nullptr;         // frame below in the running chain
    const uint32_t* m_ip = nullptr;  // next instruction (saved while not running)
    Value* m_sp = nullptr;           // stack top (saved while not running)
    GenObject* m_gen = nullptr;      // the generator owning this frame (borrowed)
    Value m_init_self;               // RetMode::Init: the instance being built
    RetMode m_retmode = RetMode::Normal;
    bool m_entry = false;   // returning/yielding from it leaves VM::run
    uint32_t m_nslots = 0;  // locals + cells + frees + stack capacity
    Value* slots() { return reinterpret_cast<Value*>(this + 1); }
    Value* stack_base() { return slots() + m_code->nslots(); }
    uint32_t pc() const { return static_cast<uint32_t>(m_ip - m_code->m_code.data()); }
};

}  // namespace aio::script
