// runtime.hpp — helpers the runtime files share (containers, strings, types).
//
// Each group is implemented in the file named in its banner. Functions that
// can fail follow the VM's convention: Null / false / -1 with an exception set.
#pragma once

#include <atomic>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "objects/bigint.hpp"
#include "objects/names.hpp"
#include "vm/vm.hpp"

namespace aio::script {

// Bumped whenever any class's attributes change: attribute caches compare it.
extern std::atomic<uint64_t> g_type_epoch;
inline uint64_t type_epoch() { return g_type_epoch.load(std::memory_order_relaxed); }

void set_current_vm(VM* vm);  // heap.cpp

// RAII: makes vm current for the thread while a host call runs.
struct VMScope {
    VM* prev;
    explicit VMScope(VM& vm) : prev(VM::current()) { set_current_vm(&vm); }
    ~VMScope() { set_current_vm(prev); }
};

// [SECTION] str.cpp
int64_t str_hash(StrObject* s);
bool str_eq(const StrObject* a, const StrObject* b);
int str_compare(const StrObject* a, const StrObject* b);  // <0, 0, >0 (code point order)
Value str_concat(VM& vm, StrObject* a, StrObject* b);
Value str_repeat(VM& vm, StrObject* s, int64_t n);
Value str_getitem(VM& vm, StrObject* s, const Value& key);
int str_contains(VM& vm, StrObject* s, const Value& sub);
Value str_char_at(VM& vm, StrObject* s, int64_t i);  // no bounds check
std::string str_repr(std::string_view s);            // Python repr of a str
void init_str_type(VM& vm);
Value str_new(VM& vm, TypeObject* t, Value* args, int nargs, TupleObject* kw);
inline StrObject* as_str(const Value& v) { return v.as<StrObject>(); }
inline bool is_str(const Value& v) { return is_kind(v, ObjKind::Str); }

// [SECTION] sequence.cpp (tuple, list, range, slice)
Value tuple_from_vector(VM& vm, std::vector<Value>& items);
Value tuple_getitem(VM& vm, TupleObject* t, const Value& key);
int64_t tuple_hash(VM& vm, TupleObject* t);
bool list_append(VM& vm, ListObject* l, Value v);
// Appends on a script's behalf: a growth of a big list is first checked
// against the memory limit (MemoryError, false), as list_extend is.
bool list_append_checked(VM& vm, ListObject* l, Value v);
// Whether growing `l` to `cap` items fits the memory limit (MemoryError if not).
bool list_growth_fits(VM& vm, const ListObject* l, uint64_t cap);
bool list_extend(VM& vm, ListObject* l, const Value& iterable);
void list_reserve(VM& vm, ListObject* l, uint32_t cap);
Value list_getitem(VM& vm, ListObject* l, const Value& key);
bool list_setitem(VM& vm, ListObject* l, const Value& key, const Value& v);
bool list_delitem(VM& vm, ListObject* l, const Value& key);
bool list_sort(VM& vm, ListObject* l, const Value& key, bool reverse);
Value list_from_iterable(VM& vm, const Value& iterable);
// Resolves a slice against a sequence length (CPython's PySlice_AdjustIndices).
bool slice_indices(VM& vm, SliceObject* s, int64_t len, int64_t& start, int64_t& stop, int64_t& step, int64_t& count);
bool normalize_index(VM& vm, const Value& key, int64_t len, int64_t& out, const char* what);
Value range_new(VM& vm, TypeObject* t, Value* args, int nargs, TupleObject* kw);
int64_t range_len(int64_t start, int64_t stop, int64_t step);
void init_sequence_types(VM& vm);
// Compares two sequences lexicographically (lists/tuples).
Value seq_compare(VM& vm, const Value* a, size_t na, const Value* b, size_t nb, int op);

// [SECTION] dict.cpp
Value dict_get(VM& vm, DictObject* d, const Value& key);  // Null if missing (check has_exc)
Value* dict_get_str(DictObject* d, StrObject* key);       // no errors possible
// dict_get_str through a remembered slot (refreshed on a miss of the slot).
Value* dict_get_str_slot(DictObject* d, StrObject* key, DictSlot& slot);
// The entry number in d of a value pointer that a lookup in d returned.
inline int32_t dict_entry_index(const DictObject* d, const Value* v) {
    return static_cast<int32_t>(
        reinterpret_cast<const DictEntry*>(reinterpret_cast<const char*>(v) - offsetof(DictEntry, value)) -
        d->m_entries);
}
bool dict_set(VM& vm, DictObject* d, const Value& key, const Value& v);
void dict_set_str(VM& vm, DictObject* d, StrObject* key, const Value& v);
int dict_del(VM& vm, DictObject* d, const Value& key);  // 1 removed, 0 missing, -1 error
int dict_del_str(DictObject* d, StrObject* key);
void dict_clear(VM& vm, DictObject* d);
bool dict_update(VM& vm, DictObject* d, const Value& other);
DictObject* dict_copy(VM& vm, DictObject* d);
// Iterates live entries: pos starts at 0; returns false at the end.
bool dict_next(DictObject* d, uint32_t& pos, Value*& key, Value*& value);
Value dict_repr(VM& vm, DictObject* d);
Value dict_subscript(VM& vm, const Value& d, const Value& key);  // d[key] with __missing__
void init_dict_type(VM& vm);

// [SECTION] set.cpp
bool set_add(VM& vm, SetObject* s, const Value& key);
int set_contains(VM& vm, SetObject* s, const Value& key);
int set_discard(VM& vm, SetObject* s, const Value& key);
bool set_update(VM& vm, SetObject* s, const Value& iterable);
bool set_next(SetObject* s, int64_t& pos, Value*& key);
Value set_binop(VM& vm, BinOp op, SetObject* a, SetObject* b, bool inplace);
Value set_compare(VM& vm, SetObject* a, SetObject* b, int op);
int64_t set_hash(VM& vm, SetObject* s);
void init_set_type(VM& vm);

// [SECTION] types.cpp
Value type_call(VM& vm, TypeObject* t, Value* args, int nargs, TupleObject* kwnames);
Value new_instance(VM& vm, TypeObject* t);
TypeObject* solid_base(TypeObject* t);  // nearest builtin ancestor
Value bind_descriptor(VM& vm, const Value& attr, const Value& obj, TypeObject* type);
void init_object_type(VM& vm);
void type_modified();  // invalidates the method caches after a type's dict changes

// [SECTION] modules/mod_enum.cpp
Value enum_lookup_value(VM& vm, TypeObject* t, const Value& v);
void enum_finish_class(VM& vm, TypeObject* t);
void init_enum_type(VM& vm);

// [SECTION] ops.cpp
int64_t hash_int(int64_t v);
int64_t hash_double(double d);
Value int_pow(VM& vm, int64_t a, int64_t b);
Value float_floordiv_mod(VM& vm, double a, double b, bool want_div);
bool int_from_value(VM& vm, const Value& v, int64_t& out, const char* what);

// [SECTION] int_ops.cpp (ints outside int64)
inline bool is_bigint(const Value& v) { return is_kind(v, ObjKind::BigInt); }
inline bool is_int_value(const Value& v) { return v.is_intlike() || is_bigint(v); }  // int, bool or big int
bool to_bigint(const Value& v, BigInt& out);                                         // false if v is not an int
Value int_value(VM& vm, const BigInt& b);                                            // inline when it fits in int64
bool int_to_double(VM& vm, const Value& v, double& out);                             // OverflowError when too large
Value bigint_binop(VM& vm, BinOp op, const Value& a, const Value& b);
Value bigint_unary(VM& vm, int op, const Value& v);  // UnOp: 1 neg, 2 pos, 3 invert
int bigint_compare(const Value& a, const Value& b);  // ints, or an int and a non-NaN float
int64_t int_hash(const Value& v);
bool int_to_decimal(VM& vm, const Value& v, std::string& out);  // str(), with the 4300-digit limit
Value int_from_digits(VM& vm, std::string_view digits, int base, bool neg);
Value int_from_float(VM& vm, double d);  // int(d): ValueError for NaN, OverflowError for inf

// [SECTION] format.cpp
std::string float_repr(double d);
bool format_int(VM& vm, const Value& v, std::string_view spec, std::string& out);  // an int, bool or big int
// The magnitude of an int (int, bool or big) in base 2..16, and its sign.
bool int_digits(VM& vm, const Value& v, int base, bool upper, std::string& digits, bool& neg);
bool format_float(VM& vm, double v, std::string_view spec, std::string& out);
bool format_str(VM& vm, std::string_view s, std::string_view spec, std::string& out);
Value percent_format(VM& vm, StrObject* fmt, const Value& args);
Value str_format_method(VM& vm, StrObject* fmt, Value* args, int nargs, TupleObject* kwnames);
Value int_from_string(VM& vm, std::string_view s, int base);
Value float_from_string(VM& vm, std::string_view s);

// [SECTION] exceptions.cpp
ExceptionObject* as_exc(const Value& v);
Value exc_str(VM& vm, ExceptionObject* e);
void init_exception_types(VM& vm);
Value stop_iteration_value(VM& vm, const Value& exc);  // StopIteration.value

// [SECTION] gen.cpp
Value gen_new(VM& vm, Frame* f, FunctionObject* fn);
Value gen_repr(VM& vm, GenObject* g);
void init_gen_types(VM& vm);
Value gen_throw_value(VM& vm, GenObject* g, Value exc, SendStatus& st);
Value gen_close(VM& vm, GenObject* g);
// An awaitable for `await x`: coroutine itself, or x.__await__().
Value get_awaitable(VM& vm, const Value& v, int where);

// [SECTION] builtins.cpp
void init_builtin_functions(VM& vm);
Value builtin_print_to(VM& vm, int stream, std::string_view text);

// [SECTION] iter.cpp
Value iter_new(VM& vm, TypeObject* t, IterKind k, Value a, Value b = Value());
Value iter_next_builtin(VM& vm, IterObject* it);
void init_iter_types(VM& vm);

// [SECTION] import.cpp
Value new_module(VM& vm, std::string_view name);
void module_add(VM& vm, ModuleObject* m, const char* name, const Value& v);
void module_add_fn(VM& vm, ModuleObject* m, const char* name, NativeFn fn);

// Number helpers
inline bool is_number(const Value& v) { return v.is_int() || v.is_float() || v.is_bool(); }

}  // namespace aio::script
