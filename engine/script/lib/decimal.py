# decimal for aio-py: General Decimal Arithmetic, CPython 3.11's decimal (the C module over
# libmpdec), reproduced digit for digit and flag for flag.
# Covers: Decimal from str (any Unicode digits, underscores, whitespace, exponent range
# checks), int, float (exact), Decimal, tuple; str/repr/to_eng_string, as_tuple,
# as_integer_ratio, __format__ (e E f F g G n %, fill/align/sign/z/0/width/','/precision,
# with libmpdec's refusals); + - * / // % divmod ** (integral powers as libmpdec computes
# them, non-integral ones through correctly rounded ln/exp), pow(a, b, m), unary - + abs,
# fma, sqrt, exp, ln, log10, quantize, to_integral_*, normalize, compare(_signal/_total),
# max/min(_mag), logb, scaleb, shift, rotate, logical_*, next_*, number_class, copy_*,
# is_*, round/int/float/floor/ceil/trunc, comparisons with int/float/Fraction, hashes
# equal to equal ints/floats/Fractions. Context: all 8 rounding modes, prec/Emin/Emax/
# capitals/clamp, subnormals, overflow and underflow, flags and traps (a trap raises the
# first trapped signal with the list of trapped conditions, as the C module does), the
# three template contexts, getcontext/setcontext/localcontext(**kwargs) on a ContextVar
# (so each asyncio task has its own context, as in CPython).
# Leaves out: locale-aware 'n' formatting (the C locale is assumed), the C module's private
# extras (Context._apply, _allcr, ...), and limits of the C types (MAX_PREC-sized numbers).
# Representation: _sign (0/1), _int (the coefficient, or a NaN payload), _exp (an int, or
# "F" for Infinity, "n" for NaN, "N" for sNaN). Operations collect the conditions they
# raise in a list and Context._signal sets flags and raises traps once, at the end.
import collections as _collections
import contextvars as _contextvars
import math as _math
import sys as _sys

# (No __all__: the C module has none either.)

__version__ = "1.70"
__libmpdec_version__ = "2.5.1"

ROUND_DOWN = "ROUND_DOWN"
ROUND_HALF_UP = "ROUND_HALF_UP"
ROUND_HALF_EVEN = "ROUND_HALF_EVEN"
ROUND_CEILING = "ROUND_CEILING"
ROUND_FLOOR = "ROUND_FLOOR"
ROUND_UP = "ROUND_UP"
ROUND_HALF_DOWN = "ROUND_HALF_DOWN"
ROUND_05UP = "ROUND_05UP"
_ROUNDINGS = (ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP,
              ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP)

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True


# ---- signals ---------------------------------------------------------------------------

class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class InvalidContext(InvalidOperation):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded, Subnormal):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


# The order of the flags dict (and of the exception type chosen when several trap).
_SIGNALS = [InvalidOperation, FloatOperation, DivisionByZero, Overflow, Underflow,
            Subnormal, Inexact, Rounded, Clamped]
# The order conditions are listed in a trap's exception.
_COND_ORDER = [InvalidOperation, ConversionSyntax, DivisionImpossible, DivisionUndefined,
               InvalidContext, FloatOperation, DivisionByZero, Overflow, Underflow,
               Subnormal, Inexact, Rounded, Clamped]
# The order Context.__repr__ lists flags and traps in (libmpdec's bit order).
_REPR_ORDER = [Clamped, InvalidOperation, DivisionByZero, Inexact, FloatOperation,
               Overflow, Rounded, Subnormal, Underflow]


def _flag_of(cond):
    if cond in (ConversionSyntax, DivisionImpossible, DivisionUndefined, InvalidContext):
        return InvalidOperation
    return cond


class SignalDict(object):
    """flags/traps: a mapping from the nine signal classes to bools; no keys can be added.
    (Not a dict subclass: aio-py cannot iterate dict subclasses, see the report.)"""

    def __init__(self):
        self._d = {k: False for k in _SIGNALS}

    def __getitem__(self, key):
        return self._d[key]

    def __setitem__(self, key, value):
        if key not in self._d:
            raise KeyError(key)
        self._d[key] = bool(value)

    def __delitem__(self, key):
        raise ValueError("signal keys cannot be deleted")

    def __contains__(self, key):
        return key in self._d

    def __iter__(self):
        return iter(list(self._d))

    def __len__(self):
        return len(self._d)

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, key, default=None):
        return self._d.get(key, default)

    def __eq__(self, other):
        if isinstance(other, SignalDict):
            return self._d == other._d
        if isinstance(other, dict):
            return self._d == other
        return NotImplemented

    def __repr__(self):
        return "{" + ", ".join("%r:%r" % (k, self._d[k]) for k in _SIGNALS) + "}"

    def copy(self):
        d = SignalDict()
        d._d = dict(self._d)
        return d


_SIGNALS_ERR = ("valid values for signals are:\n"
                "  [InvalidOperation, FloatOperation, DivisionByZero,\n"
                "   Overflow, Underflow, Subnormal, Inexact, Rounded,\n"
                "   Clamped]")


def _signal_dict(src):
    """A SignalDict from None, a list of signals, or a complete mapping of them."""
    d = SignalDict()
    if src is None:
        return d
    if isinstance(src, (dict, SignalDict)):
        if len(src) != len(_SIGNALS) or any(k not in src for k in _SIGNALS):
            raise KeyError("invalid signal dict")
        for k in _SIGNALS:
            d._d[k] = bool(src[k])
        return d
    if not isinstance(src, list):
        raise TypeError("argument must be a signal dict")
    for k in src:
        if k not in _SIGNALS:
            raise KeyError(_SIGNALS_ERR)
        d._d[k] = True
    return d


# ---- small integer helpers ----------------------------------------------------------------

def _ndigits(n):
    return len(str(n))


def _round_coef(sign, coef, drop, rounding):
    """Drop `drop` (> 0) low digits of coef, rounding; returns (new coef, inexact)."""
    nd = _ndigits(coef)
    if drop > nd + 1:
        # Only whether the dropped part is zero matters here: keep a sticky digit.
        coef = 1 if coef else 0
        drop = 2
    p = 10 ** drop
    q, r = divmod(coef, p)
    if r == 0:
        return q, False
    if rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_CEILING:
        up = not sign
    elif rounding == ROUND_FLOOR:
        up = bool(sign)
    elif rounding == ROUND_HALF_UP:
        up = 2 * r >= p
    elif rounding == ROUND_HALF_DOWN:
        up = 2 * r > p
    elif rounding == ROUND_HALF_EVEN:
        up = 2 * r > p or (2 * r == p and q % 2 == 1)
    else:  # ROUND_05UP
        up = q % 10 in (0, 5)
    return q + (1 if up else 0), True


