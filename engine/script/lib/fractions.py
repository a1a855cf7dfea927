# fractions for aio-py: the Fraction rational number type (CPython 3.11 behaviour).
# Covers: construction from int, Fraction, float (exact), str ("3/4", " -1.5e3 ", "1_000"),
# or a numerator/denominator pair; normalisation; arithmetic with int/float/Fraction
# (a float operand gives a float), //, %, divmod, **, comparisons (exact against ints and
# floats), hashing equal to equal ints/floats, str/repr, limit_denominator,
# as_integer_ratio, from_float, rounding (__round__ half-even, floor/ceil/trunc/int),
# float(), copy/pickle support.
# Fraction(Decimal) and from_decimal convert exactly (decimal.Decimal.as_integer_ratio).
# Leaves out: complex operands, the numbers ABCs (no numbers
# module here, so Fraction is not registered as numbers.Rational), __format__ (3.12+).
import math
import sys

__all__ = ["Fraction"]

def _is_decimal(x):
    dec = sys.modules.get("decimal")
    return dec is not None and isinstance(x, dec.Decimal)


_PyHASH_MODULUS = 2305843009213693951      # 2**61 - 1, as in sys.hash_info.modulus
_PyHASH_INF = 314159


def _mulmod(a, b):
    """a * b mod 2**61-1 for 0 <= a, b < 2**61, without products past 63 bits."""
    m = _PyHASH_MODULUS
    a1, a0 = a >> 31, a & 0x7FFFFFFF
    b1, b0 = b >> 31, b & 0x7FFFFFFF
    # a*b = a1*b1*2**62 + (a1*b0 + a0*b1)*2**31 + a0*b0, and 2**61 == 1 (mod m).
    high = (2 * a1 * b1) % m
    mid = a1 * b0 + a0 * b1
    mid = ((mid >> 30) + ((mid & 0x3FFFFFFF) << 31)) % m
    low = (a0 * b0) % m
    return (high + mid + low) % m


def _inverse_mod(d):
    """Inverse of d modulo 2**61-1, or None when d is a multiple of it."""
    m = _PyHASH_MODULUS
    d %= m
    if d == 0:
        return None
    r0, r1 = m, d
    s0, s1 = 0, 1
    while r1:
        q = r0 // r1
        r0, r1 = r1, r0 - q * r1
        s0, s1 = s1, s0 - q * s1
    return s0 % m


def _is_rational(x):
    return isinstance(x, (int, Fraction))


def _parse_digits(s, i, allow_empty):
    """Digits with single underscores between them from s[i:]; -> (text, end) or None."""
    n = len(s)
    j = i
    out = []
    while j < n and s[j].isdecimal():
        out.append(s[j])
        j += 1
        if j + 1 < n and s[j] == "_" and s[j + 1].isdecimal():
            j += 1
    if j == i and not allow_empty:
        return None
    return "".join(out), j


def _parse_fraction(text):
    """-> (numerator, denominator) for CPython's Fraction string syntax, or None."""
    s = text.strip()
    n = len(s)
    i = 0
    neg = False
    if i < n and s[i] in "+-":
        neg = s[i] == "-"
        i += 1
    # A digit, or a point followed by a digit, must come next.
    if not (i < n and (s[i].isdecimal() or (s[i] == "." and i + 1 < n and s[i + 1].isdecimal()))):
        return None
    num, i = _parse_digits(s, i, True)
    if i < n and s[i] == "/":
        r = _parse_digits(s, i + 1, False)
        if r is None or r[1] != n:
            return None
        numerator = int(num)
        denominator = int(r[0])
        if denominator == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % numerator)
        return (-numerator if neg else numerator), denominator
    numerator = int(num) if num else 0
    denominator = 1
    if i < n and s[i] == ".":
        r = _parse_digits(s, i + 1, True)
        dec, i = r
        if dec:
            scale = 10 ** len(dec)
            numerator = numerator * scale + int(dec)
            denominator *= scale
    if i < n and s[i] in "eE":
        j = i + 1
        eneg = False
        if j < n and s[j] in "+-":
            eneg = s[j] == "-"
            j += 1
        r = _parse_digits(s, j, False)
        if r is None:
            return None
        exp, i = int(r[0]), r[1]
        if eneg:
            denominator *= 10 ** exp
        else:
            numerator *= 10 ** exp
    if i != n:
        return None
    return (-numerator if neg else numerator), denominator


