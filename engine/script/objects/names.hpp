// names.hpp — interned names the runtime looks up often (generated list).
#pragma once

#include "objects/object.hpp"

namespace aio::script {

#define AIO_NAMES(X)                              \
    X(d_init, "__init__")                         \
    X(d_new, "__new__")                           \
    X(d_repr, "__repr__")                         \
    X(d_str, "__str__")                           \
    X(d_eq, "__eq__")                             \
    X(d_ne, "__ne__")                             \
    X(d_lt, "__lt__")                             \
    X(d_le, "__le__")                             \
    X(d_gt, "__gt__")                             \
    X(d_ge, "__ge__")                             \
    X(d_hash, "__hash__")                         \
    X(d_bool, "__bool__")                         \
    X(d_len, "__len__")                           \
    X(d_iter, "__iter__")                         \
    X(d_next, "__next__")                         \
    X(d_getitem, "__getitem__")                   \
    X(d_setitem, "__setitem__")                   \
    X(d_delitem, "__delitem__")                   \
    X(d_contains, "__contains__")                 \
    X(d_call, "__call__")                         \
    X(d_getattr, "__getattr__")                   \
    X(d_getattribute, "__getattribute__")         \
    X(d_setattr, "__setattr__")                   \
    X(d_delattr, "__delattr__")                   \
    X(d_get, "__get__")                           \
    X(d_set, "__set__")                           \
    X(d_delete, "__delete__")                     \
    X(d_enter, "__enter__")                       \
    X(d_exit, "__exit__")                         \
    X(d_aenter, "__aenter__")                     \
    X(d_aexit, "__aexit__")                       \
    X(d_aiter, "__aiter__")                       \
    X(d_anext, "__anext__")                       \
    X(d_await, "__await__")                       \
    X(d_add, "__add__")                           \
    X(d_radd, "__radd__")                         \
    X(d_iadd, "__iadd__")                         \
    X(d_sub, "__sub__")                           \
    X(d_rsub, "__rsub__")                         \
    X(d_isub, "__isub__")                         \
    X(d_mul, "__mul__")                           \
    X(d_rmul, "__rmul__")                         \
    X(d_imul, "__imul__")                         \
    X(d_truediv, "__truediv__")                   \
    X(d_rtruediv, "__rtruediv__")                 \
    X(d_itruediv, "__itruediv__")                 \
    X(d_floordiv, "__floordiv__")                 \
    X(d_rfloordiv, "__rfloordiv__")               \
    X(d_ifloordiv, "__ifloordiv__")               \
    X(d_mod, "__mod__")                           \
    X(d_rmod, "__rmod__")                         \
    X(d_imod, "__imod__")                         \
    X(d_pow, "__pow__")                           \
    X(d_rpow, "__rpow__")                         \
    X(d_ipow, "__ipow__")                         \
    X(d_lshift, "__lshift__")                     \
    X(d_rlshift, "__rlshift__")                   \
    X(d_ilshift, "__ilshift__")                   \
    X(d_rshift, "__rshift__")                     \
    X(d_rrshift, "__rrshift__")                   \
    X(d_irshift, "__irshift__")                   \
    X(d_and, "__and__")                           \
    X(d_rand, "__rand__")                         \
    X(d_iand, "__iand__")                         \
    X(d_or, "__or__")                             \
    X(d_ror, "__ror__")                           \
    X(d_ior, "__ior__")                           \
    X(d_xor, "__xor__")                           \
    X(d_rxor, "__rxor__")                         \
    X(d_ixor, "__ixor__")                         \
    X(d_matmul, "__matmul__")                     \
    X(d_rmatmul, "__rmatmul__")                   \
    X(d_imatmul, "__imatmul__")                   \
    X(d_neg, "__neg__")                           \
    X(d_pos, "__pos__")                           \
    X(d_invert, "__invert__")                     \
    X(d_abs, "__abs__")                           \
    X(d_index, "__index__")                       \
    X(d_int, "__int__")                           \
    X(d_float, "__float__")                       \
    X(d_round, "__round__")                       \
    X(d_format, "__format__")                     \
    X(d_name, "__name__")                         \
    X(d_qualname, "__qualname__")                 \
    X(d_module, "__module__")                     \
    X(d_doc, "__doc__")                           \
    X(d_dict, "__dict__")                         \
    X(d_class, "__class__")                       \
    X(d_bases, "__bases__")                       \
    X(d_mro, "__mro__")                           \
    X(d_main, "__main__")                         \
    X(d_builtins, "__builtins__")                 \
    X(d_file, "__file__")                         \
    X(d_annotations, "__annotations__")           \
    X(d_classcell, "__classcell__")               \
    X(d_slots, "__slots__")                       \
    X(d_init_subclass, "__init_subclass__")       \
    X(d_set_name, "__set_name__")                 \
    X(d_class_getitem, "__class_getitem__")       \
    X(d_missing, "__missing__")                   \
    X(d_reversed, "__reversed__")                 \
    X(d_del, "__del__")                           \
    X(d_traceback, "__traceback__")               \
    X(d_cause, "__cause__")                       \
    X(d_context, "__context__")                   \
    X(d_suppress_context, "__suppress_context__") \
    X(d_notes, "__notes__")                       \
    X(d_spec, "__spec__")                         \
    X(d_all, "__all__")                           \
    X(d_wrapped, "__wrapped__")                   \
    X(send, "send")                               \
    X(throw_, "throw")                            \
    X(close, "close")                             \
    X(args, "args")                               \
    X(name, "name")                               \
    X(value, "value")                             \
    X(u_name, "_name_")                           \
    X(u_value, "_value_")                         \
    X(self, "self")                               \
    X(cls, "cls")                                 \
    X(builtins, "builtins")                       \
    X(main, "main")                               \
    X(d_post_init, "__post_init__")               \
    X(d_dataclass_fields, "__dataclass_fields__") \
    X(d_match_args, "__match_args__")

struct Interned {
#define X(id, text) StrObject* id;
    AIO_NAMES(X)
#undef X
};

}  // namespace aio::script