def _isqrt(n):
    if n <= 0:
        return 0
    x = 1 << ((n.bit_length() + 1) // 2)
    while True:
        y = (x + n // x) // 2
        if y >= x:
            return x
        x = y


_HASH_MOD = 2305843009213693951
_HASH_INF = 314159
_HASH_10INV = pow(10, _HASH_MOD - 2, _HASH_MOD)

DecimalTuple = _collections.namedtuple("DecimalTuple", "sign digits exponent")
DecimalTuple.__module__ = "decimal"

_current = _contextvars.ContextVar("decimal_context")

_NUMERIC_BUILTINS = (float, str, list, tuple, dict, bytes, type(None))


def _new(cls, sign, coef, exp):
    d = object.__new__(cls)
    d._sign = sign
    d._int = coef
    d._exp = exp
    return d


def _dec(sign, coef, exp):
    return _new(Decimal, sign, coef, exp)


_NAN = None  # set below


# ---- string parsing -----------------------------------------------------------------------

# The zero of every run of Unicode decimal digits beyond ASCII (Unicode 14, as CPython
# 3.11): Decimal accepts any of them, e.g. Decimal("\u0661\u0662") == 12.
_UNICODE_ZEROS = (
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50,
    0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450,
    0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0,
    0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140,
    0x1E2F0, 0x1E950, 0x1FBF0)


def _ascii_digits(s):
    out = []
    for ch in s:
        o = ord(ch)
        if o > 127:
            for z in _UNICODE_ZEROS:
                if z <= o < z + 10:
                    ch = chr(48 + o - z)
                    break
        out.append(ch)
    return "".join(out)


def _parse(s):
    """Return (sign, coef, exp) for a valid numeric string, or None."""
    s = s.strip()
    if any(ord(ch) > 127 for ch in s):
        s = _ascii_digits(s)
    # The C implementation simply drops every underscore.
    s = s.replace("_", "")
    if not s:
        return None
    sign = 0
    i = 0
    if s[0] in "+-":
        sign = 1 if s[0] == "-" else 0
        i = 1
    body = s[i:].lower()
    if body in ("inf", "infinity"):
        return sign, 0, "F"
    for prefix, code in (("snan", "N"), ("nan", "n")):
        if body.startswith(prefix):
            payload = body[len(prefix):]
            if payload and not all(c in "0123456789" for c in payload):
                return None
            return sign, int(payload) if payload else 0, code
    mant, e, expo = body.partition("e")
    exp = 0
    if e:
        j = 0
        if expo[:1] in ("+", "-"):
            j = 1
        if not expo[j:] or not all(c in "0123456789" for c in expo[j:]):
            return None
        exp = int(expo)
    ip, dot, fp = mant.partition(".")
    if not ip and not fp:
        return None
    for part in (ip, fp):
        if part and not all(c in "0123456789" for c in part):
            return None
    return sign, int(ip + fp), exp - len(fp)


# ---- Decimal --------------------------------------------------------------------------------

class Decimal(object):
    """Floating point class for decimal arithmetic."""

    def __new__(cls, value="0", context=None):
        if isinstance(value, Decimal):
            return _new(cls, value._sign, value._int, value._exp)
        if isinstance(value, int):
            return _new(cls, 1 if value < 0 else 0, abs(value), 0)
        if isinstance(value, str):
            t = _parse(value)
            if t is None:
                ctx = context if context is not None else getcontext()
                ctx._signal([ConversionSyntax])
                return _new(cls, 0, 0, "n")
            if not isinstance(t[2], str) and (t[2] + _ndigits(t[1]) - 1 > MAX_EMAX
                                              or t[2] < MIN_ETINY):
                # Beyond libmpdec's exponent range.
                ctx = context if context is not None else getcontext()
                ctx._signal([InvalidOperation])
                return _new(cls, 0, 0, "n")
            return _new(cls, t[0], t[1], t[2])
        if isinstance(value, float):
            ctx = context if context is not None else getcontext()
            ctx._signal([FloatOperation])
            d = Decimal.from_float(value)
            return _new(cls, d._sign, d._int, d._exp)
        if isinstance(value, (tuple, list)):
            return cls._from_tuple(value)
        raise TypeError("conversion from %s to Decimal is not supported" % type(value).__name__)

    @classmethod
    def _from_tuple(cls, value):
        if len(value) != 3:
            raise ValueError("argument must be a sequence of length 3")
        sign, digits, exp = value
        if not (isinstance(sign, int) and sign in (0, 1)):
            raise ValueError("sign must be an integer with the value 0 or 1")
        if isinstance(exp, str):
            if exp not in ("F", "n", "N"):
                raise ValueError("string argument in the third position must be 'F', 'n' or 'N'")
        elif not isinstance(exp, int):
            raise ValueError("exponent must be an integer")
        if not isinstance(digits, (tuple, list)):
            raise ValueError("coefficient must be a tuple of digits")
        coef = 0
        for dg in digits:
            if not (isinstance(dg, int) and 0 <= dg <= 9):
                raise ValueError("coefficient must be a tuple of digits")
            coef = coef * 10 + dg
        if exp == "F":
            coef = 0
        return _new(cls, sign, coef, exp)

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("argument must be int or float")
        if f != f:
            return cls("NaN")
        if f in (float("inf"), float("-inf")):
            return cls("-Infinity" if f < 0 else "Infinity")
        sign = 1 if _math.copysign(1.0, f) < 0 else 0
        n, d = abs(f).as_integer_ratio()
        k = d.bit_length() - 1          # d == 2**k
        return _new(cls, sign, n * 5 ** k, -k)

    # -- classification
    def _isnan(self):
        e = self._exp
        return 1 if e == "n" else 2 if e == "N" else 0

    def _special(self):
        return isinstance(self._exp, str)

    def is_nan(self):
        return self._exp in ("n", "N")

    def is_qnan(self):
        return self._exp == "n"

    def is_snan(self):
        return self._exp == "N"

    def is_infinite(self):
        return self._exp == "F"

    def is_finite(self):
        return not isinstance(self._exp, str)

    def is_zero(self):
        return not isinstance(self._exp, str) and self._int == 0

    def is_signed(self):
        return self._sign == 1

    def is_canonical(self):
        return True

    def is_normal(self, context=None):
        if self._special() or self._int == 0:
            return False
        ctx = context if context is not None else getcontext()
        return self.adjusted() >= ctx.Emin

    def is_subnormal(self, context=None):
        if self._special() or self._int == 0:
            return False
        ctx = context if context is not None else getcontext()
        return self.adjusted() < ctx.Emin

    def adjusted(self):
        if self._special():
            return 0
        return self._exp + _ndigits(self._int) - 1

    def __bool__(self):
        return self._special() or self._int != 0

    # -- conversions to text
    def __str__(self, eng=False, context=None):
        sign = "-" if self._sign else ""
        e = self._exp
        if e == "F":
            return sign + "Infinity"
        if e == "n" or e == "N":
            return sign + ("sNaN" if e == "N" else "NaN") + (str(self._int) if self._int else "")
        digits = str(self._int)
        leftdigits = e + len(digits)
        if e <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._int == 0:
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart = "0"
            fracpart = "." + "0" * (-dotplace) + digits
        elif dotplace >= len(digits):
            intpart = digits + "0" * (dotplace - len(digits))
            fracpart = ""
        else:
            intpart = digits[:dotplace]
            fracpart = "." + digits[dotplace:]
        if leftdigits == dotplace:
            exp = ""
        else:
            ctx = context if context is not None else getcontext()
            exp = ("E" if ctx.capitals else "e") + "%+d" % (leftdigits - dotplace)
        return sign + intpart + fracpart + exp

    def to_eng_string(self, context=None):
        return self.__str__(eng=True, context=context)

    def __repr__(self):
        return "Decimal('%s')" % str(self)

    def as_tuple(self):
        if self._exp == "F":
            digits = (0,)
        elif self._special() and self._int == 0:
            digits = ()
        else:
            digits = tuple(int(c) for c in str(self._int))
        return DecimalTuple(self._sign, digits, self._exp)

    def as_integer_ratio(self):
        if self._exp == "F":
            raise OverflowError("cannot convert Infinity to integer ratio")
        if self._special():
            raise ValueError("cannot convert NaN to integer ratio")
        n = -self._int if self._sign else self._int
        if self._exp >= 0:
            return n * 10 ** self._exp, 1
        d = 10 ** (-self._exp)
        g = _math.gcd(n, d)
        return n // g, d // g

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    # -- conversions to numbers
    def _check_int_conv(self):
        if self._exp == "F":
            raise OverflowError("cannot convert Infinity to integer")
        if self._special():
            raise ValueError("cannot convert NaN to integer")

    def _to_int(self, rounding):
        self._check_int_conv()
        if self._exp >= 0:
            v = self._int * 10 ** self._exp
        else:
            v, _ = _round_coef(self._sign, self._int, -self._exp, rounding)
        return -v if self._sign else v

    def __int__(self):
        return self._to_int(ROUND_DOWN)

    __trunc__ = __int__

    def __floor__(self):
        return self._to_int(ROUND_FLOOR)

    def __ceil__(self):
        return self._to_int(ROUND_CEILING)

    def __float__(self):
        if self._exp == "N":
            raise ValueError("cannot convert signaling NaN to float")
        if self._exp == "n":
            return float("-nan") if self._sign else float("nan")
        if self._exp == "F":
            return float("-inf") if self._sign else float("inf")
        return float(str(self))

    def __round__(self, n=None):
        if n is not None:
            if not isinstance(n, int):
                raise TypeError("optional arg must be an integer")
            return self.quantize(_dec(0, 1, -n))
        return self._to_int(ROUND_HALF_EVEN)

    def __hash__(self):
        if self._exp == "N":
            raise TypeError("Cannot hash a signaling NaN value")
        if self._exp == "n":
            return object.__hash__(self)
        if self._exp == "F":
            return -_HASH_INF if self._sign else _HASH_INF
        if self._exp >= 0:
            eh = pow(10, self._exp, _HASH_MOD)
        else:
            eh = pow(_HASH_10INV, -self._exp, _HASH_MOD)
        h = self._int * eh % _HASH_MOD
        if self._sign:
            h = -h
        return -2 if h == -1 else h

    # -- copies and signs
    def copy_abs(self):
        return _dec(0, self._int, self._exp)

    def copy_negate(self):
        return _dec(1 - self._sign, self._int, self._exp)

    def copy_sign(self, other, context=None):
        other = _convert(other, True)
        return _dec(other._sign, self._int, self._exp)

    def conjugate(self):
        return self

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def canonical(self):
        return self

    def radix(self):
        return Decimal(10)

    def same_quantum(self, other, context=None):
        other = _convert(other, True)
        if self._special() or other._special():
            return (self.is_nan() and other.is_nan()) or (self._exp == "F" and other._exp == "F")
        return self._exp == other._exp

    # -- comparisons
    def _cmp(self, other):
        """-1/0/1 for two non-NaN operands."""
        if self._exp == "F" or other._exp == "F":
            a = 0 if self._exp != "F" else (-1 if self._sign else 1)
            b = 0 if other._exp != "F" else (-1 if other._sign else 1)
            if a == b:
                return 0
            if a or b:
                return -1 if a < b else 1
        if self._int == 0:
            if other._int == 0:
                return 0
            return 1 if other._sign else -1
        if other._int == 0:
            return -1 if self._sign else 1
        if self._sign != other._sign:
            return -1 if self._sign else 1
        s = -1 if self._sign else 1
        a1, a2 = self.adjusted(), other.adjusted()
        if a1 != a2:
            return s if a1 > a2 else -s
        e = min(self._exp, other._exp)
        c1 = self._int * 10 ** (self._exp - e)
        c2 = other._int * 10 ** (other._exp - e)
        if c1 == c2:
            return 0
        return s if c1 > c2 else -s

    def _compare_fraction(self, other, op):
        """Exact comparison with a fractions.Fraction (CPython compares with Rationals)."""
        if self.is_nan():
            if op in ("==", "!="):
                if self._exp == "N":
                    getcontext()._signal([InvalidOperation])
                return op == "!="
            getcontext()._signal([InvalidOperation])
            return False
        n, d = other.numerator, other.denominator
        if self._exp == "F":
            c = -1 if self._sign else 1
        else:
            v = -self._int if self._sign else self._int
            if self._exp >= 0:
                lhs, rhs = v * 10 ** self._exp * d, n
            else:
                lhs, rhs = v * d, n * 10 ** (-self._exp)
            c = (lhs > rhs) - (lhs < rhs)
        return {"==": c == 0, "!=": c != 0, "<": c < 0, "<=": c <= 0,
                ">": c > 0, ">=": c >= 0}[op]

    def _compare_op(self, other, op):
        if _is_fraction(other):
            return self._compare_fraction(other, op)
        if isinstance(other, float):
            if op in ("==", "!="):
                # Equality with a float only sets the flag, even when it is trapped.
                getcontext().flags._d[FloatOperation] = True
            else:
                getcontext()._signal([FloatOperation])
            other = Decimal.from_float(other)
        else:
            other = _convert(other, False)
            if other is NotImplemented:
                return NotImplemented
        if self.is_nan() or other.is_nan():
            if op in ("==", "!="):
                if self._exp == "N" or other._exp == "N":
                    getcontext()._signal([InvalidOperation])
                return op == "!="
            getcontext()._signal([InvalidOperation])
            return False
        c = self._cmp(other)
        if op == "==":
            return c == 0
        if op == "!=":
            return c != 0
        if op == "<":
            return c < 0
        if op == "<=":
            return c <= 0
        if op == ">":
            return c > 0
        return c >= 0

    def _cmp_or_raise(self, other, op):
        r = self._compare_op(other, op)
        if r is NotImplemented and isinstance(other, _NUMERIC_BUILTINS) and op not in ("==", "!="):
            raise TypeError("'%s' not supported between instances of 'decimal.Decimal' and '%s'"
                            % (op, type(other).__name__))
        return r

    def __eq__(self, other):
        return self._compare_op(other, "==")

    def __ne__(self, other):
        return self._compare_op(other, "!=")

    def __lt__(self, other):
        return self._cmp_or_raise(other, "<")

    def __le__(self, other):
        return self._cmp_or_raise(other, "<=")

    def __gt__(self, other):
        return self._cmp_or_raise(other, ">")

    def __ge__(self, other):
        return self._cmp_or_raise(other, ">=")

    def compare(self, other, context=None):
        ctx = _ctx(context)
        other = _convert(other, True)
        conds = []
        r = _check_nans(self, other, conds, ctx)
        if r is None:
            r = _dec(0, 0, 0) if self._cmp(other) == 0 else \
                (_dec(1, 1, 0) if self._cmp(other) < 0 else _dec(0, 1, 0))
        ctx._signal(conds)
        return r

    def compare_signal(self, other, context=None):
        ctx = _ctx(context)
        other = _convert(other, True)
        if self.is_nan() or other.is_nan():
            conds = [InvalidOperation]
            r = _check_nans(self, other, [], ctx)
            ctx._signal(conds)
            return _dec(r._sign, r._int, "n")
        return self.compare(other, ctx)

    def _total_key(self):
        # Orders as the spec's total ordering for one sign (magnitude side).
        if self._exp == "n":
            return (3, self._int, 0)
        if self._exp == "N":
            return (2, self._int, 0)
        if self._exp == "F":
            return (1, 0, 0)
        return (0, 0, 0)

    def compare_total(self, other, context=None):
        other = _convert(other, True)
        if self._sign != other._sign:
            return _dec(1, 1, 0) if self._sign else _dec(0, 1, 0)
        neg = self._sign
        k1, k2 = self._total_key(), other._total_key()
        if k1[0] or k2[0]:
            c = (k1 > k2) - (k1 < k2)
        else:
            c = self.copy_abs()._cmp(other.copy_abs())
            if c == 0:
                c = (self._exp > other._exp) - (self._exp < other._exp)
        if neg:
            c = -c
        return _dec(0, 0, 0) if c == 0 else _dec(1 if c < 0 else 0, 1, 0)

    def compare_total_mag(self, other, context=None):
        other = _convert(other, True)
        return self.copy_abs().compare_total(other.copy_abs())

    def _maxmin(self, other, context, want_max, mag):
        ctx = _ctx(context)
        other = _convert(other, True)
        sn, on = self._isnan(), other._isnan()
        conds = []
        if sn or on:
            if on == 1 and sn == 0:
                r = _fix(self, ctx, conds)
            elif sn == 1 and on == 0:
                r = _fix(other, ctx, conds)
            else:
                r = _check_nans(self, other, conds, ctx)
            ctx._signal(conds)
            return r
        a, b = (self.copy_abs(), other.copy_abs()) if mag else (self, other)
        c = a._cmp(b)
        if c == 0 and mag:
            c = self._cmp(other)
        if c == 0:
            c = self.compare_total(other)._cmp(_dec(0, 0, 0))
        if want_max:
            r = other if c < 0 else self
        else:
            r = self if c < 0 else other
        r = _fix(r, ctx, conds)
        ctx._signal(conds)
        return r

    def max(self, other, context=None):
        return self._maxmin(other, context, True, False)

    def min(self, other, context=None):
        return self._maxmin(other, context, False, False)

    def max_mag(self, other, context=None):
        return self._maxmin(other, context, True, True)

    def min_mag(self, other, context=None):
        return self._maxmin(other, context, False, True)

    # -- arithmetic operators
    def __add__(self, other, context=None):
        return _binop(self, other, context, _add, "+")

    def __radd__(self, other, context=None):
        return _binop(self, other, context, _add, "+", True)

    def __sub__(self, other, context=None):
        return _binop(self, other, context, _sub, "-")

    def __rsub__(self, other, context=None):
        return _binop(self, other, context, _sub, "-", True)

    def __mul__(self, other, context=None):
        return _binop(self, other, context, _mul, "*")

    def __rmul__(self, other, context=None):
        return _binop(self, other, context, _mul, "*", True)

    def __truediv__(self, other, context=None):
        return _binop(self, other, context, _div, "/")

    def __rtruediv__(self, other, context=None):
        return _binop(self, other, context, _div, "/", True)

    def __floordiv__(self, other, context=None):
        return _binop(self, other, context, _divint, "//")

    def __rfloordiv__(self, other, context=None):
        return _binop(self, other, context, _divint, "//", True)

    def __mod__(self, other, context=None):
        return _binop(self, other, context, _rem, "%")

    def __rmod__(self, other, context=None):
        return _binop(self, other, context, _rem, "%", True)

    def __divmod__(self, other, context=None):
        return _binop(self, other, context, _divmod, "divmod()")

    def __rdivmod__(self, other, context=None):
        return _binop(self, other, context, _divmod, "divmod()", True)

    def __pow__(self, other, modulo=None, context=None):
        if modulo is not None:
            return _pow_mod(self, other, modulo, context)
        return _binop(self, other, context, _pow, "** or pow()")

    def __rpow__(self, other, modulo=None, context=None):
        if modulo is not None:
            return _pow_mod(_convert(other, True), self, modulo, context)
        return _binop(self, other, context, _pow, "** or pow()", True)

    def __neg__(self, context=None):
        return _unop(self, context, "neg")

    def __pos__(self, context=None):
        return _unop(self, context, "pos")

    def __abs__(self, round=True, context=None):
        if not round:
            return self.copy_abs()
        return _unop(self, context, "abs")

    # -- named operations
    def remainder_near(self, other, context=None):
        return _binop(self, other, context, _rem_near, "remainder_near")

    def fma(self, other, third, context=None):
        ctx = _ctx(context)
        other = _convert(other, True)
        third = _convert(third, True)
        conds = []
        if self._special() or other._special():
            r = _check_nans(self, other, conds, ctx)
            if r is None:
                if self._exp == "F" and other._exp != "F" and other._int == 0 or \
                        other._exp == "F" and self._exp != "F" and self._int == 0:
                    conds.append(InvalidOperation)
                    r = _dec(0, 0, "n")
                else:
                    product = _dec(self._sign ^ other._sign, 0, "F")
                    r = _add(product, third, ctx, conds)
        else:
            product = _dec(self._sign ^ other._sign, self._int * other._int, self._exp + other._exp)
            r = _add(product, third, ctx, conds)
        ctx._signal(conds)
        return r

    def sqrt(self, context=None):
        ctx = _ctx(context)
        conds = []
        r = _sqrt(self, ctx, conds)
        ctx._signal(conds)
        return r

    def quantize(self, exp, rounding=None, context=None):
        ctx = _ctx(context)
        exp = _convert(exp, True)
        conds = []
        r = _quantize(self, exp, rounding or ctx.rounding, ctx, conds)
        ctx._signal(conds)
        return r

    def _to_integral(self, rounding, context, exact):
        ctx = _ctx(context)
        conds = []
        if self._special():
            r = _check_nans(self, None, conds, ctx)
            if r is None:
                r = self
        elif self._exp >= 0:
            r = self
        elif self._int == 0:
            r = _dec(self._sign, 0, 0)
        else:
            coef, inexact = _round_coef(self._sign, self._int, -self._exp, rounding or ctx.rounding)
            r = _dec(self._sign, coef, 0)
            if exact:
                if inexact:
                    conds.append(Inexact)
                conds.append(Rounded)
        ctx._signal(conds)
        return r

    def to_integral_value(self, rounding=None, context=None):
        return self._to_integral(rounding, context, False)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        return self._to_integral(rounding, context, True)

    def normalize(self, context=None):
        ctx = _ctx(context)
        conds = []
        if self._special():
            r = _check_nans(self, None, conds, ctx)
            if r is None:
                r = self
        else:
            d = _fix(self, ctx, conds)
            if d._exp == "F":
                r = d
            elif d._int == 0:
                r = _dec(d._sign, 0, 0)
            else:
                exp_max = ctx.Etop() if ctx.clamp else ctx.Emax
                coef, e = d._int, d._exp
                while coef % 10 == 0 and e < exp_max:
                    coef //= 10
                    e += 1
                r = _dec(d._sign, coef, e)
        ctx._signal(conds)
        return r

    reduce = normalize

    def __format__(self, spec, _localeconv=None):
        return _format(self, spec)

    def _unary_math(self, fn, context):
        ctx = _ctx(context)
        conds = []
        r = fn(self, ctx, conds)
        ctx._signal(conds)
        return r

    def exp(self, context=None):
        return self._unary_math(_exp, context)

    def ln(self, context=None):
        return self._unary_math(_ln, context)

    def log10(self, context=None):
        return self._unary_math(_log10, context)

    def logb(self, context=None):
        return self._unary_math(_logb, context)

    def scaleb(self, other, context=None):
        return _binop(self, other, context, _scaleb, "scaleb")

    def shift(self, other, context=None):
        return _binop(self, other, context, _shift, "shift")

    def rotate(self, other, context=None):
        return _binop(self, other, context, _rotate, "rotate")

    def logical_and(self, other, context=None):
        return _binop(self, other, context, _logical_and, "logical_and")

    def logical_or(self, other, context=None):
        return _binop(self, other, context, _logical_or, "logical_or")

    def logical_xor(self, other, context=None):
        return _binop(self, other, context, _logical_xor, "logical_xor")

    def logical_invert(self, context=None):
        return self._unary_math(_logical_invert, context)

    def next_plus(self, context=None):
        return self._unary_math(_next_plus, context)

    def next_minus(self, context=None):
        return self._unary_math(_next_minus, context)

    def next_toward(self, other, context=None):
        return _binop(self, other, context, _next_toward, "next_toward")

    def number_class(self, context=None):
        ctx = _ctx(context)
        if self._exp == "N":
            return "sNaN"
        if self._exp == "n":
            return "NaN"
        sg = "-" if self._sign else "+"
        if self._exp == "F":
            return sg + "Infinity"
        if self._int == 0:
            return sg + "Zero"
        if self.adjusted() < ctx.Emin:
            return sg + "Subnormal"
        return sg + "Normal"


_NAN = _dec(0, 0, "n")


def _ctx(context):
    if context is None:
        return getcontext()
    if not isinstance(context, Context):
        raise TypeError("optional argument must be a context")
    return context


def _convert(other, strict):
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return Decimal(other)
    if strict:
        raise TypeError("conversion from %s to Decimal is not supported" % type(other).__name__)
    return NotImplemented


def _is_fraction(x):
    fr = _sys.modules.get("fractions")
    return fr is not None and isinstance(x, fr.Fraction)


def _binop(self, other, context, fn, opname, reflected=False):
    o = _convert(other, False)
    if o is NotImplemented:
        if _is_fraction(other):
            a, b = "decimal.Decimal", "Fraction"
            if reflected:
                a, b = b, a
            raise TypeError("unsupported operand type(s) for %s: '%s' and '%s'" % (opname, a, b))
        if opname == "*" and isinstance(other, (str, list, tuple, bytes)):
            raise TypeError("can't multiply sequence by non-int of type 'decimal.Decimal'")
        if isinstance(other, _NUMERIC_BUILTINS):
            a, b = "decimal.Decimal", type(other).__name__
            if reflected:
                a, b = b, a
            raise TypeError("unsupported operand type(s) for %s: '%s' and '%s'" % (opname, a, b))
        return NotImplemented
    ctx = _ctx(context)
    conds = []
    if reflected:
        r = fn(o, self, ctx, conds)
    else:
        r = fn(self, o, ctx, conds)
    ctx._signal(conds)
    return r


def _check_nans(a, b, conds, ctx):
    """The NaN result of an operation on a (and b), or None when neither is a NaN.
    (A payload longer than ctx allows is dropped.)"""
    r = _check_nans0(a, b, conds)
    return None if r is None else _fix_nan(r, ctx)


def _check_nans0(a, b, conds):
    an = a._isnan()
    bn = b._isnan() if b is not None else 0
    if not an and not bn:
        return None
    if an == 2:
        conds.append(InvalidOperation)
        return _dec(a._sign, a._int, "n")
    if bn == 2:
        conds.append(InvalidOperation)
        return _dec(b._sign, b._int, "n")
    return a if an else b


def _fix_nan(r, ctx):
    # A NaN payload longer than prec - clamp digits is dropped.
    if r._int and _ndigits(r._int) > ctx.prec - ctx.clamp:
        return _dec(r._sign, 0, "n")
    return r


def _overflow(sign, ctx, conds):
    conds.extend([Overflow, Inexact, Rounded])
    rnd = ctx.rounding
    if rnd in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP) or \
            (rnd == ROUND_CEILING and not sign) or (rnd == ROUND_FLOOR and sign):
        return _dec(sign, 0, "F")
    return _dec(sign, 10 ** ctx.prec - 1, ctx.Emax - ctx.prec + 1)


def _fix(d, ctx, conds):
    """Round d to the context (precision, exponent limits, clamp), noting conditions."""
    if d._special():
        if d.is_nan():
            return _fix_nan(d, ctx)
        return d
    prec = ctx.prec
    etiny = ctx.Emin - prec + 1
    etop = ctx.Emax - prec + 1
    sign, coef, exp = d._sign, d._int, d._exp
    if coef == 0:
        exp_max = etop if ctx.clamp else ctx.Emax
        new_exp = min(max(exp, etiny), exp_max)
        if new_exp != exp:
            conds.append(Clamped)
            return _dec(sign, 0, new_exp)
        return d
    nd = _ndigits(coef)
    exp_min = nd + exp - prec
    if exp_min > etop:
        return _overflow(sign, ctx, conds)
    subnormal = exp_min < etiny
    if subnormal:
        exp_min = etiny
    if exp < exp_min:
        coef, inexact = _round_coef(sign, coef, exp_min - exp, ctx.rounding)
        if _ndigits(coef) > prec:
            coef //= 10
            exp_min += 1
        if exp_min > etop:
            r = _overflow(sign, ctx, conds)
        else:
            r = _dec(sign, coef, exp_min)
        if inexact and subnormal:
            conds.append(Underflow)
        if subnormal:
            conds.append(Subnormal)
        if inexact:
            conds.append(Inexact)
        conds.append(Rounded)
        if r._exp != "F" and r._int == 0:
            conds.append(Clamped)
        return r
    if subnormal:
        conds.append(Subnormal)
    if ctx.clamp == 1 and exp > etop:
        conds.append(Clamped)
        return _dec(sign, coef * 10 ** (exp - etop), etop)
    return d


def _rescale(d, exp, rounding):
    """d with exponent exp (rounding if digits are dropped), no context limits."""
    if d._special():
        return d
    if d._int == 0:
        return _dec(d._sign, 0, exp)
    if d._exp >= exp:
        return _dec(d._sign, d._int * 10 ** (d._exp - exp), exp)
    coef, _ = _round_coef(d._sign, d._int, exp - d._exp, rounding)
    return _dec(d._sign, coef, exp)


def _round_sig(d, places, rounding):
    """d rounded to `places` significant digits (zeros and specials unchanged)."""
    if d._special() or d._int == 0:
        return d
    r = _rescale(d, d.adjusted() + 1 - places, rounding)
    if r.adjusted() != d.adjusted():
        r = _rescale(r, r.adjusted() + 1 - places, rounding)
    return r


def _add(a, b, ctx, conds):
    if a._special() or b._special():
        r = _check_nans(a, b, conds, ctx)
        if r is not None:
            return _fix_nan(r, ctx)
        if a._exp == "F":
            if b._exp == "F" and a._sign != b._sign:
                conds.append(InvalidOperation)
                return _NAN
            return a
        return b
    exp = min(a._exp, b._exp)
    negzero = 1 if (ctx.rounding == ROUND_FLOOR and a._sign != b._sign) else 0
    if a._int == 0 and b._int == 0:
        sign = min(a._sign, b._sign)
        if negzero:
            sign = 1
        return _fix(_dec(sign, 0, exp), ctx, conds)
    if a._int == 0:
        return _fix(_rescale(b, max(exp, b._exp - ctx.prec - 1), ctx.rounding), ctx, conds)
    if b._int == 0:
        return _fix(_rescale(a, max(exp, a._exp - ctx.prec - 1), ctx.rounding), ctx, conds)
    # Shrink a far smaller operand to a sticky digit so the aligned ints stay small.
    big, small = (a, b) if a._exp >= b._exp else (b, a)
    sc, se = small._int, small._exp
    lim = big._exp + min(-1, _ndigits(big._int) - ctx.prec - 2)
    if _ndigits(sc) + se - 1 < lim:
        sc, se = 1, lim
    e = min(big._exp, se)
    v1 = big._int * 10 ** (big._exp - e)
    v2 = sc * 10 ** (se - e)
    if big._sign:
        v1 = -v1
    if small._sign:
        v2 = -v2
    s = v1 + v2
    if s == 0:
        return _fix(_dec(negzero, 0, e), ctx, conds)
    return _fix(_dec(1 if s < 0 else 0, abs(s), e), ctx, conds)


def _sub(a, b, ctx, conds):
    if a._special() or b._special():
        r = _check_nans(a, b, conds, ctx)
        if r is not None:
            return _fix_nan(r, ctx)
    return _add(a, b.copy_negate(), ctx, conds)


def _mul(a, b, ctx, conds):
    sign = a._sign ^ b._sign
    if a._special() or b._special():
        r = _check_nans(a, b, conds, ctx)
        if r is not None:
            return _fix_nan(r, ctx)
        if a._exp == "F":
            if b._exp != "F" and b._int == 0:
                conds.append(InvalidOperation)
                return _NAN
            return _dec(sign, 0, "F")
        if a._int == 0:
            conds.append(InvalidOperation)
            return _NAN
        return _dec(sign, 0, "F")
    return _fix(_dec(sign, a._int * b._int, a._exp + b._exp), ctx, conds)


def _div(a, b, ctx, conds):
    sign = a._sign ^ b._sign
    if a._special() or b._special():
        r = _check_nans(a, b, conds, ctx)
        if r is not None:
            return _fix_nan(r, ctx)
        if a._exp == "F":
            if b._exp == "F":
                conds.append(InvalidOperation)
                return _NAN
            return _dec(sign, 0, "F")
        conds.append(Clamped)
        return _dec(sign, 0, ctx.Emin - ctx.prec + 1)
    if b._int == 0:
        if a._int == 0:
            conds.append(DivisionUndefined)
            return _NAN
        conds.append(DivisionByZero)
        return _dec(sign, 0, "F")
    if a._int == 0:
        return _fix(_dec(sign, 0, a._exp - b._exp), ctx, conds)
    shift = _ndigits(b._int) - _ndigits(a._int) + ctx.prec + 1
    exp = a._exp - b._exp - shift
    if shift >= 0:
        coef, rem = divmod(a._int * 10 ** shift, b._int)
    else:
        coef, rem = divmod(a._int, b._int * 10 ** (-shift))
    if rem:
        if coef % 5 == 0:
            coef += 1   # sticky: the result is not exact
    else:
        ideal = a._exp - b._exp
        while exp < ideal and coef % 10 == 0:
            coef //= 10
            exp += 1
    return _fix(_dec(sign, coef, exp), ctx, conds)


def _divide(a, b, ctx, conds):
    """(quotient, remainder) for finite a and nonzero finite-or-infinite b."""
    sign = a._sign ^ b._sign
    if b._exp == "F":
        ideal = a._exp
    else:
        ideal = min(a._exp, b._exp)
    if a._int == 0 or b._exp == "F" or a.adjusted() - b.adjusted() <= -2:
        return _dec(sign, 0, 0), _rescale(a, ideal, ctx.rounding)
    if a.adjusted() - b.adjusted() <= ctx.prec:
        c1, c2 = a._int, b._int
        if a._exp >= b._exp:
            c1 *= 10 ** (a._exp - b._exp)
        else:
            c2 *= 10 ** (b._exp - a._exp)
        q, r = divmod(c1, c2)
        if q < 10 ** ctx.prec:
            return _dec(sign, q, 0), _dec(a._sign, r, ideal)
    conds.append(DivisionImpossible)
    return _NAN, _NAN


def _divmod_special(a, b, ctx, conds):
    """Handles NaN/infinite/zero-divisor cases: returns (q, r) or None."""
    sign = a._sign ^ b._sign
    if a._special() or b._special():
        r = _check_nans(a, b, conds, ctx)
        if r is not None:
            r = _fix_nan(r, ctx)
            return r, r
        if a._exp == "F":
            if b._exp == "F":
                conds.append(InvalidOperation)
                return _NAN, _NAN
            conds.append(InvalidOperation)
            return _dec(sign, 0, "F"), _NAN
    if b._exp != "F" and b._int == 0:
        if a._int == 0:
            conds.append(DivisionUndefined)
            return _NAN, _NAN
        conds.append(InvalidOperation)
        conds.append(DivisionByZero)
        return _dec(sign, 0, "F"), _NAN
    return None


def _divmod(a, b, ctx, conds):
    sp = _divmod_special(a, b, ctx, conds)
    if sp is not None:
        return sp
    q, r = _divide(a, b, ctx, conds)
    if b._exp != "F":
        q = _fix(q, ctx, conds)   # (x // Infinity is an unrounded zero)
    return q, _fix(r, ctx, conds)


def _divint(a, b, ctx, conds):
    if a._exp == "F" and not b._special():
        r = _check_nans(a, b, conds, ctx)
        return _dec(a._sign ^ b._sign, 0, "F")
    if not a._special() and not b._special() and b._int == 0 and a._int != 0:
        conds.append(DivisionByZero)
        return _dec(a._sign ^ b._sign, 0, "F")
    sp = _divmod_special(a, b, ctx, conds)
    if sp is not None:
        return sp[0]
    q = _divide(a, b, ctx, conds)[0]
    return q if b._exp == "F" else _fix(q, ctx, conds)


def _rem(a, b, ctx, conds):
    if not a._special() and not b._special() and b._int == 0 and a._int != 0:
        conds.append(InvalidOperation)
        return _NAN
    sp = _divmod_special(a, b, ctx, conds)
    if sp is not None:
        return sp[1]
    return _fix(_divide(a, b, ctx, conds)[1], ctx, conds)


def _rem_near(a, b, ctx, conds):
    if not a._special() and not b._special() and b._int == 0 and a._int != 0:
        conds.append(InvalidOperation)
        return _NAN
    sp = _divmod_special(a, b, ctx, conds)
    if sp is not None:
        return sp[1]
    if b._exp == "F":
        return _fix(a, ctx, conds)
    q, r = _divide(a, b, ctx, conds)
    if q.is_nan():
        return q
    # r = a - q*b with q truncated; move to the nearest multiple (ties to even q).
    e = min(r._exp, b._exp)
    rv = r._int * 10 ** (r._exp - e)
    bv = b._int * 10 ** (b._exp - e)
    qv = q._int
    if 2 * rv > bv or (2 * rv == bv and qv % 2 == 1):
        rv = bv - rv
        qv += 1
        rsign = 1 - a._sign
    else:
        rsign = a._sign
    if qv >= 10 ** ctx.prec:
        conds.append(DivisionImpossible)
        return _NAN
    return _fix(_dec(rsign, rv, e), ctx, conds)


def _pow(a, b, ctx, conds):
    if a._special() or b._special():
        r = _check_nans(a, b, conds, ctx)
        if r is not None:
            return _fix_nan(r, ctx)
    if b._exp == "F":
        return _pow_inf_exp(a, b, ctx, conds)
    if a._exp != "F" and a._sign == 0 and a._int != 0 and a._cmp(_dec(0, 1, 0)) == 0:
        return _pow_one(a, b, ctx, conds)
    if b._int != 0 and b._exp < 0:
        q, rr = divmod(b._int, 10 ** (-b._exp))
        if rr:
            return _pow_real(a, b, ctx, conds)
        n = q
    else:
        n = b._int * 10 ** b._exp if b._int else 0
    if b._sign:
        n = -n
    odd = n % 2 == 1
    sign = a._sign if odd else 0
    if n == 0:
        if a._exp != "F" and a._int == 0:
            conds.append(InvalidOperation)
            return _NAN
        return _dec(0, 1, 0)
    if a._exp == "F":
        return _dec(sign, 0, "F") if n > 0 else _dec(sign, 0, 0)
    if a._int == 0:
        if n > 0:
            return _dec(sign, 0, 0)
        return _dec(sign, 0, "F")
    r = _pow_bounds(a.copy_abs(), b, sign, ctx, conds)
    if r is not None:
        return r
    return _pow_int(sign, a.copy_abs(), n, ctx, conds)


def _pow_one(a, b, ctx, conds):
    """A base equal to 1 (1, 1.0, 1.000...): libmpdec answers without rounding to the
    context: 1 for negative integral exponents, 1 with -exp*n zeros (at most prec - 1)
    for positive ones, and 1 with prec - 1 zeros (inexact) for non-integral ones."""
    integral = b._int == 0 or b._exp >= 0 or b._int % 10 ** (-b._exp) == 0
    if integral:
        n = b._int * 10 ** b._exp if b._exp >= 0 else b._int // 10 ** (-b._exp)
        if b._sign:
            return _dec(0, 1, 0)
        shift = n * -a._exp
        if shift > ctx.prec - 1:
            shift = ctx.prec - 1
            conds.append(Rounded)
    else:
        shift = ctx.prec - 1
        conds.extend([Inexact, Rounded])
    return _dec(0, 10 ** shift, -shift)


def _pow_bounds(a, b, sign, ctx, conds):
    """libmpdec's early exit for powers that certainly overflow or underflow (from lower
    bounds of log10(|log10 |a||) and log10 |b|): the result is then 1E+inf or 1E(Etiny-1)
    rounded to the context. None when no bound applies."""
    def exp_digits(v):
        return _ndigits(abs(v))
    t = a.adjusted()
    if t > 0:
        lb_zeta = exp_digits(t) - 1
    elif t < -1:
        lb_zeta = exp_digits(t + 1) - 1
    else:
        if a._exp >= 0:
            d = a._int * 10 ** a._exp - 1
            du = _ndigits(abs(d)) - 1
        else:
            d = a._int - 10 ** (-a._exp)
            du = _ndigits(abs(d)) - 1 + a._exp
        lb_zeta = du - 2 if t == 0 else du - 1
    lb_theta = b.adjusted()
    if ((t < 0) ^ bool(b._sign)) == 0:
        if exp_digits(ctx.Emax) < lb_zeta + lb_theta:
            return _fix(_dec(sign, 1, 2 * ctx.Emax + 2 * ctx.prec + 10), ctx, conds)
    else:
        if exp_digits(ctx.Etiny()) < lb_zeta + lb_theta:
            return _fix(_dec(sign, 1, ctx.Etiny() - 1), ctx, conds)
    return None


def _pow_int(sign, base, n, ctx, conds):
    """base**n (base finite, nonzero, positive) the way libmpdec computes it, so results
    match CPython to the last digit: 1/base first for n < 0, then left-to-right binary
    powering, each step rounded half-even at prec + digits(n) + 2 (+1 for n < 0) within
    the same exponent limits, and a final rounding to the context."""
    wctx = Context(prec=ctx.prec + _ndigits(abs(n)) + 2, rounding=ROUND_HALF_EVEN,
                   Emin=ctx.Emin, Emax=ctx.Emax, capitals=ctx.capitals, clamp=0, traps=[])
    wconds = []
    huge = _dec(sign, 1, 2 * ctx.Emax + 2 * ctx.prec + 10)
    if n < 0:
        wctx.prec += 1
        base = _div(_dec(0, 1, 0), base, wctx, wconds)
        n = -n
        if base._exp == "F":
            conds.extend(wconds)
            return _fix(huge, ctx, conds)
    result = base
    for bit in bin(n)[3:]:
        result = _mul(result, result, wctx, wconds)
        if bit == "1":
            result = _mul(result, base, wctx, wconds)
        if result._exp == "F" or (result._int == 0 and Clamped in wconds):
            break
    conds.extend(wconds)
    if result._exp == "F":
        # Let the final rounding decide between Infinity and the largest finite number.
        return _fix(huge, ctx, conds)
    return _fix(_dec(sign, result._int, result._exp), ctx, conds)


# ---- exp, ln, log10 and non-integral powers ------------------------------------------------
# Correctly rounded (half-even, as the spec and libmpdec do) by Ziv's method: a fixed-point
# approximation with a proven error bound of a few units, recomputed with more digits
# until both ends of the error interval round to the same result.

_CONST = {}


def _atanh_inv(q, w):
    """atanh(1/q) * 10**w, truncated (error below a few units)."""
    term = 10 ** w // q
    q2 = q * q
    total = term
    i = 1
    while term:
        term //= q2
        i += 2
        total += term // i
    return total


def _ln2_ln10(w):
    """(ln 2, ln 10) * 10**w; ln 2 = 2 atanh(1/3), ln 10 = 3 ln 2 + 2 atanh(1/9)."""
    got = _CONST.get("w", 0)
    if got < w:
        g = w + 20
        l2 = 2 * _atanh_inv(3, g)
        l10 = 3 * l2 + 2 * _atanh_inv(9, g)
        _CONST["w"] = g
        _CONST["ln2"] = l2
        _CONST["ln10"] = l10
        got = g
    d = 10 ** (got - w)
    return _CONST["ln2"] // d, _CONST["ln10"] // d


def _tdiv(a, b):
    """a / b truncated toward zero (b > 0), so series terms reach 0 for negative a."""
    return a // b if a >= 0 else -((-a) // b)


def _exp_fixed(r, w):
    """exp(r / 10**w) * 10**w for |r| / 10**w below about 3."""
    j = 12
    g = w + 8
    s = 10 ** g
    x = _tdiv(r * 10 ** (g - w), 1 << j)
    total = s
    term = s
    i = 1
    while term:
        term = _tdiv(term * x, s * i)
        total += term
        i += 1
    for _ in range(j):
        total = total * total // s
    return total // 10 ** (g - w)


def _ln_fixed(c, e, w):
    """ln(c * 10**e) * 10**w for c > 0."""
    g = w + 10
    s = 10 ** g
    nd = _ndigits(c)
    adj = e + nd - 1
    m = c * s // 10 ** (nd - 1)          # the significand, in [1, 10)
    k = 0
    while m > 14 * s // 10:
        m //= 2
        k += 1
    z = (m - s) * s // (m + s)           # ln m = 2 atanh((m-1)/(m+1))
    z2 = z * z // s
    term = z
    total = z
    i = 1
    while term:
        term = _tdiv(term * z2, s)
        i += 2
        total += _tdiv(term, i)
    da = _ndigits(abs(adj)) + 2
    l2, l10 = _ln2_ln10(g + da)
    res = 2 * total + (k * l2 + adj * l10) // 10 ** da
    return res // 10 ** (g - w)


def _ziv(compute, w, ctx, conds):
    """Round compute(w) = (M, E), with |true - M*10**E| < 10 * 10**E, to ctx half-even."""
    saved = ctx._rounding
    ctx._rounding = ROUND_HALF_EVEN
    try:
        while True:
            m, e = compute(w)
            lo, hi = m - 10, m + 10
            if lo != 0 and hi != 0 and (lo > 0) == (hi > 0):
                c1 = []
                r1 = _fix(_dec(1 if lo < 0 else 0, abs(lo), e), ctx, c1)
                r2 = _fix(_dec(1 if hi < 0 else 0, abs(hi), e), ctx, [])
                if r1._sign == r2._sign and r1._int == r2._int and r1._exp == r2._exp:
                    for cnd in c1 + [Inexact, Rounded]:
                        if cnd not in conds:
                            conds.append(cnd)
                    return r1
            w += max(20, w // 2)
    finally:
        ctx._rounding = saved


def _exp(a, ctx, conds):
    if a._special():
        r = _check_nans(a, None, conds, ctx)
        if r is not None:
            return _fix_nan(r, ctx)
        return _dec(0, 0, 0) if a._sign else a
    if a._int == 0:
        return _dec(0, 1, 0)
    if a.adjusted() >= 19:
        # Far beyond any exponent limit: overflow to Infinity or underflow to zero.
        saved = ctx._rounding
        ctx._rounding = ROUND_HALF_EVEN
        try:
            if a._sign:
                return _fix(_dec(0, 1, ctx.Etiny() - 10), ctx, conds)
            return _fix(_dec(0, 1, 2 * ctx.Emax + 10), ctx, conds)
        finally:
            ctx._rounding = saved
    sign, c, e = a._sign, a._int, a._exp

    def compute(w):
        g = w + 5
        if e + g >= 0:
            x = c * 10 ** (e + g)
        elif a.adjusted() + g < -1:
            x = 0                               # below the working precision
        else:
            x = c // 10 ** (-e - g)
        if sign:
            x = -x
        dk = max(0, a.adjusted() + 1) + 3
        l10 = _ln2_ln10(g + dk)[1]
        k = (x * 10 ** dk) // l10              # floor(x / ln 10)
        r = x - (k * l10) // 10 ** dk           # x - k ln 10, about [0, ln 10)
        v = _exp_fixed(r, g)                    # exp(r) * 10**g, in about [1, 10)
        return v // 10 ** (g - w), k - w

    return _ziv(compute, ctx.prec + 10, ctx, conds)


def _ln_checks(a, conds, ctx):
    """Special cases shared by ln and log10: a result, or None to compute."""
    if a._special():
        r = _check_nans(a, None, conds, ctx)
        if r is not None:
            return _fix_nan(r, ctx)
        if a._sign:
            conds.append(InvalidOperation)
            return _NAN
        return a
    if a._int == 0:
        return _dec(1, 0, "F")
    if a._sign:
        conds.append(InvalidOperation)
        return _NAN
    return None


def _ln_guard(a):
    """Extra digits needed because ln(a) is tiny when a is close to 1."""
    c, e = a._int, a._exp
    if e >= 0 or a.adjusted() not in (0, -1):
        return 0
    d = abs(c - 10 ** (-e))
    if d == 0:
        return 0
    return max(0, -(_ndigits(d) - 1 + e))


def _ln(a, ctx, conds):
    r = _ln_checks(a, conds, ctx)
    if r is not None:
        return r
    if a._cmp(_dec(0, 1, 0)) == 0:
        return _dec(0, 0, 0)
    c, e = a._int, a._exp

    def compute(w):
        return _ln_fixed(c, e, w + 5) // 10 ** 5, -w

    return _ziv(compute, ctx.prec + 10 + _ln_guard(a), ctx, conds)


def _log10(a, ctx, conds):
    r = _ln_checks(a, conds, ctx)
    if r is not None:
        return r
    c, e = a._int, a._exp
    while c % 10 == 0:
        c //= 10
        e += 1
    if c == 1:
        # An exact power of ten: the integer exponent (rounded half-even if need be).
        saved = ctx._rounding
        ctx._rounding = ROUND_HALF_EVEN
        try:
            return _fix(_dec(1 if e < 0 else 0, abs(e), 0), ctx, conds)
        finally:
            ctx._rounding = saved

    def compute(w):
        g = w + 5
        v = _ln_fixed(c, e, g) * 10 ** g // _ln2_ln10(g)[1]
        return v // 10 ** 5, -w

    return _ziv(compute, ctx.prec + 10 + _ln_guard(a), ctx, conds)


def _pow_inf_exp(a, b, ctx, conds):
    """a ** (+-Infinity)."""
    if a._sign and not (a._exp != "F" and a._int == 0):
        conds.append(InvalidOperation)
        return _NAN
    if a._exp == "F":
        return _dec(0, 0, "F") if not b._sign else _dec(0, 0, 0)
    if a._int == 0:
        return _dec(0, 0, 0) if not b._sign else _dec(0, 0, "F")
    c = a._cmp(_dec(0, 1, 0))
    if c == 0:
        conds.extend([Inexact, Rounded])
        return _dec(0, 10 ** (ctx.prec - 1), 1 - ctx.prec)
    big = (c > 0) != bool(b._sign)
    return _dec(0, 0, "F") if big else _dec(0, 0, 0)


def _pow_real(a, b, ctx, conds):
    """a ** b for a finite non-integral b, following libmpdec: ln, multiply and exp at
    max(digits(a), prec) + 23 digits (each correctly rounded half-even, without exponent
    limits), then one rounding to the context."""
    if a._sign and not (a._exp != "F" and a._int == 0):
        conds.append(InvalidOperation)
        return _NAN
    if a._exp == "F":
        return _dec(0, 0, "F") if not b._sign else _dec(0, 0, 0)
    if a._int == 0:
        return _dec(0, 0, 0) if not b._sign else _dec(0, 0, "F")
    if a._cmp(_dec(0, 1, 0)) == 0:
        conds.extend([Inexact, Rounded])
        return _fix(_dec(0, 10 ** (ctx.prec - 1), 1 - ctx.prec), ctx, conds)
    r = _pow_bounds(a, b, 0, ctx, conds)
    if r is not None:
        return r
    wp = max(_ndigits(a._int), ctx.prec) + 4 + 19
    wctx = Context(prec=wp, rounding=ROUND_HALF_EVEN, Emin=MIN_EMIN, Emax=MAX_EMAX, traps=[])
    y = _ln(a, wctx, [])
    y = _mul(y, b, wctx, [])
    wconds = []
    r = _exp(y, wctx, wconds)
    conds.extend(wconds)
    if r._exp != "F" and r._cmp(_dec(0, 1, 0)) == 0:
        r = _dec(0, 10 ** (ctx.prec - 1), 1 - ctx.prec)
    if r._exp == "F":
        r = _dec(0, 1, 2 * ctx.Emax + 2 * ctx.prec + 10)
    return _fix(r, ctx, conds)


# ---- logb, scaleb, shift/rotate, logical operations, next_*, pow(a, b, m) --------------

def _logb(a, ctx, conds):
    if a._special():
        r = _check_nans(a, None, conds, ctx)
        if r is not None:
            return _fix_nan(r, ctx)
        return _dec(0, 0, "F")
    if a._int == 0:
        conds.append(DivisionByZero)
        return _dec(1, 0, "F")
    adj = a.adjusted()
    return _fix(_dec(1 if adj < 0 else 0, abs(adj), 0), ctx, conds)


def _int_operand(b):
    """The int value of b when it is finite with exponent 0, else None."""
    if b._special() or b._exp != 0:
        return None
    return -b._int if b._sign else b._int


def _scaleb(a, b, ctx, conds):
    r = _check_nans(a, b, conds, ctx)
    if r is not None:
        return _fix_nan(r, ctx)
    n = _int_operand(b)
    if n is None or abs(n) > 2 * (ctx.Emax + ctx.prec):
        conds.append(InvalidOperation)
        return _NAN
    if a._exp == "F":
        return a
    return _fix(_dec(a._sign, a._int, a._exp + n), ctx, conds)


def _shift_rotate(a, b, ctx, conds, rotate):
    r = _check_nans(a, b, conds, ctx)
    if r is not None:
        return _fix_nan(r, ctx)
    n = _int_operand(b)
    prec = ctx.prec
    if n is None or abs(n) > prec:
        conds.append(InvalidOperation)
        return _NAN
    if a._exp == "F":
        return a
    m = 10 ** prec
    c = a._int % m
    if rotate:
        n %= prec
        c = (c * 10 ** n) % m + c // 10 ** (prec - n)
    elif n >= 0:
        c = (c * 10 ** n) % m
    else:
        c //= 10 ** (-n)
    return _dec(a._sign, c, a._exp)


def _shift(a, b, ctx, conds):
    return _shift_rotate(a, b, ctx, conds, False)


def _rotate(a, b, ctx, conds):
    return _shift_rotate(a, b, ctx, conds, True)


def _logical_digits(d, prec):
    """The digit string of a logical operand (finite, positive, exponent 0, only 0/1),
    padded to prec digits, or None."""
    if d._special() or d._sign or d._exp != 0:
        return None
    t = str(d._int)
    if any(ch not in "01" for ch in t):
        return None
    t = t[-prec:]
    return "0" * (prec - len(t)) + t


def _logical(a, b, ctx, conds, fn):
    x = _logical_digits(a, ctx.prec)
    y = _logical_digits(b, ctx.prec) if b is not None else "0" * ctx.prec
    if x is None or y is None:
        conds.append(InvalidOperation)
        return _NAN
    out = "".join("1" if fn(p == "1", q == "1") else "0" for p, q in zip(x, y))
    return _dec(0, int(out), 0)


def _logical_and(a, b, ctx, conds):
    return _logical(a, b, ctx, conds, lambda p, q: p and q)


def _logical_or(a, b, ctx, conds):
    return _logical(a, b, ctx, conds, lambda p, q: p or q)


def _logical_xor(a, b, ctx, conds):
    return _logical(a, b, ctx, conds, lambda p, q: p != q)


def _logical_invert(a, ctx, conds):
    return _logical(a, None, ctx, conds, lambda p, q: not p)


def _largest(sign, ctx):
    return _dec(sign, 10 ** ctx.prec - 1, ctx.Emax - ctx.prec + 1)


def _next(a, ctx, conds, up):
    """The next representable number above (up) or below a, with no flags but sNaN's."""
    if a._special():
        r = _check_nans(a, None, conds, ctx)
        if r is not None:
            return _fix_nan(r, ctx)
        if a._sign == (0 if up else 1):
            return a
        return _largest(a._sign, ctx)
    work = ctx.copy()
    work._rounding = ROUND_CEILING if up else ROUND_FLOOR
    scratch = []
    d = _fix(a, work, scratch)
    if d._exp != "F" and d._cmp(a) != 0:
        return d
    tiny = _dec(0 if up else 1, 1, ctx.Etiny() - 1)
    return _add(a, tiny, work, scratch)


def _next_plus(a, ctx, conds):
    return _next(a, ctx, conds, True)


def _next_minus(a, ctx, conds):
    return _next(a, ctx, conds, False)


def _next_toward(a, b, ctx, conds):
    r = _check_nans(a, b, conds, ctx)
    if r is not None:
        return _fix_nan(r, ctx)
    c = a._cmp(b)
    if c == 0:
        return a.copy_sign(b)
    r = _next(a, ctx, conds, c < 0)
    if r._exp == "F":
        conds.extend([Overflow, Inexact, Rounded])
    elif r.adjusted() < ctx.Emin:
        conds.extend([Underflow, Subnormal, Inexact, Rounded])
        if r._int == 0:
            conds.append(Clamped)
    return r


def _pow_mod(a, b, m, context):
    """pow(a, b, m) for integral a, b >= 0 and m != 0, as the spec's power-modulo."""
    ctx = _ctx(context)
    b = _convert(b, True)
    m = _convert(m, True)
    conds = []
    r = None
    if a.is_nan() or b.is_nan() or m.is_nan():
        r = _check_nans(a, b, conds, ctx)
        if r is None:
            r = _check_nans(m, None, conds, ctx)
    if r is None:
        vals = []
        for d in (a, b, m):
            if d._special():
                vals = None
                break
            if d._exp >= 0:
                vals.append(d._int * 10 ** d._exp)
            elif d._int % 10 ** (-d._exp) == 0:
                vals.append(d._int // 10 ** (-d._exp))
            else:
                vals = None
                break
        if vals is None or b._sign or vals[2] == 0 or (vals[0] == 0 and vals[1] == 0) \
                or m.adjusted() >= ctx.prec:
            conds.append(InvalidOperation)
            r = _NAN
        else:
            sign = a._sign if vals[1] % 2 == 1 else 0
            r = _dec(sign, pow(vals[0], vals[1], vals[2]), 0)
    ctx._signal(conds)
    return r


def _sqrt(a, ctx, conds):
    if a._special():
        r = _check_nans(a, None, conds, ctx)
        if r is not None:
            return _fix_nan(r, ctx)
        if a._sign == 0:
            return a
        conds.append(InvalidOperation)
        return _NAN
    if a._int == 0:
        return _fix(_dec(a._sign, 0, a._exp // 2), ctx, conds)
    if a._sign:
        conds.append(InvalidOperation)
        return _NAN
    prec = ctx.prec + 1
    c = a._int
    e = a._exp >> 1
    nd = _ndigits(c)
    if a._exp & 1:
        c *= 10
        l = (nd >> 1) + 1
    else:
        l = (nd + 1) >> 1
    shift = prec - l
    if shift >= 0:
        c *= 100 ** shift
        exact = True
    else:
        c, rem = divmod(c, 100 ** (-shift))
        exact = not rem
    e -= shift
    root = _isqrt(c)
    exact = exact and root * root == c
    if exact:
        if shift >= 0:
            root //= 10 ** shift
        else:
            root *= 10 ** (-shift)
        e += shift
    elif root % 5 == 0:
        root += 1
    # The spec rounds square roots half-even whatever the context says.
    saved = ctx._rounding
    ctx._rounding = ROUND_HALF_EVEN
    try:
        return _fix(_dec(0, root, e), ctx, conds)
    finally:
        ctx._rounding = saved


def _quantize(a, q, rounding, ctx, conds):
    if a._special() or q._special():
        r = _check_nans(a, q, conds, ctx)
        if r is not None:
            return _fix_nan(r, ctx)
        if a._exp == "F" and q._exp == "F":
            return a
        conds.append(InvalidOperation)
        return _NAN
    e = q._exp
    if not (ctx.Emin - ctx.prec + 1 <= e <= ctx.Emax):
        conds.append(InvalidOperation)
        return _NAN
    if a._int == 0:
        return _fix(_dec(a._sign, 0, e), ctx, conds)
    adj = a.adjusted()
    if adj > ctx.Emax or adj - e + 1 > ctx.prec:
        conds.append(InvalidOperation)
        return _NAN
    r = _rescale(a, e, rounding)
    if r.adjusted() > ctx.Emax or _ndigits(r._int) > ctx.prec:
        conds.append(InvalidOperation)
        return _NAN
    if r._int and r.adjusted() < ctx.Emin:
        conds.append(Subnormal)
    if r._exp > a._exp:
        if r._cmp(a) != 0:
            conds.append(Inexact)
        conds.append(Rounded)
    return _fix(r, ctx, conds)


def _unop(a, context, kind):
    ctx = _ctx(context)
    conds = []
    if a._special():
        r = _check_nans(a, None, conds, ctx)
        if r is not None:
            r = _fix_nan(r, ctx)
        elif kind == "neg":
            r = a.copy_negate()
        elif kind == "abs":
            r = a.copy_abs()
        else:
            r = a
    else:
        if kind == "abs":
            d = a.copy_abs()
        elif a._int == 0 and ctx.rounding != ROUND_FLOOR:
            d = a.copy_abs()
        elif kind == "neg":
            d = a.copy_negate()
        else:
            d = a
        r = _fix(d, ctx, conds)
    ctx._signal(conds)
    return r


# ---- __format__ -------------------------------------------------------------------------------

def _parse_spec(spec):
    i = 0
    n = len(spec)
    fill, align = " ", None
    if n >= 2 and spec[1] in "<>=^":
        fill, align = spec[0], spec[1]
        i = 2
    elif n >= 1 and spec[0] in "<>=^":
        align = spec[0]
        i = 1
    sign = "-"
    if i < n and spec[i] in "+- ":
        sign = spec[i]
        i += 1
    no_neg_0 = False
    if i < n and spec[i] == "z":
        no_neg_0 = True
        i += 1
    if i < n and spec[i] == "#":
        raise ValueError("invalid format string")
    zeropad = False
    if i < n and spec[i] == "0":
        zeropad = True
        i += 1
        if i < n and spec[i] == "0":
            raise ValueError("invalid format string")   # no width with a leading zero
    j = i
    while i < n and spec[i] in "0123456789":
        i += 1
    width = int(spec[j:i]) if i > j else 0
    sep = ""
    if i < n and spec[i] == ",":
        sep = ","
        i += 1
    elif i < n and spec[i] == "_":
        raise ValueError("invalid format string")
    precision = None
    if i < n and spec[i] == ".":
        i += 1
        j = i
        while i < n and spec[i] in "0123456789":
            i += 1
        if i == j:
            raise ValueError("invalid format string")
        precision = int(spec[j:i])
    typ = None
    if i < n:
        typ = spec[i]
        i += 1
        if typ not in "eEfFgGn%" or (typ == "n" and sep):
            raise ValueError("invalid format string")
    if i != n:
        raise ValueError("invalid format string")
    # libmpdec refuses a '0' flag together with an explicit alignment; zero padding
    # applies to numbers only (infinities and NaNs pad with spaces).
    zfill = zeropad
    if zeropad:
        if align is not None:
            raise ValueError("invalid format string")
        fill, align = "0", "="
    if align is None:
        align = ">"
    return fill, align, zfill, sign, no_neg_0, zeropad, width, sep, precision, typ


def _group(digits, sep, min_width):
    if not sep:
        l = max(len(digits), min_width, 1)
        return "0" * (l - len(digits)) + digits
    groups = []
    while True:
        l = min(max(len(digits), min_width, 1), 3)
        groups.append("0" * (l - len(digits)) + digits[-l:] if digits else "0" * l)
        digits = digits[:-l] if len(digits) > l else ""
        min_width -= l
        if not digits and min_width <= 0:
            break
        min_width -= len(sep)
    return sep.join(reversed(groups))


def _align(sign, body, fill, align, width):
    padding = fill * max(0, width - len(sign) - len(body))
    if align == "<":
        return sign + body + padding
    if align == "=":
        return sign + padding + body
    if align == "^":
        half = len(padding) // 2
        return padding[:half] + sign + body + padding[half:]
    return padding + sign + body


def _format(d, spec):
    fill, align, zfill, signopt, no_neg_0, zeropad, width, sep, precision, typ = _parse_spec(spec)
    ctx = getcontext()
    if typ is None:
        typ = "G" if ctx.capitals else "g"
    if typ == "n":
        typ = "g"
    if typ in "gG" and precision == 0:
        precision = 1
    if typ == "%" and not d._special():
        d = _dec(d._sign, d._int, d._exp + 2)
    negative = d._sign == 1
    if d._special():
        if d._exp == "F":
            body = "Infinity"
        else:
            body = ("sNaN" if d._exp == "N" else "NaN") + (str(d._int) if d._int else "")
        if typ == "%":
            body += "%"
        sign = "-" if negative else (signopt if signopt in "+ " else "")
        if zfill:
            fill, align = " ", ">"
        return _align(sign, body, fill, align, width)
    rounding = ctx.rounding
    orig_zero = d._int == 0
    if precision is not None:
        if typ in "eE":
            d = _round_sig(d, precision + 1, rounding)
        elif typ in "fF%":
            d = _rescale(d, -precision, rounding)
        elif typ in "gG" and _ndigits(d._int) > precision:
            d = _round_sig(d, precision, rounding)
    if d._int == 0 and d._exp > 0 and typ in "fF%":
        d = _rescale(d, 0, rounding)
    # 'z' drops the sign of a zero result; CPython 3.11 checks the rounded value for 'f'
    # and '%' only, so with 'F' it applies to operands that were zero already.
    if d._int == 0 and no_neg_0 and (typ != "F" or orig_zero):
        negative = False
    digits = str(d._int)
    leftdigits = d._exp + len(digits)
    if typ in "eE":
        dotplace = 1 - precision if (d._int == 0 and precision is not None) else 1
    elif typ in "fF%":
        dotplace = leftdigits
    else:
        dotplace = leftdigits if (d._exp <= 0 and leftdigits > -6) else 1
    if dotplace < 0:
        intpart = "0"
        fracpart = "0" * (-dotplace) + digits
    elif dotplace > len(digits):
        intpart = digits + "0" * (dotplace - len(digits))
        fracpart = ""
    else:
        intpart = digits[:dotplace] or "0"
        fracpart = digits[dotplace:]
    exp = leftdigits - dotplace
    sign = "-" if negative else (signopt if signopt in "+ " else "")
    if fracpart:
        fracpart = "." + fracpart
    if exp != 0 or typ in "eE":
        echar = "E" if typ in "EG" else "e"
        fracpart += "%s%+d" % (echar, exp)
    if typ == "%":
        fracpart += "%"
    min_width = width - len(fracpart) - len(sign) if zeropad else 0
    intpart = _group(intpart, sep, min_width)
    return _align(sign, intpart + fracpart, fill, align, width)


# ---- Context ----------------------------------------------------------------------------------

_ROUNDING_ERR = ("valid values for rounding are:\n"
                 "  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n"
                 "   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n"
                 "   ROUND_05UP]")


class Context(object):
    """The arithmetic context: precision, rounding, exponent limits, flags and traps."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None,
                 clamp=None, flags=None, traps=None, _ignored_flags=None):
        dc = _default_template
        self.prec = prec if prec is not None else (dc.prec if dc else 28)
        self.rounding = rounding if rounding is not None else (dc.rounding if dc else ROUND_HALF_EVEN)
        self.Emin = Emin if Emin is not None else (dc.Emin if dc else -999999)
        self.Emax = Emax if Emax is not None else (dc.Emax if dc else 999999)
        self.capitals = capitals if capitals is not None else (dc.capitals if dc else 1)
        self.clamp = clamp if clamp is not None else (dc.clamp if dc else 0)
        if traps is None:
            self._traps = dc.traps.copy() if dc else _signal_dict([InvalidOperation, DivisionByZero, Overflow])
        else:
            self._traps = _signal_dict(traps)
        self._flags = _signal_dict(flags)

    def _int_attr(self, name, value, lo, hi, msg):
        if not isinstance(value, int):
            raise TypeError("an integer is required")
        if not (-9223372036854775808 <= value <= 9223372036854775807):
            raise OverflowError("Python int too large to convert to C ssize_t")
        if not (lo <= value <= hi):
            raise ValueError(msg)
        object.__setattr__(self, "_" + name, value)

    @property
    def prec(self):
        return self._prec

    @prec.setter
    def prec(self, v):
        self._int_attr("prec", v, 1, MAX_PREC, "valid range for prec is [1, MAX_PREC]")

    @property
    def Emin(self):
        return self._Emin

    @Emin.setter
    def Emin(self, v):
        self._int_attr("Emin", v, MIN_EMIN, 0, "valid range for Emin is [MIN_EMIN, 0]")

    @property
    def Emax(self):
        return self._Emax

    @Emax.setter
    def Emax(self, v):
        self._int_attr("Emax", v, 0, MAX_EMAX, "valid range for Emax is [0, MAX_EMAX]")

    @property
    def capitals(self):
        return self._capitals

    @capitals.setter
    def capitals(self, v):
        self._int_attr("capitals", v, 0, 1, "valid values for capitals are 0 or 1")

    @property
    def clamp(self):
        return self._clamp

    @clamp.setter
    def clamp(self, v):
        self._int_attr("clamp", v, 0, 1, "valid values for clamp are 0 or 1")

    @property
    def rounding(self):
        return self._rounding

    @rounding.setter
    def rounding(self, v):
        if not isinstance(v, str) or v not in _ROUNDINGS:
            raise TypeError(_ROUNDING_ERR)
        self._rounding = v

    @staticmethod
    def _assigned_signals(v):
        # Assignment wants a complete mapping of the nine signals (copied), as in C.
        if not isinstance(v, (dict, SignalDict)):
            raise TypeError("argument must be a signal dict")
        return _signal_dict(v)

    @property
    def flags(self):
        return self._flags

    @flags.setter
    def flags(self, v):
        self._flags = self._assigned_signals(v)

    @property
    def traps(self):
        return self._traps

    @traps.setter
    def traps(self, v):
        self._traps = self._assigned_signals(v)

    _PUBLIC = ("prec", "rounding", "Emin", "Emax", "capitals", "clamp", "flags", "traps")

    def __setattr__(self, name, value):
        # Like the C type: no attributes beyond the context's own.
        if name[:1] != "_" and name not in Context._PUBLIC:
            raise AttributeError("'decimal.Context' object has no attribute '%s'" % name)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        raise AttributeError("context attributes cannot be deleted")

    def Etiny(self):
        return self.Emin - self.prec + 1

    def Etop(self):
        return self.Emax - self.prec + 1

    def _signal(self, conds):
        if not conds:
            return
        for c in conds:
            self.flags._d[_flag_of(c)] = True
        trapped = [c for c in _COND_ORDER if c in conds and self.traps[_flag_of(c)]]
        if trapped:
            for s in _SIGNALS:
                if self.traps[s] and any(_flag_of(c) is s for c in conds):
                    raise s(trapped)

    def clear_flags(self):
        for k in _SIGNALS:
            self.flags._d[k] = False

    def clear_traps(self):
        for k in _SIGNALS:
            self.traps._d[k] = False

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals,
                       self.clamp, self.flags.copy(), self.traps.copy())

    __copy__ = copy

    def _shallow_copy(self):
        return self.copy()

    def __repr__(self):
        fl = [k.__name__ for k in _REPR_ORDER if self.flags[k]]
        tr = [k.__name__ for k in _REPR_ORDER if self.traps[k]]
        return ("Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, "
                "flags=[%s], traps=[%s])" % (self.prec, self.rounding, self.Emin, self.Emax,
                                              self.capitals, self.clamp, ", ".join(fl),
                                              ", ".join(tr)))

    def __reduce__(self):
        return (self.__class__, (self.prec, self.rounding, self.Emin, self.Emax,
                                 self.capitals, self.clamp,
                                 [k for k in _SIGNALS if self.flags[k]],
                                 [k for k in _SIGNALS if self.traps[k]]))

    # -- conversions
    def create_decimal(self, num="0"):
        if isinstance(num, str) and (num != num.strip() or "_" in num):
            # Context.create_decimal accepts neither surrounding space nor underscores.
            self._signal([ConversionSyntax])
            return _dec(0, 0, "n")
        d = Decimal(num, context=self)
        conds = []
        if d.is_nan() and d._int and _ndigits(d._int) > self.prec - self.clamp:
            self._signal([ConversionSyntax])
            return _dec(0, 0, "n")
        r = _fix(d, self, conds)
        self._signal(conds)
        return r

    def create_decimal_from_float(self, f):
        d = Decimal.from_float(f)
        conds = []
        r = _fix(d, self, conds)
        self._signal(conds)
        return r

    # -- operations (operands may be ints)
    def _op(self, fn, a, b):
        a = _convert(a, True)
        b = _convert(b, True)
        conds = []
        r = fn(a, b, self, conds)
        self._signal(conds)
        return r

    def add(self, a, b):
        return self._op(_add, a, b)

    def subtract(self, a, b):
        return self._op(_sub, a, b)

    def multiply(self, a, b):
        return self._op(_mul, a, b)

    def divide(self, a, b):
        return self._op(_div, a, b)

    def divide_int(self, a, b):
        return self._op(_divint, a, b)

    def remainder(self, a, b):
        return self._op(_rem, a, b)

    def remainder_near(self, a, b):
        return self._op(_rem_near, a, b)

    def divmod(self, a, b):
        return self._op(_divmod, a, b)

    def power(self, a, b, modulo=None):
        if modulo is not None:
            return _pow_mod(_convert(a, True), _convert(b, True), modulo, self)
        return self._op(_pow, a, b)

    def abs(self, a):
        return _convert(a, True).__abs__(context=self)

    def minus(self, a):
        return _convert(a, True).__neg__(context=self)

    def plus(self, a):
        return _convert(a, True).__pos__(context=self)

    def sqrt(self, a):
        return _convert(a, True).sqrt(self)

    def fma(self, a, b, c):
        return _convert(a, True).fma(b, c, self)

    def quantize(self, a, b):
        return _convert(a, True).quantize(b, context=self)

    def compare(self, a, b):
        return _convert(a, True).compare(b, self)

    def compare_signal(self, a, b):
        return _convert(a, True).compare_signal(b, self)

    def compare_total(self, a, b):
        return _convert(a, True).compare_total(b)

    def compare_total_mag(self, a, b):
        return _convert(a, True).compare_total_mag(b)

    def max(self, a, b):
        return _convert(a, True).max(b, self)

    def min(self, a, b):
        return _convert(a, True).min(b, self)

    def max_mag(self, a, b):
        return _convert(a, True).max_mag(b, self)

    def min_mag(self, a, b):
        return _convert(a, True).min_mag(b, self)

    def normalize(self, a):
        return _convert(a, True).normalize(self)

    reduce = normalize

    def to_integral_value(self, a):
        return _convert(a, True).to_integral_value(context=self)

    to_integral = to_integral_value

    def to_integral_exact(self, a):
        return _convert(a, True).to_integral_exact(context=self)

    def to_sci_string(self, a):
        return _convert(a, True).__str__(context=self)

    def to_eng_string(self, a):
        return _convert(a, True).to_eng_string(context=self)

    def copy_abs(self, a):
        return _convert(a, True).copy_abs()

    def copy_negate(self, a):
        return _convert(a, True).copy_negate()

    def copy_sign(self, a, b):
        return _convert(a, True).copy_sign(b)

    def copy_decimal(self, a):
        return Decimal(_convert(a, True))

    def same_quantum(self, a, b):
        return _convert(a, True).same_quantum(b)

    def is_nan(self, a):
        return _convert(a, True).is_nan()

    def is_qnan(self, a):
        return _convert(a, True).is_qnan()

    def is_snan(self, a):
        return _convert(a, True).is_snan()

    def is_infinite(self, a):
        return _convert(a, True).is_infinite()

    def is_finite(self, a):
        return _convert(a, True).is_finite()

    def is_zero(self, a):
        return _convert(a, True).is_zero()

    def is_signed(self, a):
        return _convert(a, True).is_signed()

    def is_normal(self, a):
        return _convert(a, True).is_normal(self)

    def is_subnormal(self, a):
        return _convert(a, True).is_subnormal(self)

    def is_canonical(self, a):
        return True

    def canonical(self, a):
        return _convert(a, True)

    def radix(self):
        return Decimal(10)

    def exp(self, a):
        return _convert(a, True).exp(self)

    def ln(self, a):
        return _convert(a, True).ln(self)

    def log10(self, a):
        return _convert(a, True).log10(self)

    def logb(self, a):
        return _convert(a, True).logb(self)

    def scaleb(self, a, b):
        return self._op(_scaleb, a, b)

    def shift(self, a, b):
        return self._op(_shift, a, b)

    def rotate(self, a, b):
        return self._op(_rotate, a, b)

    def logical_and(self, a, b):
        return self._op(_logical_and, a, b)

    def logical_or(self, a, b):
        return self._op(_logical_or, a, b)

    def logical_xor(self, a, b):
        return self._op(_logical_xor, a, b)

    def logical_invert(self, a):
        return _convert(a, True).logical_invert(self)

    def next_plus(self, a):
        return _convert(a, True).next_plus(self)

    def next_minus(self, a):
        return _convert(a, True).next_minus(self)

    def next_toward(self, a, b):
        return self._op(_next_toward, a, b)

    def number_class(self, a):
        return _convert(a, True).number_class(self)


_default_template = None
DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999,
                         capitals=1, clamp=0, traps=[DivisionByZero, Overflow, InvalidOperation])
_default_template = DefaultContext
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP,
                       traps=[DivisionByZero, Overflow, InvalidOperation, Clamped, Underflow])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[])


def getcontext():
    try:
        return _current.get()
    except LookupError:
        ctx = Context()
        _current.set(ctx)
        return ctx


def setcontext(context):
    if not isinstance(context, Context):
        raise TypeError("argument must be a context")
    if context is DefaultContext or context is BasicContext or context is ExtendedContext:
        context = context.copy()
        context.clear_flags()
    _current.set(context)


class _ContextManager(object):
    def __init__(self, new_context):
        self.new_context = new_context

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, t, v, tb):
        setcontext(self.saved_context)


def localcontext(ctx=None, **kwargs):
    if ctx is None:
        ctx = getcontext()
    if not isinstance(ctx, Context):
        raise TypeError("optional argument must be a context")
    ctx = ctx.copy()
    for key, value in kwargs.items():
        if key not in ("prec", "rounding", "Emin", "Emax", "capitals", "clamp", "flags", "traps"):
            raise TypeError("'%s' is an invalid keyword argument for this function" % key)
        if key in ("flags", "traps"):
            value = _signal_dict(value)
        setattr(ctx, key, value)
    return _ContextManager(ctx)
