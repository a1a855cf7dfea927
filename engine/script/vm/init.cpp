// init.cpp — building a VM: the type objects, singletons and builtins, and
// tearing it all down again.
#include "objects/bytes.hpp"
#include "objects/runtime.hpp"

namespace aio::script {

void add_native_iter_methods(VM& vm, TypeObject* t);  // gen.cpp
void init_number_types(VM& vm);                       // numbers.cpp

namespace {

// Fills a type allocated before the machinery for names existed.
void finish_boot_type(VM& vm, TypeObject* t, const char* name, TypeObject* base, ObjKind layout, uint32_t flags) {
    t->m_name = vm.istr(name);
    t->m_qualname = t->m_name;
    t->m_module = vm.istr("builtins");
    t->m_base = base;
    if (base) incref(base);
    t->m_layout = layout;
    t->m_tflags = flags | TF_BUILTIN;
    if (!t->m_dict) t->m_dict = vm.new_dict();
    t->m_bases = base ? vm.tuple({Value::object(base)}) : Value::steal(vm.new_tuple(0));
    VM::compute_mro(t);
}

}  // namespace

VM::VM(Limits limits) : m_limits(limits) {
    m_all.m_refcount = 1;
    m_all.m_prev = m_all.m_next = &m_all;
    set_current_vm(this);
    // Bootstrap: type, object, str, dict and tuple refer to each other.
    t_type = alloc<TypeObject>(nullptr, ObjKind::Type);
    t_object = alloc<TypeObject>(nullptr, ObjKind::Type);
    t_str = alloc<TypeObject>(nullptr, ObjKind::Type);
    t_dict = alloc<TypeObject>(nullptr, ObjKind::Type);
    t_tuple = alloc<TypeObject>(nullptr, ObjKind::Type);
    for (TypeObject* t : {t_type, t_object, t_str, t_dict, t_tuple}) {
        t->m_type = t_type;
        incref(t_type);
    }
    t_type->m_dict = new_dict();
    t_object->m_dict = new_dict();
    t_str->m_dict = new_dict();
    t_dict->m_dict = new_dict();
    t_tuple->m_dict = new_dict();
    m_empty_tuple = Value::steal(new_tuple(0));
    m_names = new Interned();
#define X(id, text) m_names->id = intern(text);
    AIO_NAMES(X)
#undef X
    finish_boot_type(*this, t_object, "object", nullptr, ObjKind::Instance, TF_BASETYPE);
    finish_boot_type(*this, t_type, "type", t_object, ObjKind::Type, TF_BASETYPE);
    finish_boot_type(*this, t_str, "str", t_object, ObjKind::Str, TF_BASETYPE);
    finish_boot_type(*this, t_dict, "dict", t_object, ObjKind::Dict, TF_BASETYPE);
    finish_boot_type(*this, t_tuple, "tuple", t_object, ObjKind::Tuple, 0);
    t_str->m_new = str_new;

    auto T = [&](const char* name, ObjKind layout, uint32_t flags = 0, TypeObject* base = nullptr) {
        return new_builtin_type(name, base ? base : t_object, layout, nullptr, flags);
    };
    t_int = T("int", ObjKind::Instance);
    t_bool = T("bool", ObjKind::Instance, 0, t_int);
    t_float = T("float", ObjKind::Instance);
    t_bytes = T("bytes", ObjKind::Cxx, TF_BASETYPE);  // bytes.cpp fills it in
    t_list = T("list", ObjKind::List, TF_BASETYPE);
    t_set = T("set", ObjKind::Set, TF_BASETYPE);
    t_frozenset = T("frozenset", ObjKind::FrozenSet);
    t_none = T("NoneType", ObjKind::Instance);
    t_function = T("function", ObjKind::Function);
    t_native = T("builtin_function_or_method", ObjKind::Native);
    t_method = T("method", ObjKind::BoundMethod);
    t_cell = T("cell", ObjKind::Cell);
    t_code = T("code", ObjKind::Code);
    t_module = T("module", ObjKind::Module);
    t_generator = T("generator", ObjKind::Generator);
    t_coroutine = T("coroutine", ObjKind::Generator);
    t_async_generator = T("async_generator", ObjKind::Generator);
    t_range = T("range", ObjKind::Range);
    t_slice = T("slice", ObjKind::Slice);
    t_property = T("property", ObjKind::Property, TF_BASETYPE);
    t_staticmethod = T("staticmethod", ObjKind::StaticMethod);
    t_classmethod = T("classmethod", ObjKind::ClassMethod);
    t_super = T("super", ObjKind::Super);
    t_notimpl_type = T("NotImplementedType", ObjKind::Iter);
    t_ellipsis_type = T("ellipsis", ObjKind::Iter);
    t_dict_keys = T("dict_keys", ObjKind::DictView);
    t_dict_values = T("dict_values", ObjKind::DictView);
    t_dict_items = T("dict_items", ObjKind::DictView);
    t_list_iterator = T("list_iterator", ObjKind::Iter);
    t_tuple_iterator = T("tuple_iterator", ObjKind::Iter);
    t_str_iterator = T("str_ascii_iterator", ObjKind::Iter);
    t_range_iterator = T("range_iterator", ObjKind::Iter);
    t_dict_keyiterator = T("dict_keyiterator", ObjKind::Iter);
    t_dict_valueiterator = T("dict_valueiterator", ObjKind::Iter);
    t_dict_itemiterator = T("dict_itemiterator", ObjKind::Iter);
    t_set_iterator = T("set_iterator", ObjKind::Iter);
    t_iterator = T("iterator", ObjKind::Iter);
    t_callable_iterator = T("callable_iterator", ObjKind::Iter);
    t_enumerate = T("enumerate", ObjKind::Iter);
    t_zip = T("zip", ObjKind::Iter);
    t_map = T("map", ObjKind::Iter);
    t_filter = T("filter", ObjKind::Iter);
    t_reversed = T("reversed", ObjKind::Iter);
    t_list_reverseiterator = T("list_reverseiterator", ObjKind::Iter);
    t_enum = new_builtin_type("Enum", t_object, ObjKind::Instance, nullptr, TF_BASETYPE | TF_ENUM, "enum");

    for (TypeObject* t :
         {t_str,       t_tuple, t_dict,   t_int,      t_bool,         t_float,       t_list,  t_set,
          t_frozenset, t_range, t_slice,  t_property, t_staticmethod, t_classmethod, t_super, t_enumerate,
          t_zip,       t_map,   t_filter, t_reversed, t_none,         t_bytes})
        t->m_tflags |= TF_NEW_INITS;
    m_notimplemented = iter_new(*this, t_notimpl_type, IterKind::Empty, Value());
    m_ellipsis = iter_new(*this, t_ellipsis_type, IterKind::Empty, Value());

    m_builtins = new_dict();
    m_modules = new_dict();
    init_object_type(*this);
    init_str_type(*this);
    init_sequence_types(*this);
    init_dict_type(*this);
    init_set_type(*this);
    init_iter_types(*this);
    init_gen_types(*this);
    init_number_types(*this);
    init_exception_types(*this);
    init_bytes_types(*this);
    init_unicode_error_attrs(*this);
    init_builtin_functions(*this);
    init_modules();
}

VM::~VM() {
    VMScope scope(*this);
    teardown();
    delete m_names;
    m_names = nullptr;
}

}  // namespace aio::script
