// stdlib.cpp — standard-library modules written in Python, compiled on first
// import: functools, collections, enum, typing, abc, contextlib, itertools,
// operator, string, copy, heapq, bisect, dataclasses, warnings, traceback.
//
// They are small re-implementations of what asyncio tutorials use, not
// copies of CPython's sources.
#include "objects/runtime.hpp"

namespace aio::script {

namespace {

struct SourceModule {
    const char* name;
    const char* source;
};

const SourceModule kModules[] = {
    {"functools", R"PY(
from _functools import partial, reduce

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')

def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=('__dict__',)):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    try:
        wrapper.__dict__.update(wrapped.__dict__)
    except AttributeError:
        pass
    wrapper.__wrapped__ = wrapped
    return wrapper

def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=('__dict__',)):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)

def cmp_to_key(mycmp):
    class K:
        __slots__ = ['obj']
        def __init__(self, obj):
            self.obj = obj
        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0
        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0
        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0
        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0
        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0
        __hash__ = None
    return K

def total_ordering(cls):
    d = cls.__dict__
    if '__lt__' in d and d['__lt__'] is not object.__dict__.get('__lt__'):
        if '__gt__' not in d: cls.__gt__ = lambda self, other: other < self
        if '__le__' not in d: cls.__le__ = lambda self, other: not other < self
        if '__ge__' not in d: cls.__ge__ = lambda self, other: not self < other
    elif '__gt__' in d:
        if '__lt__' not in d: cls.__lt__ = lambda self, other: other > self
        if '__ge__' not in d: cls.__ge__ = lambda self, other: not other > self
        if '__le__' not in d: cls.__le__ = lambda self, other: not self > other
    elif '__le__' in d:
        if '__ge__' not in d: cls.__ge__ = lambda self, other: other <= self
        if '__lt__' not in d: cls.__lt__ = lambda self, other: self <= other and not self == other
        if '__gt__' not in d: cls.__gt__ = lambda self, other: not self <= other
    elif '__ge__' in d:
        if '__le__' not in d: cls.__le__ = lambda self, other: other >= self
        if '__gt__' not in d: cls.__gt__ = lambda self, other: self >= other and not self == other
        if '__lt__' not in d: cls.__lt__ = lambda self, other: not self >= other
    else:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    return cls

def lru_cache(maxsize=128, typed=False):
    if callable(maxsize) and not isinstance(maxsize, int):
        return _lru_wrapper(maxsize, 128)
    def decorating(func):
        return _lru_wrapper(func, maxsize)
    return decorating

def _lru_wrapper(func, maxsize):
    cache = {}
    stats = [0, 0]
    def wrapper(*args, **kwargs):
        key = args
        if kwargs:
            key = args + (object,) + tuple(sorted(kwargs.items()))
        if key in cache:
            stats[0] += 1
            return cache[key]
        stats[1] += 1
        result = func(*args, **kwargs)
        if maxsize is not None and maxsize >= 0 and len(cache) >= maxsize:
            if maxsize == 0:
                return result
            del cache[next(iter(cache))]
        cache[key] = result
        return result
    def cache_info():
        return 'CacheInfo(hits=%d, misses=%d, maxsize=%s, currsize=%d)' % (stats[0], stats[1], maxsize, len(cache))
    def cache_clear():
        cache.clear()
        stats[0] = stats[1] = 0
    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return update_wrapper(wrapper, func)

def cache(func):
    return _lru_wrapper(func, None)

class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__
    def __set_name__(self, owner, name):
        self.attrname = name
    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        name = self.attrname or self.func.__name__
        d = instance.__dict__
        if name in d:
            return d[name]
        val = self.func(instance)
        d[name] = val
        return val

class partialmethod:
    def __init__(self, func, *args, **keywords):
        self.func = func
        self.args = args
        self.keywords = keywords
    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        return partial(self.func, obj, *self.args, **self.keywords)

def singledispatch(func):
    registry = {}
    def dispatch(cls):
        for c in cls.__mro__:
            if c in registry:
                return registry[c]
        return func
    def register(cls, f=None):
        if f is None:
            return lambda f: register(cls, f)
        registry[cls] = f
        return f
    def wrapper(*args, **kw):
        return dispatch(type(args[0]))(*args, **kw)
    wrapper.register = register
    wrapper.dispatch = dispatch
    return update_wrapper(wrapper, func)
)PY"},

    {"collections", R"PY(
from _collections import deque, defaultdict

def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = tuple(map(str, field_names))
    nfields = len(field_names)
    defaults = tuple(defaults) if defaults is not None else ()
    field_defaults = dict(zip(field_names[nfields - len(defaults):], defaults))

    def __new__(cls, *args, **kwargs):
        if len(args) > nfields:
            raise TypeError(f'{typename}.__new__() takes {nfields + 1} positional arguments but {len(args) + 1} were given')
        values = list(args)
        for name in field_names[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                raise TypeError(f"{typename}.__new__() missing 1 required positional argument: '{name}'")
        if kwargs:
            raise TypeError(f"{typename}.__new__() got an unexpected keyword argument '{next(iter(kwargs))}'")
        self = object.__new__(cls)
        self._values = tuple(values)
        return self

    def __repr__(self):
        return typename + '(' + ', '.join(f'{n}={v!r}' for n, v in zip(field_names, self._values)) + ')'

    def _getitem(self, i):
        return self._values[i]

    namespace = {
        '__new__': __new__,
        '__repr__': __repr__,
        '__getitem__': _getitem,
        '__len__': lambda self: nfields,
        '__iter__': lambda self: iter(self._values),
        '__eq__': lambda self, other: tuple(self) == tuple(other) if hasattr(other, '__iter__') else NotImplemented,
        '__hash__': lambda self: hash(self._values),
        '__lt__': lambda self, other: tuple(self) < tuple(other),
        '__le__': lambda self, other: tuple(self) <= tuple(other),
        '__gt__': lambda self, other: tuple(self) > tuple(other),
        '__ge__': lambda self, other: tuple(self) >= tuple(other),
        '__add__': lambda self, other: tuple(self) + tuple(other),
        '__contains__': lambda self, x: x in self._values,
        '_fields': field_names,
        '_field_defaults': field_defaults,
        '_asdict': lambda self: dict(zip(field_names, self._values)),
        '_replace': lambda self, **kw: type(self)(**{n: kw.get(n, v) for n, v in zip(field_names, self._values)}),
        'count': lambda self, x: self._values.count(x),
        'index': lambda self, x: self._values.index(x),
        '__module__': '__main__' if module is None else module,
    }
    for index, name in enumerate(field_names):
        namespace[name] = property(lambda self, i=index: self._values[i])
    cls = type(typename, (object,), namespace)
    cls._make = classmethod(lambda c, it: c(*it))
    return cls

class OrderedDict(dict):
    def move_to_end(self, key, last=True):
        value = self.pop(key)
        if last:
            self[key] = value
        else:
            items = list(self.items())
            self.clear()
            self[key] = value
            for k, v in items:
                self[k] = v
    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        key = next(reversed(self)) if last else next(iter(self))
        return key, self.pop(key)
    def __repr__(self):
        if not self:
            return 'OrderedDict()'
        return 'OrderedDict(' + repr(list(self.items())) + ')'

class Counter(dict):
    def __init__(self, iterable=None, **kwds):
        self.update(iterable, **kwds)
    def __missing__(self, key):
        return 0
    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = count + self.get(elem, 0)
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) + 1
        for elem, count in kwds.items():
            self[elem] = count + self.get(elem, 0)
    def subtract(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self.get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) - 1
        for elem, count in kwds.items():
            self[elem] = self.get(elem, 0) - count
    def most_common(self, n=None):
        items = sorted(self.items(), key=lambda kv: kv[1], reverse=True)
        return items if n is None else items[:n]
    def elements(self):
        for elem, count in self.items():
            for _ in range(count):
                yield elem
    def total(self):
        return sum(self.values())
    def __repr__(self):
        if not self:
            return 'Counter()'
        return 'Counter({' + ', '.join(f'{k!r}: {v!r}' for k, v in self.most_common()) + '})'
    def __add__(self, other):
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result
    def __sub__(self, other):
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        return result

class ChainMap:
    def __init__(self, *maps):
        self.maps = list(maps) or [{}]
    def __getitem__(self, key):
        for m in self.maps:
            if key in m:
                return m[key]
        raise KeyError(key)
    def get(self, key, default=None):
        return self[key] if key in self else default
    def __contains__(self, key):
        return any(key in m for m in self.maps)
    def __setitem__(self, key, value):
        self.maps[0][key] = value
    def __len__(self):
        return len(set().union(*self.maps))
    def __iter__(self):
        seen = {}
        for m in reversed(self.maps):
            for k in m:
                seen[k] = None
        return iter(seen)
)PY"},

    {"enum", R"PY(
Enum = __aio_hidden__('Enum')
auto = __aio_hidden__('auto')

class IntEnum(int, Enum):
    _aio_value_like_ = True
    def __int__(self): return self._value_
    def __index__(self): return self._value_
    def __add__(self, o): return self._value_ + o
    def __radd__(self, o): return o + self._value_
    def __sub__(self, o): return self._value_ - o
    def __rsub__(self, o): return o - self._value_
    def __mul__(self, o): return self._value_ * o
    def __rmul__(self, o): return o * self._value_
    def __lt__(self, o): return self._value_ < o
    def __le__(self, o): return self._value_ <= o
    def __gt__(self, o): return self._value_ > o
    def __ge__(self, o): return self._value_ >= o
    def __format__(self, spec): return format(self._value_, spec)

class StrEnum(str, Enum):
    _aio_value_like_ = True
    def __format__(self, spec): return format(self._value_, spec)

class IntFlag(IntEnum):
    def __or__(self, o): return self._value_ | o
    def __and__(self, o): return self._value_ & o

class Flag(Enum):
    pass

def unique(enumeration):
    return enumeration
)PY"},

    {"typing", R"PY(
TYPE_CHECKING = False

class _Special:
    def __init__(self, name):
        self._name = name
    def __getitem__(self, params):
        return self
    def __call__(self, *args, **kwargs):
        raise TypeError(f'Cannot instantiate typing.{self._name}')
    def __repr__(self):
        return 'typing.' + self._name
    def __or__(self, other):
        return self
    def __ror__(self, other):
        return self

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

class _GenericAlias:
    pass

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
)PY"},

    {"abc", R"PY(
def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj

class ABCMeta(type):
    pass

class ABC:
    pass
)PY"},

    {"contextlib", R"PY(
from functools import wraps

class _GeneratorContextManager:
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds
    def __call__(self, func):
        @wraps(func)
        def inner(*args, **kwds):
            with self.__class__(self.func, self.args, self.kwds):
                return func(*args, **kwds)
        return inner
    def __enter__(self):
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None
    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            self.gen.throw(value)
        except StopIteration as exc:
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                return False
            if isinstance(value, StopIteration) and exc.__cause__ is value:
                return False
            raise
        except BaseException as exc:
            if exc is not value:
                raise
            return False
        raise RuntimeError("generator didn't stop after throw()")

def contextmanager(func):
    @wraps(func)
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return helper

class _AsyncGeneratorContextManager:
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds
    def __call__(self, func):
        @wraps(func)
        async def inner(*args, **kwds):
            async with self.__class__(self.func, self.args, self.kwds):
                return await func(*args, **kwds)
        return inner
    async def __aenter__(self):
        try:
            return await anext(self.gen)
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None
    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            try:
                await anext(self.gen)
            except StopAsyncIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            await self.gen.athrow(value)
        except StopAsyncIteration as exc:
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                return False
            if isinstance(value, (StopIteration, StopAsyncIteration)) and exc.__cause__ is value:
                return False
            raise
        except BaseException as exc:
            if exc is not value:
                raise
            return False
        raise RuntimeError("generator didn't stop after athrow()")

def asynccontextmanager(func):
    @wraps(func)
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)
    return helper

