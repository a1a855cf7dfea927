// heap.cpp — allocation, freeing, and tearing a whole run down.
//
// Objects are refcounted (so coroutine "never awaited" warnings and similar
// fire where CPython fires them) and every live object is also on the VM's
// all-objects list, so when a run ends everything it allocated is released,
// reference cycles included. Freeing cascades through a work list once it
// gets deep, so dropping a million-long linked structure cannot overflow the
// C stack (CPython's "trashcan").
#include <cstring>
#include <cstdlib>
#include <new>

#include "objects/bigint.hpp"
#include "vm/code.hpp"
#include "vm/vm.hpp"

namespace aio::script {

namespace {
thread_local VM* t_current = nullptr;
constexpr int kMaxFreeDepth = 48;
}  // namespace

VM* VM::current() { return t_current; }
void set_current_vm(VM* vm) { t_current = vm; }

CxxObject::~CxxObject() {
    if (m_dict) decref(m_dict);
}

// Small blocks (objects, short arrays) are recycled through per-size free
// lists: most objects die young and the same sizes come back at once. Every
// small block is allocated at its class's full size, so any block of a class
// serves any request of it. (Not under AddressSanitizer: it should see each
// use after free.)
#if defined(__SANITIZE_ADDRESS__)
#define AIO_SCRIPT_NO_FREELISTS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AIO_SCRIPT_NO_FREELISTS 1
#endif
#endif

void* VM::raw_alloc(size_t bytes) {
    m_bytes += bytes;
#ifndef AIO_SCRIPT_NO_FREELISTS
    if (bytes <= kSmallMax) {
        size_t cls = (bytes + kSmallGrain - 1) / kSmallGrain;
        if (cls == 0) cls = 1;
        if (FreeBlock* b = m_small_free[cls]) {
            m_small_free[cls] = b->next;
            return b;
        }
        // Carved from the current chunk: a pointer bump instead of a malloc.
        size_t need = cls * kSmallGrain;
        if (m_chunk_left < need) {
            void* c = std::malloc(kChunkBytes);
            if (!c) throw std::bad_alloc();
            m_chunks.push_back(c);
            m_chunk_next = static_cast<char*>(c);
            m_chunk_left = kChunkBytes;
        }
        void* p = m_chunk_next;
        m_chunk_next += need;
        m_chunk_left -= need;
        return p;
    }
#endif
    void* p = std::malloc(bytes ? bytes : 1);
    if (!p) throw std::bad_alloc();
    return p;
}

bool VM::reserve_memory(size_t bytes) {
    if (bytes <= m_limits.max_memory && m_bytes <= m_limits.max_memory - bytes) return true;
    raise(e_MemoryError, "");
    return false;
}

void VM::raw_free(void* p, size_t bytes) {
    if (!p) return;
    m_bytes -= bytes;
#ifndef AIO_SCRIPT_NO_FREELISTS
    if (bytes <= kSmallMax) {
        size_t cls = (bytes + kSmallGrain - 1) / kSmallGrain;
        if (cls == 0) cls = 1;
        auto* b = static_cast<FreeBlock*>(p);
        b->next = m_small_free[cls];
        m_small_free[cls] = b;
        return;
    }
#endif
    std::free(p);
}

void* VM::raw_realloc(void* p, size_t old_bytes, size_t new_bytes) {
#ifndef AIO_SCRIPT_NO_FREELISTS
    if (!p) return raw_alloc(new_bytes);
    if (old_bytes <= kSmallMax || new_bytes <= kSmallMax) {
        void* q = raw_alloc(new_bytes);
        std::memcpy(q, p, old_bytes < new_bytes ? old_bytes : new_bytes);
        raw_free(p, old_bytes);
        return q;
    }
#endif
    void* q = std::realloc(p, new_bytes ? new_bytes : 1);
    if (!q) throw std::bad_alloc();
    m_bytes = m_bytes - old_bytes + new_bytes;
    return q;
}

// Small blocks live in chunks: they all go at once, with the VM.
void VM::release_free_lists() {
    for (FreeBlock*& head : m_small_free) head = nullptr;
    for (void* c : m_chunks) std::free(c);
    m_chunks.clear();
    m_chunk_next = nullptr;
    m_chunk_left = 0;
}

void VM::link(Object* o) {
    o->m_next = m_all.m_next;
    o->m_prev = &m_all;
    m_all.m_next->m_prev = o;
    m_all.m_next = o;
    ++m_live;
}

static void unlink(Object* o) {
    o->m_prev->m_next = o->m_next;
    o->m_next->m_prev = o->m_prev;
}

void gen_on_free(VM& vm, GenObject* g);  // gen.cpp: warnings, frame release

// Releases o's memory after dropping what it owns. `teardown`: references
// were already cleared; only run destructors and release memory.
static void destroy(VM& vm, Object* o, bool teardown) {
    if (!teardown) unlink(o);
    --vm.m_live;
    size_t size = 0;
    void* mem = o;  // start of the allocation (CxxObject's vtable pointer precedes its Object part)
    TypeObject* type = o->m_type;
    switch (kind_of(o)) {
    case ObjKind::Str: {
        auto* s = static_cast<StrObject*>(o);
        size = sizeof(StrObject) + s->m_size + 1;
        s->~StrObject();
        break;
    }
    case ObjKind::Tuple: {
        auto* t = static_cast<TupleObject*>(o);
        size = sizeof(TupleObject) + t->m_size * sizeof(Value);
        for (uint32_t i = 0; i < t->m_size; ++i) t->items()[i].~Value();
        t->~TupleObject();
        break;
    }
    case ObjKind::List: {
        auto* l = static_cast<ListObject*>(o);
        for (uint32_t i = 0; i < l->m_size; ++i) l->m_items[i].~Value();
        vm.raw_free(l->m_items, l->m_cap * sizeof(Value));
        size = sizeof(ListObject);
        l->~ListObject();
        break;
    }
    case ObjKind::Dict: {
        auto* d = static_cast<DictObject*>(o);
        for (uint32_t i = 0; i < d->m_nentries; ++i) d->m_entries[i].~DictEntry();
        vm.raw_free(d->m_entries, d->m_entcap * sizeof(DictEntry));
        vm.raw_free(d->m_index, d->m_indexsize * sizeof(int32_t));
        size = sizeof(DictObject);
        d->~DictObject();
        break;
    }
    case ObjKind::Set:
    case ObjKind::FrozenSet: {
        auto* s = static_cast<SetObject*>(o);
        if (s->m_table) {
            for (int64_t i = 0; i <= s->m_mask; ++i) s->m_table[i].~SetEntry();
            vm.raw_free(s->m_table, (s->m_mask + 1) * sizeof(SetEntry));
        }
        size = sizeof(SetObject);
        s->~SetObject();
        break;
    }
    case ObjKind::Function: {
        auto* f = static_cast<FunctionObject*>(o);
        if (!teardown) {
            decref(f->m_code);
            decref(f->m_globals);
            if (f->m_dict) decref(f->m_dict);
        }
        size = sizeof(FunctionObject);
        f->~FunctionObject();
        break;
    }
    case ObjKind::Native:
        size = sizeof(NativeObject);
        if (!teardown && static_cast<NativeObject*>(o)->m_owner) decref(static_cast<NativeObject*>(o)->m_owner);
        static_cast<NativeObject*>(o)->~NativeObject();
        break;
    case ObjKind::BoundMethod:
        size = sizeof(BoundMethodObject);
        static_cast<BoundMethodObject*>(o)->~BoundMethodObject();
        break;
    case ObjKind::Cell:
        size = sizeof(CellObject);
        static_cast<CellObject*>(o)->~CellObject();
        break;
    case ObjKind::Code:
        size = sizeof(CodeObject);
        static_cast<CodeObject*>(o)->~CodeObject();
        break;
    case ObjKind::Type: {
        auto* t = static_cast<TypeObject*>(o);
        if (!teardown) {
            for (TypeObject* m : t->m_mro)
                if (m != t) decref(m);
            if (t->m_base) decref(t->m_base);
            if (t->m_dict) decref(t->m_dict);
        }
        size = sizeof(TypeObject);
        t->~TypeObject();
        break;
    }
    case ObjKind::Instance: {
        auto* i = static_cast<InstanceObject*>(o);
        if (!teardown && i->m_dict) decref(i->m_dict);
        size = sizeof(InstanceObject);
        i->~InstanceObject();
        break;
    }
    case ObjKind::Exception: {
        auto* e = static_cast<ExceptionObject*>(o);
        if (!teardown) {
            if (e->m_dict) decref(e->m_dict);
            for (auto& tb : e->m_tb) decref(tb.code);
        }
        size = sizeof(ExceptionObject);
        e->~ExceptionObject();
        break;
    }
    case ObjKind::Module: {
        auto* m = static_cast<ModuleObject*>(o);
        if (!teardown && m->m_dict) decref(m->m_dict);
        size = sizeof(ModuleObject);
        m->~ModuleObject();
        break;
    }
    case ObjKind::Generator: {
        auto* g = static_cast<GenObject*>(o);
        if (!teardown) gen_on_free(vm, g);
        size = sizeof(GenObject);
        g->~GenObject();
        break;
    }
    case ObjKind::Range:
        size = sizeof(RangeObject);
        static_cast<RangeObject*>(o)->~RangeObject();
        break;
    case ObjKind::Slice:
        size = sizeof(SliceObject);
        static_cast<SliceObject*>(o)->~SliceObject();
        break;
    case ObjKind::Iter:
        size = sizeof(IterObject);
        static_cast<IterObject*>(o)->~IterObject();
        break;
    case ObjKind::DictView:
        size = sizeof(DictViewObject);
        static_cast<DictViewObject*>(o)->~DictViewObject();
        break;
    case ObjKind::Property:
        size = sizeof(PropertyObject);
        static_cast<PropertyObject*>(o)->~PropertyObject();
        break;
    case ObjKind::StaticMethod:
    case ObjKind::ClassMethod:
        size = sizeof(WrapperObject);
        static_cast<WrapperObject*>(o)->~WrapperObject();
        break;
    case ObjKind::Super: {
        auto* s = static_cast<SuperObject*>(o);
        if (!teardown) {
            decref(s->m_start);
            if (s->m_objtype) decref(s->m_objtype);
        }
        size = sizeof(SuperObject);
        s->~SuperObject();
        break;
    }
    case ObjKind::BigInt:
        size = sizeof(BigIntObject) + static_cast<BigIntObject*>(o)->m_size * sizeof(uint32_t);
        break;
    case ObjKind::Cxx: {
        auto* c = static_cast<CxxObject*>(o);
        mem = c;
        size = c->m_alloc_size;
        if (teardown) c->m_dict = nullptr;
        c->~CxxObject();
        break;
    }
    }
    vm.raw_free(mem, size);
    if (type && !teardown) decref(type);
}

void object_free(Object* o) {
    VM* vm = t_current;
    if (vm->m_tearing_down) return;  // teardown frees everything itself
    if (kind_of(o) == ObjKind::Cxx) {
        // Finalizer first, with the object alive; it may resurrect it.
        o->m_refcount = 1;
        static_cast<CxxObject*>(o)->finalize(*vm);
        if (--o->m_refcount != 0) return;
    }
    if (vm->m_free_depth >= kMaxFreeDepth) {
        vm->m_free_pending.push_back(o);
        return;
    }
    ++vm->m_free_depth;
    destroy(*vm, o, false);
    if (vm->m_free_depth == 1) {
        while (!vm->m_free_pending.empty()) {
            Object* p = vm->m_free_pending.back();
            vm->m_free_pending.pop_back();
            destroy(*vm, p, false);
        }
    }
    --vm->m_free_depth;
}

// Drops every reference o holds (teardown phase 2). All objects carry an
// extra reference during teardown, so nothing is freed while we do this.
static void clear_refs(VM& vm, Object* o) {
    switch (kind_of(o)) {
    case ObjKind::Tuple: {
        auto* t = static_cast<TupleObject*>(o);
        for (uint32_t i = 0; i < t->m_size; ++i) t->items()[i] = Value();
        break;
    }
    case ObjKind::List: {
        auto* l = static_cast<ListObject*>(o);
        for (uint32_t i = 0; i < l->m_size; ++i) l->m_items[i] = Value();
        break;
    }
    case ObjKind::Dict: {
        auto* d = static_cast<DictObject*>(o);
        for (uint32_t i = 0; i < d->m_nentries; ++i) {
            d->m_entries[i].key = Value();
            d->m_entries[i].value = Value();
        }
        d->m_default = Value();
        d->m_version = next_dict_version();  // for the caches keyed on versions
        break;
    }
    case ObjKind::Set:
    case ObjKind::FrozenSet: {
        auto* s = static_cast<SetObject*>(o);
        if (s->m_table)
            for (int64_t i = 0; i <= s->m_mask; ++i) s->m_table[i].key = Value();
        break;
    }
    case ObjKind::Function: {
        auto* f = static_cast<FunctionObject*>(o);
        decref(f->m_code);
        decref(f->m_globals);
        if (f->m_dict) decref(f->m_dict);
        f->m_dict = nullptr;
        f->m_defaults = f->m_kwdefaults = f->m_closure = Value();
        f->m_name = f->m_qualname = f->m_module = f->m_doc = Value();
        break;
    }
    case ObjKind::Native: {
        auto* n = static_cast<NativeObject*>(o);
        n->m_self = n->m_data = Value();
        if (n->m_owner) decref(n->m_owner);
        n->m_owner = nullptr;
        break;
    }
    case ObjKind::BoundMethod: {
        auto* b = static_cast<BoundMethodObject*>(o);
        b->m_func = b->m_self = Value();
        break;
    }
    case ObjKind::Cell:
        static_cast<CellObject*>(o)->m_value = Value();
        break;
    case ObjKind::Code: {
        auto* c = static_cast<CodeObject*>(o);
        c->m_consts.clear();
        c->m_names.clear();
        c->m_varnames.clear();
        c->m_cellnames.clear();
        c->m_freenames.clear();
        c->m_name = c->m_qualname = c->m_filename = c->m_doc = Value();
        break;
    }
    case ObjKind::Type: {
        auto* t = static_cast<TypeObject*>(o);
        for (TypeObject* m : t->m_mro)
            if (m != t) decref(m);
        t->m_mro.clear();
        if (t->m_base) decref(t->m_base);
        t->m_base = nullptr;
        if (t->m_dict) decref(t->m_dict);
        t->m_dict = nullptr;
        t->m_name = t->m_qualname = t->m_module = t->m_bases = Value();
        t->m_enum_members.clear();
        break;
    }
    case ObjKind::Instance: {
        auto* i = static_cast<InstanceObject*>(o);
        if (i->m_dict) decref(i->m_dict);
        i->m_dict = nullptr;
        break;
    }
    case ObjKind::Exception: {
        auto* e = static_cast<ExceptionObject*>(o);
        if (e->m_dict) decref(e->m_dict);
        e->m_dict = nullptr;
        for (auto& tb : e->m_tb) decref(tb.code);
        e->m_tb.clear();
        e->m_args = e->m_cause = e->m_context = e->m_notes = e->m_message = e->m_exceptions = Value();
        break;
    }
    case ObjKind::Module: {
        auto* m = static_cast<ModuleObject*>(o);
        if (m->m_dict) decref(m->m_dict);
        m->m_dict = nullptr;
        m->m_name = Value();
        break;
    }
    case ObjKind::Generator: {
        auto* g = static_cast<GenObject*>(o);
        if (g->m_frame) {
            vm.free_frame(g->m_frame);
            g->m_frame = nullptr;
        }
        g->m_name = g->m_qualname = g->m_exc_state.handled = Value();
        break;
    }
    case ObjKind::Slice: {
        auto* s = static_cast<SliceObject*>(o);
        s->m_start = s->m_stop = s->m_step = Value();
        break;
    }
    case ObjKind::Iter: {
        auto* i = static_cast<IterObject*>(o);
        i->m_a = i->m_b = Value();
        break;
    }
    case ObjKind::DictView:
        static_cast<DictViewObject*>(o)->m_dict = Value();
        break;
    case ObjKind::Property: {
        auto* p = static_cast<PropertyObject*>(o);
        p->m_get = p->m_set = p->m_del = p->m_doc = Value();
        break;
    }
    case ObjKind::StaticMethod:
    case ObjKind::ClassMethod:
        static_cast<WrapperObject*>(o)->m_func = Value();
        break;
    case ObjKind::Super: {
        auto* s = static_cast<SuperObject*>(o);
        decref(s->m_start);
        if (s->m_objtype) decref(s->m_objtype);
        s->m_objtype = nullptr;
        s->m_obj = Value();
        break;
    }
    case ObjKind::Cxx: {
        auto* c = static_cast<CxxObject*>(o);
        c->clear_refs();
        if (c->m_dict) decref(c->m_dict);
        c->m_dict = nullptr;
        break;
    }
    case ObjKind::Str:
    case ObjKind::Range:
    case ObjKind::BigInt:
        break;
    }
    if (o->m_type) decref(o->m_type);
}

// Frees everything the run allocated: roots first, then (cycles) all objects.
void VM::teardown() {
    // Abandon a paused run: release its frames.
    // (Paused frames run on top of top-level frames waiting for the host.)
    if (Frame* outer = m_host_entry ? m_host_entry : m_paused_entry) {
        Frame* f = m_frame;
        while (f) {
            Frame* back = f->m_back;
            bool last = f == outer;
            if (!f->m_gen) free_frame(f);
            if (last) break;
            f = back;
        }
        m_paused_entry = m_host_entry = nullptr;
        m_frame = nullptr;
    }
    m_exc = Value();
    m_base_exc_state.handled = Value();
    m_on_unawaited = nullptr;
    if (m_asyncio && m_asyncio_free) m_asyncio_free(m_asyncio);
    m_asyncio = nullptr;
    m_notimplemented = m_ellipsis = m_empty_tuple = Value();
    m_context = m_context_copy = Value();
    // Phase 1: pin every object so clearing cannot free any of them.
    m_tearing_down = true;
    for (Object* o = m_all.m_next; o != &m_all; o = o->m_next) ++o->m_refcount;
    // Phase 2: drop every reference between objects.
    for (Object* o = m_all.m_next; o != &m_all; o = o->m_next) clear_refs(*this, o);
    // Phase 3: release memory.
    Object* o = m_all.m_next;
    while (o != &m_all) {
        Object* next = o->m_next;
        destroy(*this, o, true);
        o = next;
    }
    m_all.m_next = m_all.m_prev = &m_all;
    m_interned.clear();
    for (size_t b = 0; b < kFrameBuckets; ++b) {
        size_t bytes = sizeof(Frame) + b * 4 * sizeof(Value);
        while (Frame* f = m_frame_free[b]) {
            m_frame_free[b] = f->m_back;
            m_bytes += bytes;  // (pooled frames are not counted)
            raw_free(f, bytes);
        }
        m_frame_free_count[b] = 0;
    }

    m_free_pending.clear();
    release_free_lists();
}

}  // namespace aio::script