class Fraction:
    """A rational number numerator/denominator, kept in lowest terms."""

    __slots__ = ("_numerator", "_denominator")

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = object.__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if isinstance(numerator, int):
                self._numerator = int(numerator)
                self._denominator = 1
                return self
            if isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return self
            if isinstance(numerator, float):
                numerator, denominator = numerator.as_integer_ratio()
                self._numerator = numerator
                self._denominator = denominator
                return self
            if type(numerator).__name__ == "Decimal" or _is_decimal(numerator):
                # Exact, and NaN/Infinity raise ValueError/OverflowError as in CPython.
                numerator, denominator = numerator.as_integer_ratio()
                self._numerator = numerator
                self._denominator = denominator
                return self
            if isinstance(numerator, str):
                parsed = _parse_fraction(numerator)
                if parsed is None:
                    raise ValueError("Invalid literal for Fraction: %r" % numerator)
                numerator, denominator = parsed
            else:
                raise TypeError("argument should be a string or a Rational instance")
        elif type(numerator) is int and type(denominator) is int:
            pass
        elif _is_rational(numerator) and _is_rational(denominator):
            n1, d1 = _ratio(numerator)
            n2, d2 = _ratio(denominator)
            numerator, denominator = n1 * d2, d1 * n2
        else:
            raise TypeError("both arguments should be Rational instances")
        if denominator == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % numerator)
        if _normalize:
            g = math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)"
                            % (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        if isinstance(dec, int):
            return cls(int(dec))
        if _is_decimal(dec):
            return cls(*dec.as_integer_ratio())
        raise TypeError("%s.from_decimal() only takes Decimals, not %r (%s)"
                        % (cls.__name__, dec, type(dec).__name__))

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction to self with denominator at most max_denominator."""
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        # Walk the continued fraction convergents p1/q1 until the next one is too big.
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        # Pick the closer of the last convergent and the best semiconvergent; a tie goes
        # to the convergent p1/q1.
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction(p1, q1, _normalize=False)
        return Fraction(p0 + k * p1, q0 + k * q1, _normalize=False)

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        return "%s(%s, %s)" % (type(self).__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return "%s/%s" % (self._numerator, self._denominator)

    # Arithmetic: int and Fraction operands stay exact, a float operand gives a float.

    def _add(a, b):
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        g = math.gcd(da, db)
        if g == 1:
            return Fraction(na * db + da * nb, da * db, _normalize=False)
        s = da // g
        t = na * (db // g) + nb * s
        g2 = math.gcd(t, g)
        if g2 == 1:
            return Fraction(t, s * db, _normalize=False)
        return Fraction(t // g2, s * (db // g2), _normalize=False)

    def _sub(a, b):
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        g = math.gcd(da, db)
        if g == 1:
            return Fraction(na * db - da * nb, da * db, _normalize=False)
        s = da // g
        t = na * (db // g) - nb * s
        g2 = math.gcd(t, g)
        if g2 == 1:
            return Fraction(t, s * db, _normalize=False)
        return Fraction(t // g2, s * (db // g2), _normalize=False)

    def _mul(a, b):
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        g1 = math.gcd(na, db)
        if g1 > 1:
            na //= g1
            db //= g1
        g2 = math.gcd(nb, da)
        if g2 > 1:
            nb //= g2
            da //= g2
        return Fraction(na * nb, db * da, _normalize=False)

    def _div(a, b):
        # Like _mul with b inverted; the zero check in __new__ reports the reduced
        # numerator, as CPython does.
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        g1 = math.gcd(na, nb)
        if g1 > 1:
            na //= g1
            nb //= g1
        g2 = math.gcd(db, da)
        if g2 > 1:
            da //= g2
            db //= g2
        n, d = na * db, nb * da
        if d < 0:
            n, d = -n, -d
        return Fraction(n, d, _normalize=False)

    def _floordiv(a, b):
        return (a._numerator * b._denominator) // (a._denominator * b._numerator)

    def _divmod(a, b):
        da, db = a._denominator, b._denominator
        div, n_mod = divmod(a._numerator * db, da * b._numerator)
        return div, Fraction(n_mod, da * db)

    def _mod(a, b):
        da, db = a._denominator, b._denominator
        return Fraction((a._numerator * db) % (b._numerator * da), da * db)

    def __add__(a, b):
        return _forward(a, b, Fraction._add, _float_add)

    def __radd__(b, a):
        return _reverse(b, a, Fraction._add, _float_add)

    def __sub__(a, b):
        return _forward(a, b, Fraction._sub, _float_sub)

    def __rsub__(b, a):
        return _reverse(b, a, Fraction._sub, _float_sub)

    def __mul__(a, b):
        return _forward(a, b, Fraction._mul, _float_mul)

    def __rmul__(b, a):
        return _reverse(b, a, Fraction._mul, _float_mul)

    def __truediv__(a, b):
        return _forward(a, b, Fraction._div, _float_div)

    def __rtruediv__(b, a):
        return _reverse(b, a, Fraction._div, _float_div)

    def __floordiv__(a, b):
        return _forward(a, b, Fraction._floordiv, _float_floordiv)

    def __rfloordiv__(b, a):
        return _reverse(b, a, Fraction._floordiv, _float_floordiv)

    def __divmod__(a, b):
        return _forward(a, b, Fraction._divmod, divmod)

    def __rdivmod__(b, a):
        return _reverse(b, a, Fraction._divmod, divmod)

    def __mod__(a, b):
        return _forward(a, b, Fraction._mod, _float_mod)

    def __rmod__(b, a):
        return _reverse(b, a, Fraction._mod, _float_mod)

    def __pow__(a, b):
        if _is_rational(b):
            nb, db = _ratio(b)
            if db == 1:
                power = nb
                if power >= 0:
                    return Fraction(a._numerator ** power, a._denominator ** power,
                                    _normalize=False)
                if a._numerator >= 0:
                    return Fraction(a._denominator ** -power, a._numerator ** -power,
                                    _normalize=False)
                return Fraction((-a._denominator) ** -power, (-a._numerator) ** -power,
                                _normalize=False)
            # A fractional power is irrational in general: computed in floats.
            return float(a) ** float(b)
        if isinstance(b, float):
            return float(a) ** b
        return NotImplemented

    def __rpow__(b, a):
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if _is_rational(a):
            return Fraction(a) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        return Fraction(a._numerator, a._denominator, _normalize=False)

    def __neg__(a):
        return Fraction(-a._numerator, a._denominator, _normalize=False)

    def __abs__(a):
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)

    def __int__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __trunc__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            # Exactly half way: round to even.
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __float__(a):
        return a._numerator / a._denominator

    def __hash__(self):
        # Same value as hash() of an equal int or float: n * inverse(d) mod 2**61-1.
        dinv = _inverse_mod(self._denominator)
        if dinv is None:
            h = _PyHASH_INF
        else:
            h = _mulmod(abs(self._numerator) % _PyHASH_MODULUS, dinv)
        result = h if self._numerator >= 0 else -h
        return -2 if result == -1 else result

    def __eq__(a, b):
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if _is_rational(b):
            nb, db = _ratio(b)
            return a._numerator == nb and a._denominator == db
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 == b
            return a == Fraction.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        if _is_rational(other):
            no, do = _ratio(other)
            return op(self._numerator * do, self._denominator * no)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return op(self, Fraction.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        return a._richcmp(b, _lt)

    def __gt__(a, b):
        return a._richcmp(b, _gt)

    def __le__(a, b):
        return a._richcmp(b, _le)

    def __ge__(a, b):
        return a._richcmp(b, _ge)

    def __bool__(a):
        return a._numerator != 0

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)


def _ratio(x):
    if isinstance(x, Fraction):
        return x._numerator, x._denominator
    return int(x), 1


def _forward(a, b, exact, fallback):
    if isinstance(b, Fraction):
        return exact(a, b)
    if isinstance(b, int):
        return exact(a, Fraction(int(b)))
    if isinstance(b, float):
        return fallback(float(a), b)
    return NotImplemented


def _reverse(b, a, exact, fallback):
    if isinstance(a, int):
        return exact(Fraction(int(a)), b)
    if isinstance(a, Fraction):
        return exact(a, b)
    if isinstance(a, float):
        return fallback(a, float(b))
    return NotImplemented


def _float_add(x, y):
    return x + y


def _float_sub(x, y):
    return x - y


def _float_mul(x, y):
    return x * y


def _float_div(x, y):
    return x / y


def _float_floordiv(x, y):
    return x // y


def _float_mod(x, y):
    return x % y


def _lt(x, y):
    return x < y


def _gt(x, y):
    return x > y


def _le(x, y):
    return x <= y


def _ge(x, y):
    return x >= y
