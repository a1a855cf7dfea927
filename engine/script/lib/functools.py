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