class suppress:
    def __init__(self, *exceptions):
        self._exceptions = exceptions
    def __enter__(self):
        pass
    def __exit__(self, exctype, excinst, exctb):
        if exctype is None:
            return
        if issubclass(exctype, self._exceptions):
            return True
        if issubclass(exctype, BaseExceptionGroup):
            match, rest = excinst.split(self._exceptions)
            if rest is None:
                return True
            raise rest
        return False

class nullcontext:
    def __init__(self, enter_result=None):
        self.enter_result = enter_result
    def __enter__(self):
        return self.enter_result
    def __exit__(self, *excinfo):
        pass
    async def __aenter__(self):
        return self.enter_result
    async def __aexit__(self, *excinfo):
        pass

class closing:
    def __init__(self, thing):
        self.thing = thing
    def __enter__(self):
        return self.thing
    def __exit__(self, *exc_info):
        self.thing.close()

class aclosing:
    def __init__(self, thing):
        self.thing = thing
    async def __aenter__(self):
        return self.thing
    async def __aexit__(self, *exc_info):
        await self.thing.aclose()

class ExitStack:
    def __init__(self):
        self._exit_callbacks = []
    def __enter__(self):
        return self
    def enter_context(self, cm):
        result = cm.__enter__()
        self._exit_callbacks.append((False, cm.__exit__))
        return result
    def callback(self, callback, *args, **kwds):
        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        self._exit_callbacks.append((False, _exit_wrapper))
        return callback
    def push(self, exit):
        self._exit_callbacks.append((False, exit))
        return exit
    def close(self):
        self.__exit__(None, None, None)
    def __exit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        suppressed = False
        pending_raise = False
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            try:
                if cb(*exc_details):
                    suppressed = True
                    pending_raise = False
                    exc_details = (None, None, None)
            except BaseException as e:
                exc_details = (type(e), e, None)
                pending_raise = True
        if pending_raise:
            raise exc_details[1]
        return received_exc and suppressed

