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
