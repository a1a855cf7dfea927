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

def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True):
    def wrap(cls):
        fields = _fields_of(cls)
        cls.__dataclass_fields__ = {f.name: f for f in fields}
        for f in fields:
            if isinstance(cls.__dict__.get(f.name), Field):
                if f.default is MISSING:
                    delattr(cls, f.name)
                else:
                    setattr(cls, f.name, f.default)
        # What class patterns match positionally: the __init__ parameters.
        if match_args and '__match_args__' not in cls.__dict__:
            cls.__match_args__ = tuple(f.name for f in fields if f.init)
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