class AsyncExitStack(ExitStack):
    async def __aenter__(self):
        return self
    async def enter_async_context(self, cm):
        result = await cm.__aenter__()
        self._exit_callbacks.append((True, cm.__aexit__))
        return result
    def push_async_callback(self, callback, *args, **kwds):
        async def _exit_wrapper(exc_type, exc, tb):
            await callback(*args, **kwds)
        self._exit_callbacks.append((True, _exit_wrapper))
        return callback
    async def aclose(self):
        await self.__aexit__(None, None, None)
    async def __aexit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        suppressed = False
        pending_raise = False
        while self._exit_callbacks:
            is_async, cb = self._exit_callbacks.pop()
            try:
                if is_async:
                    cb_suppress = await cb(*exc_details)
                else:
                    cb_suppress = cb(*exc_details)
                if cb_suppress:
                    suppressed = True
                    pending_raise = False
                    exc_details = (None, None, None)
            except BaseException as e:
                exc_details = (type(e), e, None)
                pending_raise = True
        if pending_raise:
            raise exc_details[1]
        return received_exc and suppressed
)PY"},

    {"itertools", R"PY(
def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step

def cycle(iterable):
    saved = []
    for element in iterable:
        yield element
        saved.append(element)
    while saved:
        for element in saved:
            yield element

def repeat(obj, times=None):
    if times is None:
        while True:
            yield obj
    else:
        for _ in range(times):
            yield obj

def chain(*iterables):
    for it in iterables:
        for element in it:
            yield element

def _from_iterable(iterables):
    for it in iterables:
        for element in it:
            yield element
chain.from_iterable = _from_iterable

def islice(iterable, *args):
    s = slice(*args)
    start, stop, step = s.start or 0, s.stop, s.step or 1
    it = iter(iterable)
    i = 0
    nexti = start
    for element in it:
        if stop is not None and i >= stop:
            return
        if i == nexti:
            yield element
            nexti += step
        i += 1

def accumulate(iterable, func=None, *, initial=None):
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for element in it:
        total = func(total, element) if func is not None else total + element
        yield total

def starmap(function, iterable):
    for args in iterable:
        yield function(*args)

def takewhile(predicate, iterable):
    for x in iterable:
        if predicate(x):
            yield x
        else:
            break

def dropwhile(predicate, iterable):
    it = iter(iterable)
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x

def filterfalse(predicate, iterable):
    if predicate is None:
        predicate = bool
    for x in iterable:
        if not predicate(x):
            yield x

def zip_longest(*args, fillvalue=None):
    iterators = [iter(it) for it in args]
    num_active = len(iterators)
    if not num_active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            try:
                value = next(it)
            except StopIteration:
                num_active -= 1
                if not num_active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)

