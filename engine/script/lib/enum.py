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
