TYPE_CHECKING = False

_NoneType = type(None)
_ORIGINS = {'List': list, 'Dict': dict, 'Set': set, 'FrozenSet': frozenset, 'Tuple': tuple,
            'Type': type}


def _type_repr(obj):
    # CPython: typing._type_repr
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if type(obj).__name__ == 'function':
        return obj.__name__
    return repr(obj)


def _type_check(arg):
    return _NoneType if arg is None else arg


class _Special:
    def __init__(self, name):
        self._name = name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        name = self._name
        if name == 'Union':
            if not params:
                raise TypeError("Cannot take a Union of no types.")
            args = []
            for p in params:
                p = _type_check(p)
                parts = p.__args__ if isinstance(p, _GenericAlias) and p._special is Union else (p,)
                for q in parts:
                    if q not in args:
                        args.append(q)
            if len(args) == 1:
                return args[0]
            return _GenericAlias(self, tuple(args))
        if name == 'Optional':
            if len(params) != 1:
                raise TypeError(f"typing.Optional requires a single type. Got {params[0] if len(params) == 1 else params!r}.")
            return Union[params[0], None]
        if name == 'Literal':
            return _GenericAlias(self, params)
        if name == 'Callable':
            if len(params) != 2:
                raise TypeError("Callable must be used as Callable[[arg, ...], result].")
            args, result = params
            if args is ...:
                return _GenericAlias(self, (..., _type_check(result)))
            if not isinstance(args, list):
                raise TypeError(f"Callable[args, result]: args must be a list. Got {args!r}")
            return _GenericAlias(self, tuple(_type_check(a) for a in args) + (_type_check(result),),
                                 callable_args=len(args))
        return _GenericAlias(self, tuple(_type_check(p) for p in params))

    def __call__(self, *args, **kwargs):
        raise TypeError(f'Cannot instantiate typing.{self._name}')

    def __repr__(self):
        return 'typing.' + self._name

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _GenericAlias:
    """A subscripted typing special form: typing.List[int], typing.Optional[str], ..."""

    def __init__(self, special, args, callable_args=None):
        self._special = special
        self.__args__ = args
        self.__origin__ = _ORIGINS.get(special._name, special)
        self._callable_args = callable_args

    def __repr__(self):
        name = self._special._name
        args = self.__args__
        if name == 'Union' and len(args) == 2 and _NoneType in args:
            other = args[1] if args[0] is _NoneType else args[0]
            return f'typing.Optional[{_type_repr(other)}]'
        if name == 'Literal':
            return 'typing.Literal[' + ', '.join(repr(a) for a in args) + ']'
        if name == 'Callable':
            if self._callable_args is None:
                return f'typing.Callable[..., {_type_repr(args[-1])}]'
            arg_list = ', '.join(_type_repr(a) for a in args[:-1])
            return f'typing.Callable[[{arg_list}], {_type_repr(args[-1])}]'
        return f'typing.{name}[' + ', '.join(_type_repr(a) for a in args) + ']'

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        if self._special is Union and other._special is Union:
            return set(self.__args__) == set(other.__args__)
        return self._special is other._special and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self._special._name, self.__args__))

    def __call__(self, *args, **kwargs):
        origin = _ORIGINS.get(self._special._name)
        if origin is not None:
            raise TypeError(f'Type {self._special._name} cannot be instantiated; '
                            f'use {origin.__name__}() instead')
        raise TypeError(f'Cannot instantiate typing.{self._special._name}')

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")


Any = _Special('Any')
Optional = _Special('Optional')
Union = _Special('Union')
List = _Special('List')
Dict = _Special('Dict')
Set = _Special('Set')
FrozenSet = _Special('FrozenSet')
Tuple = _Special('Tuple')
Callable = _Special('Callable')
Awaitable = _Special('Awaitable')
Coroutine = _Special('Coroutine')
AsyncIterator = _Special('AsyncIterator')
AsyncIterable = _Special('AsyncIterable')
AsyncGenerator = _Special('AsyncGenerator')
Iterator = _Special('Iterator')
Iterable = _Special('Iterable')
Generator = _Special('Generator')
Sequence = _Special('Sequence')
Mapping = _Special('Mapping')
MutableMapping = _Special('MutableMapping')
Type = _Special('Type')
ClassVar = _Special('ClassVar')
Final = _Special('Final')
Literal = _Special('Literal')
NoReturn = _Special('NoReturn')
Deque = _Special('Deque')
DefaultDict = _Special('DefaultDict')
Counter = _Special('Counter')

class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
    def __repr__(self):
        return '~' + self.__name__

class Generic:
    def __class_getitem__(cls, params):
        return cls

class Protocol(Generic):
    pass

def cast(typ, val):
    return val

def overload(func):
    return func

def final(f):
    return f

def runtime_checkable(cls):
    return cls

def get_type_hints(obj):
    return getattr(obj, '__annotations__', {})

def NewType(name, tp):
    return tp

def NamedTuple(typename, fields=None, **kwargs):
    from collections import namedtuple
    return namedtuple(typename, [f[0] for f in fields] if fields else list(kwargs))