def product(*args, repeat=1):
    pools = [tuple(pool) for pool in args] * repeat
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)

def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return

def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)

def groupby(iterable, key=None):
    keyfunc = (lambda x: x) if key is None else key
    it = iter(iterable)
    exhausted = False
    try:
        cur = next(it)
    except StopIteration:
        return
    while not exhausted:
        k = keyfunc(cur)
        group = [cur]
        while True:
            try:
                cur = next(it)
            except StopIteration:
                exhausted = True
                break
            if keyfunc(cur) == k:
                group.append(cur)
            else:
                break
        yield k, iter(group)

def tee(iterable, n=2):
    data = list(iterable)
    return tuple(iter(data) for _ in range(n))

def pairwise(iterable):
    it = iter(iterable)
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b

def compress(data, selectors):
    return (d for d, s in zip(data, selectors) if s)
)PY"},

    {"operator", R"PY(
def itemgetter(*items):
    if len(items) == 1:
        item = items[0]
        def g(obj):
            return obj[item]
    else:
        def g(obj):
            return tuple(obj[i] for i in items)
    return g

def attrgetter(*attrs):
    def resolve(obj, attr):
        for name in attr.split('.'):
            obj = getattr(obj, name)
        return obj
    if len(attrs) == 1:
        attr = attrs[0]
        def g(obj):
            return resolve(obj, attr)
    else:
        def g(obj):
            return tuple(resolve(obj, a) for a in attrs)
    return g

def methodcaller(name, *args, **kwargs):
    def caller(obj):
        return getattr(obj, name)(*args, **kwargs)
    return caller

def add(a, b): return a + b
def sub(a, b): return a - b
def mul(a, b): return a * b
def truediv(a, b): return a / b
def floordiv(a, b): return a // b
def mod(a, b): return a % b
def pow(a, b): return a ** b
def neg(a): return -a
def lt(a, b): return a < b
def le(a, b): return a <= b
def eq(a, b): return a == b
def ne(a, b): return a != b
def gt(a, b): return a > b
def ge(a, b): return a >= b
def not_(a): return not a
def truth(a): return bool(a)
def is_(a, b): return a is b
def is_not(a, b): return a is not b
def and_(a, b): return a & b
def or_(a, b): return a | b
def xor(a, b): return a ^ b
def getitem(a, b): return a[b]
def contains(a, b): return b in a
def index(a): return a.__index__()
)PY"},

    {"string", R"PY(
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = '0123456789abcdefABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
whitespace = ' \t\n\r\x0b\x0c'
printable = digits + ascii_letters + punctuation + whitespace

def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))
)PY"},

    {"copy", R"PY(
def copy(x):
    cls = type(x)
    if cls in (int, float, bool, str, tuple, frozenset, type(None), range):
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    if hasattr(x, '__copy__'):
        return x.__copy__()
    y = object.__new__(cls)
    if hasattr(x, '__dict__'):
        y.__dict__.update(x.__dict__)
    return y

def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    i = id(x)
    if i in memo:
        return memo[i]
    cls = type(x)
    if cls in (int, float, bool, str, frozenset, type(None), range) or callable(x) and not hasattr(x, '__dict__'):
        return x
    if cls is list:
        y = []
        memo[i] = y
        for v in x:
            y.append(deepcopy(v, memo))
        return y
    if cls is tuple:
        y = tuple(deepcopy(v, memo) for v in x)
        memo[i] = y
        return y
    if cls is dict:
        y = {}
        memo[i] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
        return y
    if cls is set:
        y = set(deepcopy(v, memo) for v in x)
        memo[i] = y
        return y
    if hasattr(x, '__deepcopy__'):
        return x.__deepcopy__(memo)
    if isinstance(x, type):
        return x
    y = object.__new__(cls)
    memo[i] = y
    if hasattr(x, '__dict__'):
        for k, v in x.__dict__.items():
            y.__dict__[k] = deepcopy(v, memo)
    return y
)PY"},

    {"heapq", R"PY(
def heappush(heap, item):
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)

def heappop(heap):
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup(heap, 0)
        return returnitem
    return lastelt

def heapreplace(heap, item):
    returnitem = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return returnitem

def heappushpop(heap, item):
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item

def heapify(x):
    n = len(x)
    for i in reversed(range(n // 2)):
        _siftup(x, i)

def _siftdown(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem

def _siftup(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)

def nsmallest(n, iterable, key=None):
    return sorted(iterable, key=key)[:n]

def nlargest(n, iterable, key=None):
    return sorted(iterable, key=key, reverse=True)[:n]

def merge(*iterables, key=None, reverse=False):
    result = []
    for it in iterables:
        result.extend(it)
    return iter(sorted(result, key=key, reverse=reverse))
)PY"},

    {"bisect", R"PY(
def bisect_right(a, x, lo=0, hi=None, *, key=None):
    if hi is None:
        hi = len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < (a[mid] if key is None else key(a[mid])):
            hi = mid
        else:
            lo = mid + 1
    return lo

def bisect_left(a, x, lo=0, hi=None, *, key=None):
    if hi is None:
        hi = len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if (a[mid] if key is None else key(a[mid])) < x:
            lo = mid + 1
        else:
            hi = mid
    return lo

def insort_right(a, x, lo=0, hi=None, *, key=None):
    lo = bisect_right(a, x if key is None else key(x), lo, hi, key=key)
    a.insert(lo, x)

def insort_left(a, x, lo=0, hi=None, *, key=None):
    lo = bisect_left(a, x if key is None else key(x), lo, hi, key=key)
    a.insert(lo, x)

bisect = bisect_right
insort = insort_right
)PY"},

    {"dataclasses", R"PY(
MISSING = object()

class Field:
    def __init__(self, default=MISSING, default_factory=MISSING, init=True, repr=True, compare=True):
        self.name = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.compare = compare

def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True, metadata=None, kw_only=False):
    return Field(default, default_factory, init, repr, compare)

def _fields_of(cls):
    fields = []
    for base in reversed(cls.__mro__[1:]):
        fields.extend(getattr(base, '__dataclass_fields__', {}).values())
    own = []
    for name in cls.__dict__.get('__annotations__', {}):
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = Field(default)
        f.name = name
        own.append(f)
    names = [f.name for f in own]
    fields = [f for f in fields if f.name not in names] + own
    return fields

def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False):
    def wrap(cls):
        fields = _fields_of(cls)
        cls.__dataclass_fields__ = {f.name: f for f in fields}
        for f in fields:
            if isinstance(cls.__dict__.get(f.name), Field):
                if f.default is MISSING:
                    delattr(cls, f.name)
                else:
                    setattr(cls, f.name, f.default)
        if init and '__init__' not in cls.__dict__:
            def __init__(self, *args, **kwargs):
                init_fields = [f for f in fields if f.init]
                if len(args) > len(init_fields):
                    raise TypeError(f'{cls.__name__}.__init__() takes {len(init_fields) + 1} positional arguments but {len(args) + 1} were given')
                for i, f in enumerate(init_fields):
                    if i < len(args):
                        value = args[i]
                    elif f.name in kwargs:
                        value = kwargs.pop(f.name)
                    elif f.default is not MISSING:
                        value = f.default
                    elif f.default_factory is not MISSING:
                        value = f.default_factory()
                    else:
                        raise TypeError(f"{cls.__name__}.__init__() missing 1 required positional argument: '{f.name}'")
                    object.__setattr__(self, f.name, value)
                if kwargs:
                    raise TypeError(f"{cls.__name__}.__init__() got an unexpected keyword argument '{next(iter(kwargs))}'")
                for f in fields:
                    if not f.init:
                        if f.default is not MISSING:
                            object.__setattr__(self, f.name, f.default)
                        elif f.default_factory is not MISSING:
                            object.__setattr__(self, f.name, f.default_factory())
                if hasattr(self, '__post_init__'):
                    self.__post_init__()
            __init__.__qualname__ = cls.__qualname__ + '.__init__'
            cls.__init__ = __init__
        if repr and '__repr__' not in cls.__dict__:
            def __repr__(self):
                return cls.__qualname__ + '(' + ', '.join(f'{f.name}={getattr(self, f.name)!r}' for f in fields if f.repr) + ')'
            cls.__repr__ = __repr__
        if eq and '__eq__' not in cls.__dict__:
            def __eq__(self, other):
                if other.__class__ is not self.__class__:
                    return NotImplemented
                return tuple(getattr(self, f.name) for f in fields if f.compare) == tuple(getattr(other, f.name) for f in fields if f.compare)
            cls.__eq__ = __eq__
            if not unsafe_hash and not frozen:
                cls.__hash__ = None
        if order:
            def key(self):
                return tuple(getattr(self, f.name) for f in fields if f.compare)
            cls.__lt__ = lambda self, other: key(self) < key(other)
            cls.__le__ = lambda self, other: key(self) <= key(other)
            cls.__gt__ = lambda self, other: key(self) > key(other)
            cls.__ge__ = lambda self, other: key(self) >= key(other)
        if frozen:
            def __setattr__(self, name, value):
                raise FrozenInstanceError(f"cannot assign to field '{name}'")
            cls.__setattr__ = __setattr__
            cls.__hash__ = lambda self: hash(tuple(getattr(self, f.name) for f in fields))
        elif unsafe_hash:
            cls.__hash__ = lambda self: hash(tuple(getattr(self, f.name) for f in fields))
        return cls
    if cls is None:
        return wrap
    return wrap(cls)

class FrozenInstanceError(AttributeError):
    pass

def fields(obj):
    return tuple(obj.__dataclass_fields__.values())

def asdict(obj):
    result = {}
    for f in obj.__dataclass_fields__.values():
        v = getattr(obj, f.name)
        if hasattr(v, '__dataclass_fields__'):
            v = asdict(v)
        elif isinstance(v, list):
            v = [asdict(x) if hasattr(x, '__dataclass_fields__') else x for x in v]
        result[f.name] = v
    return result

def astuple(obj):
    return tuple(getattr(obj, f.name) for f in obj.__dataclass_fields__.values())

def replace(obj, **changes):
    kwargs = {f.name: getattr(obj, f.name) for f in obj.__dataclass_fields__.values() if f.init}
    kwargs.update(changes)
    return obj.__class__(**kwargs)

def is_dataclass(obj):
    return hasattr(obj, '__dataclass_fields__')
)PY"},

    {"warnings", R"PY(
def warn(message, category=None, stacklevel=1, source=None):
    if category is None:
        category = UserWarning
    if isinstance(message, Warning):
        category = type(message)
        message = str(message)
    __aio_hidden__('warn')(category, str(message), stacklevel + 1)

def simplefilter(action, category=Warning, lineno=0, append=False):
    pass

def filterwarnings(action, message='', category=Warning, module='', lineno=0, append=False):
    pass

class catch_warnings:
    def __init__(self, *, record=False, **kwargs):
        self.record = record
    def __enter__(self):
        return [] if self.record else None
    def __exit__(self, *exc_info):
        pass
)PY"},

    {"traceback", R"PY(
import sys

def format_exception(exc, value=None, tb=None, limit=None, chain=True):
    if value is None:
        value = exc
    return [__aio_hidden__('format_exc')(value)]

def format_exc(limit=None, chain=True):
    exc = sys.exception()
    if exc is None:
        return 'NoneType: None\n'
    return __aio_hidden__('format_exc')(exc)

def print_exc(limit=None, file=None, chain=True):
    print(format_exc(), end='', file=sys.stderr if file is None else file)

def print_exception(exc, value=None, tb=None, limit=None, file=None, chain=True):
    if value is None:
        value = exc
    print(__aio_hidden__('format_exc')(value), end='', file=sys.stderr if file is None else file)

def format_exception_only(exc, value=None):
    if value is None:
        value = exc
    s = str(value)
    name = type(value).__qualname__
    return [f'{name}: {s}\n' if s else f'{name}\n']
)PY"},

    {"textwrap", R"PY(
def dedent(text):
    lines = text.split('\n')
    margin = None
    for line in lines:
        stripped = line.lstrip()
        if not stripped:
            continue
        indent = line[:len(line) - len(stripped)]
        if margin is None or len(indent) < len(margin):
            margin = indent
    if not margin:
        return '\n'.join(l if l.strip() else '' for l in lines)
    return '\n'.join(l[len(margin):] if l.strip() else '' for l in lines)

def indent(text, prefix, predicate=None):
    if predicate is None:
        predicate = lambda line: line.strip()
    return ''.join(prefix + line if predicate(line) else line for line in text.splitlines(True))

def shorten(text, width, placeholder=' [...]'):
    text = ' '.join(text.split())
    if len(text) <= width:
        return text
    words = text.split()
    out = ''
    for w in words:
        cand = (out + ' ' + w).strip()
        if len(cand) + len(placeholder) > width:
            break
        out = cand
    return out + placeholder

def wrap(text, width=70):
    words = text.split()
    lines, cur = [], ''
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + ' ' + w) if cur else w
    if cur:
        lines.append(cur)
    return lines

def fill(text, width=70):
    return '\n'.join(wrap(text, width))
)PY"},

    {"statistics", R"PY(
def mean(data):
    data = list(data)
    if not data:
        raise StatisticsError('mean requires at least one data point')
    return sum(data) / len(data)

def fmean(data):
    data = list(data)
    return sum(data) / len(data)

def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2

def mode(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    return max(counts, key=counts.get)

def pvariance(data):
    data = list(data)
    m = sum(data) / len(data)
    return sum((x - m) ** 2 for x in data) / len(data)

def variance(data):
    data = list(data)
    m = sum(data) / len(data)
    return sum((x - m) ** 2 for x in data) / (len(data) - 1)

def pstdev(data):
    return pvariance(data) ** 0.5

def stdev(data):
    return variance(data) ** 0.5

class StatisticsError(ValueError):
    pass
)PY"},
    {"types", R"PY(
import sys

class SimpleNamespace:
    def __init__(self, mapping=None, /, **kwargs):
        if mapping is not None:
            self.__dict__.update(mapping)
        self.__dict__.update(kwargs)
    def __repr__(self):
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        return f"{name}({', '.join(f'{k}={v!r}' for k, v in self.__dict__.items())})"
    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

def _f():
    pass
FunctionType = LambdaType = type(_f)
def _g():
    yield
GeneratorType = type(_g())
async def _c():
    pass
_co = _c()
CoroutineType = type(_co)
_co.close()
async def _ag():
    yield
AsyncGeneratorType = type(_ag())
class _C:
    def _m(self):
        pass
MethodType = type(_C()._m)
BuiltinFunctionType = BuiltinMethodType = type(len)
ModuleType = type(sys)
NoneType = type(None)
del _f, _g, _c, _co, _ag, _C
)PY"},
    {"io", R"PY(
from _aio_host import read_text as _read_text

class UnsupportedOperation(OSError, ValueError):
    pass

class StringIO:
    def __init__(self, initial_value='', newline='\n'):
        self._buf = initial_value or ''
        self._pos = 0
        self.closed = False
    def _check(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
    def getvalue(self):
        self._check()
        return self._buf
    def read(self, size=-1):
        self._check()
        if size is None or size < 0:
            r = self._buf[self._pos:]
        else:
            r = self._buf[self._pos:self._pos + size]
        self._pos += len(r)
        return r
    def readline(self, size=-1):
        self._check()
        i = self._buf.find('\n', self._pos)
        end = len(self._buf) if i < 0 else i + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        r = self._buf[self._pos:end]
        self._pos += len(r)
        return r
    def readlines(self, hint=-1):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        b = self._buf
        if self._pos > len(b):
            b += '\0' * (self._pos - len(b))
        self._buf = b[:self._pos] + s + b[self._pos + len(s):]
        self._pos += len(s)
        return len(s)
    def writelines(self, lines):
        for line in lines:
            self.write(line)
    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError(f"Negative seek position {pos}")
            self._pos = pos
        elif whence == 2:
            self._pos = len(self._buf)
        return self._pos
    def tell(self):
        self._check()
        return self._pos
    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        self._buf = self._buf[:size]
        return size
    def readable(self):
        return True
    def writable(self):
        return True
    def seekable(self):
        return True
    def flush(self):
        pass
    def close(self):
        self.closed = True
    def __iter__(self):
        return self
    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line
    def __enter__(self):
        self._check()
        return self
    def __exit__(self, *exc):
        self.close()

class TextIOWrapper(StringIO):
    def __init__(self, name, text, mode):
        StringIO.__init__(self, text)
        self.name = name
        self.mode = mode
        self.encoding = 'UTF-8'
    def write(self, s):
        raise UnsupportedOperation("not writable")
    def writelines(self, lines):
        raise UnsupportedOperation("not writable")
    def writable(self):
        return False
    def __repr__(self):
        return f"<_io.TextIOWrapper name={self.name!r} mode={self.mode!r} encoding='UTF-8'>"

def open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    if not isinstance(file, str):
        raise TypeError(f"expected str, bytes or os.PathLike object, not {type(file).__name__}")
    if not isinstance(mode, str):
        raise TypeError(f"open() argument 'mode' must be str, not {type(mode).__name__}")
    if 'b' in mode:
        raise ValueError("binary files are not supported here")
    if set(mode) - set('rwaxt+') or mode.count('r') + mode.count('w') + mode.count('a') + mode.count('x') != 1:
        raise ValueError(f"invalid mode: '{mode}'")
    if mode.replace('t', '') != 'r':
        raise PermissionError(1, "Operation not permitted (files are read-only here)", file)
    text = _read_text(file)
    if newline is None:
        text = text.replace('\r\n', '\n').replace('\r', '\n')
    return TextIOWrapper(file, text, mode)
)PY"},
    {"gc", R"PY(
# Objects are freed by reference counting as soon as they are unreachable;
# cycles go when the run ends. There is nothing to collect on demand.
_enabled = True
garbage = []

def collect(generation=2):
    return 0

def enable():
    global _enabled
    _enabled = True

def disable():
    global _enabled
    _enabled = False

def isenabled():
    return _enabled

def get_count():
    return (0, 0, 0)

def get_threshold():
    return (700, 10, 10)

def set_threshold(*args):
    pass

def freeze():
    pass

def unfreeze():
    pass
)PY"},
    {"platform", R"PY(
import sys

def python_version():
    return '%d.%d.%d' % sys.version_info[:3]

def python_version_tuple():
    return tuple(str(p) for p in sys.version_info[:3])

def python_implementation():
    return 'aio-py'

def system():
    return 'Linux' if sys.platform == 'linux' else sys.platform

def platform(aliased=False, terse=False):
    return 'aio-py-' + python_version()
)PY"},
    {"resource", R"PY(
from _aio_host import rusage as _rusage

RUSAGE_SELF = 0
RUSAGE_CHILDREN = -1

class struct_rusage:
    _fields = ('ru_utime', 'ru_stime', 'ru_maxrss', 'ru_ixrss', 'ru_idrss', 'ru_isrss',
               'ru_minflt', 'ru_majflt', 'ru_nswap', 'ru_inblock', 'ru_oublock',
               'ru_msgsnd', 'ru_msgrcv', 'ru_nsignals', 'ru_nvcsw', 'ru_nivcsw')
    def __init__(self, values):
        for name, value in zip(self._fields, values):
            setattr(self, name, value)
    def __repr__(self):
        return 'resource.struct_rusage(' + ', '.join(f'{n}={getattr(self, n)!r}' for n in self._fields) + ')'

def getrusage(who):
    if who != RUSAGE_SELF:
        raise ValueError("invalid who parameter")
    ut, st, maxrss = _rusage()
    return struct_rusage((ut, st, maxrss) + (0,) * 13)
)PY"},
};

Value init_source_module(VM& vm, const SourceModule& m) {
    Value mv = new_module(vm, m.name);
    auto* mod = mv.as<ModuleObject>();
    // Register first so that circular imports find the (partial) module.
    dict_set_str(vm, vm.m_modules, vm.intern(m.name), mv);
    std::string filename = std::string("<frozen ") + m.name + ">";
    module_add(vm, mod, "__file__", vm.str(filename));
    Value r = vm.run_source(m.source, filename, mod->m_dict);
    if (r.is_null()) {
        dict_del_str(vm.m_modules, vm.intern(m.name));
        return Value();
    }
    return mv;
}

template <size_t I>
Value init_nth(VM& vm) {
    return init_source_module(vm, kModules[I]);
}

template <size_t... Is>
void register_all(VM& vm, std::index_sequence<Is...>) {
    (vm.register_module(kModules[Is].name, init_nth<Is>), ...);
}

// __aio_hidden__(name): internal objects the source modules need.
Value hidden(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1 || !is_str(a[0])) return vm.raise(vm.e_TypeError, "__aio_hidden__(name)");
    std::string_view name = as_str(a[0])->view();
    if (name == "Enum") return Value::object(vm.t_enum);
    if (name == "auto") {
        Value* v = dict_get_str(vm.m_builtins, vm.intern("__enum_auto__"));
        return v ? *v : Value::none();
    }
    if (name == "warn") {
        return vm.new_native("warn", [](VM& vm2, Value* b, int m, TupleObject*, Value&) -> Value {
            if (m < 2 || !is_kind(b[0], ObjKind::Type) || !is_str(b[1]))
                return vm2.raise(vm2.e_TypeError, "warn(category, message)");
            int level = m > 2 && b[2].is_int() ? static_cast<int>(b[2].as_int()) : 2;
            vm2.warn(b[0].as<TypeObject>(), as_str(b[1])->str(), level);
            return Value::none();
        });
    }
    if (name == "format_exc") {
        return vm.new_native("format_exc", [](VM& vm2, Value* b, int m, TupleObject*, Value&) -> Value {
            if (m != 1) return vm2.raise(vm2.e_TypeError, "format_exc(exc)");
            return vm2.str(vm2.format_exception(b[0]));
        });
    }
    return vm.raisef(vm.e_KeyError, "unknown hidden name");
}

}  // namespace

void register_stdlib_modules(VM& vm) {
    register_all(vm, std::make_index_sequence<sizeof(kModules) / sizeof(kModules[0])>{});
    vm.dict_set_str(vm.m_builtins, "__aio_hidden__", vm.new_native("__aio_hidden__", hidden));
}

}  // namespace aio::script
