"""datetime for aio-py: dates, times, deltas and fixed-offset time zones.

Covers what programs use from CPython 3.11's datetime: MINYEAR/MAXYEAR,
timedelta, date, time, datetime, tzinfo, timezone (and UTC), ISO 8601
formatting/parsing (3.11 formats), strftime (directives implemented here,
in the C/POSIX locale, glibc style: %Y is not zero padded below year 1000,
unknown directives are copied through) and strptime (a small backtracking
matcher mirroring CPython's regular expressions, since `re` is unavailable).

All arithmetic is kept in ints (proleptic Gregorian ordinals, seconds,
microseconds); floats are only rounded (half-even) where CPython rounds.

Differences forced by aio-py: tuple cannot be subclassed, so
isocalendar() returns an IsoCalendarDate that behaves like a tuple (index,
unpack, compare, hash) without being one; when the time module has no
struct_time, timetuple() returns a look-alike with the same repr and tm_*
attributes.

Left out: pickling (__reduce__), the C API capsule, locale-dependent names,
fold-aware local time (naive <-> timestamp goes through time.mktime /
time.localtime, so the second of a repeated wall-clock hour is not picked by
fold=1), flagged %z/%Z in strftime (e.g. %-z) for values whose DST flag is
known (NotImplementedError).
"""

import time as _time
import math as _math

MINYEAR = 1
MAXYEAR = 9999
_MAXORDINAL = 3652059

# ---------------------------------------------------------------- calendar

_DAYS_IN_MONTH = [-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [-1]
_dbm = 0
for _dim in _DAYS_IN_MONTH[1:]:
    _DAYS_BEFORE_MONTH.append(_dbm)
    _dbm += _dim
del _dbm, _dim

_DAYNAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
             "Saturday", "Sunday"]
_MONTHNAMES = [None, "January", "February", "March", "April", "May", "June",
               "July", "August", "September", "October", "November",
               "December"]
_DAYABBR = [n[:3] for n in _DAYNAMES]
_MONTHABBR = [None] + [n[:3] for n in _MONTHNAMES[1:]]


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_month(year, month):
    return _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))


def _ymd2ord(year, month, day):
    return _days_before_year(year) + _days_before_month(year, month) + day


_DI400Y = _days_before_year(401)
_DI100Y = _days_before_year(101)
_DI4Y = _days_before_year(5)


def _ord2ymd(n):
    # Peel off 400-, 100-, 4- and 1-year cycles from the 0-based day number.
    n -= 1
    n400, n = divmod(n, _DI400Y)
    year = n400 * 400 + 1
    n100, n = divmod(n, _DI100Y)
    n4, n = divmod(n, _DI4Y)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leap = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    preceding = _DAYS_BEFORE_MONTH[month] + (month > 2 and leap)
    if preceding > n:
        month -= 1
        preceding -= _DAYS_IN_MONTH[month] + (month == 2 and leap)
    n -= preceding
    return year, month, n + 1


def _iso_week1_monday(year):
    first = _ymd2ord(year, 1, 1)
    first_wd = (first + 6) % 7
    monday = first - first_wd
    if first_wd > 3:
        monday += 7
    return monday


# ---------------------------------------------------------------- helpers

def _index(value):
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float) or not hasattr(type(value), "__index__"):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % _type_name(value))
    return type(value).__index__(value)


def _check_date_fields(year, month, day):
    year = _index(year)
    month = _index(month)
    day = _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("year %d is out of range" % year)
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError("day is out of range for month")
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour = _index(hour)
    minute = _index(minute)
    second = _index(second)
    microsecond = _index(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError("hour must be in 0..23")
    if not 0 <= minute <= 59:
        raise ValueError("minute must be in 0..59")
    if not 0 <= second <= 59:
        raise ValueError("second must be in 0..59")
    if not 0 <= microsecond <= 999999:
        raise ValueError("microsecond must be in 0..999999")
    if fold not in (0, 1):
        raise ValueError("fold must be either 0 or 1")
    return hour, minute, second, microsecond, fold


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo "
                        "subclass, not type '%s'" % _argtype(tz))


def _argtype(value):
    # argument-check messages name None as "None", other values by type
    return "None" if value is None else _type_name(value)


def _missing(name, pos):
    raise TypeError("function missing required argument '%s' (pos %d)"
                    % (name, pos))


def _check_offset(name, offset):
    # What utcoffset()/dst() may return: None or a timedelta under 24h.
    if offset is None:
        return None
    if not isinstance(offset, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'"
                        % (name, _argtype(offset)))
    if not -timedelta(1) < offset < timedelta(1):
        raise ValueError("offset must be a timedelta strictly between "
                         "-timedelta(hours=24) and timedelta(hours=24).")
    return offset


def _cround(x):
    # C's round(): halves away from zero.
    if x >= 0:
        return _math.floor(x + 0.5)
    return -_math.floor(-x + 0.5)


def _divide_and_round(a, b):
    # a / b rounded half to even, exactly in ints.
    q, r = divmod(a, b)
    r2 = r * 2
    greater = r2 > b if b > 0 else r2 < b
    if greater or (r2 == b and q % 2 == 1):
        q += 1
    return q


def _mul_ratio(us, num, den):
    # round_half_even(us * num / den); with 64-bit ints the exact product can
    # overflow, then fall back to one float multiplication (may differ from
    # CPython only on exact-half ties of very large products).
    try:
        return _divide_and_round(us * num, den)
    except OverflowError:
        return int(round(us * (num / den)))


def _type_name(obj):
    # What CPython's C code prints as tp_name: "datetime.X" for this
    # module's classes, the bare name for builtins and user classes.
    t = type(obj)
    if getattr(t, "__module__", None) == __name__:
        return "datetime." + t.__name__
    return t.__name__


def _cls_repr_name(self, base):
    # CPython prints "datetime.date(...)" for its own classes and the bare
    # class name for subclasses.
    if type(self) is base:
        return "datetime." + base.__name__
    return type(self).__name__


def _format_offset(off, sep=":"):
    # "+HH:MM[:SS[.ffffff]]" as isoformat and %z use.
    if off is None:
        return ""
    if off.days < 0:
        sign = "-"
        off = -off
    else:
        sign = "+"
    hh, rest = divmod(off.days * 86400 + off.seconds, 3600)
    mm, ss = divmod(rest, 60)
    s = "%s%02d%s%02d" % (sign, hh, sep, mm)
    if ss or off.microseconds:
        s += "%s%02d" % (sep, ss)
        if off.microseconds:
            s += ".%06d" % off.microseconds
    return s


def _format_time(hh, mm, ss, us, timespec="auto"):
    if timespec == "auto":
        timespec = "microseconds" if us else "seconds"
    elif timespec == "milliseconds":
        return "%02d:%02d:%02d.%03d" % (hh, mm, ss, us // 1000)
    if timespec == "hours":
        return "%02d" % hh
    if timespec == "minutes":
        return "%02d:%02d" % (hh, mm)
    if timespec == "seconds":
        return "%02d:%02d:%02d" % (hh, mm, ss)
    if timespec == "microseconds":
        return "%02d:%02d:%02d.%06d" % (hh, mm, ss, us)
    raise ValueError("Unknown timespec value")


class _StructTime:
    """Stand-in for time.struct_time when the time module lacks it."""

    _fields = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min",
               "tm_sec", "tm_wday", "tm_yday", "tm_isdst")

    def __init__(self, values):
        self._values = tuple(values)

    def __getattr__(self, name):
        if name in _StructTime._fields:
            return self._values[_StructTime._fields.index(name)]
        raise AttributeError("'time.struct_time' object has no attribute '%s'"
                             % name)

    def __getitem__(self, i):
        return self._values[i]

    def __len__(self):
        return 9

    def __iter__(self):
        return iter(self._values)

    def __eq__(self, other):
        if isinstance(other, _StructTime):
            other = other._values
        return self._values == other

    def __hash__(self):
        return hash(self._values)

    def __repr__(self):
        return "time.struct_time(%s)" % ", ".join(
            "%s=%d" % (n, v) for n, v in zip(_StructTime._fields,
                                             self._values))


def _struct_time(values):
    st = getattr(_time, "struct_time", None)
    if st is not None:
        return st(values)
    return _StructTime(values)


def _build_struct_time(y, m, d, hh, mm, ss, dstflag):
    wday = (_ymd2ord(y, m, d) + 6) % 7
    yday = _days_before_month(y, m) + d
    return _struct_time((y, m, d, hh, mm, ss, wday, yday, dstflag))


# ---------------------------------------------------------------- strftime

_NUM_DEFAULTS = {
    # conversion: (default width, default pad)
    "d": (2, "0"), "e": (2, " "), "m": (2, "0"), "y": (2, "0"),
    "Y": (1, "0"), "C": (1, "0"), "H": (2, "0"), "k": (2, " "),
    "I": (2, "0"), "l": (2, " "), "M": (2, "0"), "S": (2, "0"),
    "j": (3, "0"), "U": (2, "0"), "W": (2, "0"), "V": (2, "0"),
    "G": (1, "0"), "g": (2, "0"), "u": (1, "0"), "w": (1, "0"),
    "s": (1, "0"),
}
_E_OK = set("cCxXyY")
_O_OK = set("deHImMSuUVwWy")


def _pad_to(s, width, pad):
    if width is not None and len(s) < width:
        return pad * (width - len(s)) + s
    return s


def _strftime(fmt, tt, us, utcoffset, tzname_fn, isdst=-1):
    # tt: (year, month, day, hour, minute, second, wday, yday).  Plain
    # %f %z %Z are CPython's own; everything else follows glibc, including
    # its flags (- _ 0 ^ #), field widths and the E/O modifiers.
    year, month, day, hh, mm, ss, wday, yday = tt
    iso = []

    def number(c):
        if c == "d" or c == "e":
            return day
        if c == "m":
            return month
        if c == "y":
            return year % 100
        if c == "Y":
            return year
        if c == "C":
            return year // 100
        if c == "H" or c == "k":
            return hh
        if c == "I" or c == "l":
            return (hh + 11) % 12 + 1
        if c == "M":
            return mm
        if c == "S":
            return ss
        if c == "j":
            return yday
        if c == "U":
            return (yday + 6 - (wday + 1) % 7) // 7
        if c == "W":
            return (yday + 6 - wday) // 7
        if c == "u":
            return wday + 1
        if c == "w":
            return (wday + 1) % 7
        if c == "s":
            return int(_time.mktime((year, month, day, hh, mm, ss, wday,
                                     yday, -1)))
        if not iso:
            iso.extend(_isocal(year, month, day))
        if c == "G":
            return iso[0]
        if c == "g":
            return iso[0] % 100
        return iso[1]  # V

    def text(c):
        # -> string, or None for an unknown conversion
        if c == "a":
            return _DAYABBR[wday]
        if c == "A":
            return _DAYNAMES[wday]
        if c == "b" or c == "h":
            return _MONTHABBR[month]
        if c == "B":
            return _MONTHNAMES[month]
        if c == "p":
            return "AM" if hh < 12 else "PM"
        if c == "P":
            return "am" if hh < 12 else "pm"
        if c == "c":
            return "%s %s %2d %02d:%02d:%02d %d" % (
                _DAYABBR[wday], _MONTHABBR[month], day, hh, mm, ss, year)
        if c == "x" or c == "D":
            return "%02d/%02d/%02d" % (month, day, year % 100)
        if c == "X" or c == "T":
            return "%02d:%02d:%02d" % (hh, mm, ss)
        if c == "R":
            return "%02d:%02d" % (hh, mm)
        if c == "r":
            return "%02d:%02d:%02d %s" % ((hh + 11) % 12 + 1, mm, ss,
                                          "AM" if hh < 12 else "PM")
        if c == "F":
            return "%d-%02d-%02d" % (year, month, day)
        if c == "n":
            return "\n"
        if c == "t":
            return "\t"
        if c == "%":
            return "%"
        return None

    out = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        if ch != "%" or i + 1 >= n:
            out.append(ch)
            i += 1
            continue
        c = fmt[i + 1]
        if c == "f":
            out.append("%06d" % us)
            i += 2
            continue
        if c == "z":
            out.append(_format_offset(utcoffset(), ""))
            i += 2
            continue
        if c == "Z":
            name = tzname_fn()
            out.append("" if name is None else name)
            i += 2
            continue
        # general glibc conversion: %[flags][width][E|O]c
        j = i + 1
        flags = ""
        while j < n and fmt[j] in "-_0^#":
            flags += fmt[j]
            j += 1
        w0 = j
        while j < n and "0" <= fmt[j] <= "9":
            j += 1
        width = int(fmt[w0:j]) if j > w0 else None
        mod = ""
        if j < n and fmt[j] in "EO":
            mod = fmt[j]
            j += 1
        if j >= n:
            out.append(_pad_to(fmt[i:], width, " "))
            break
        c = fmt[j]
        literal = fmt[i:j + 1]
        i = j + 1
        if (mod == "E" and c not in _E_OK) or (mod == "O" and c not in _O_OK):
            out.append(_pad_to(literal, width, " "))
            continue
        if c in "zZ":
            # flagged %z/%Z reach glibc, which prints nothing when the
            # DST flag is unknown (-1, the case of tzinfo-less values)
            if isdst < 0:
                out.append("")
                continue
            raise NotImplementedError(
                "strftime: %r with flags or width is not supported" % literal)
        if c in _NUM_DEFAULTS:
            value = number(c)
            dwidth, pad = _NUM_DEFAULTS[c]
            # '-' drops the default padding but an explicit width still
            # pads (with spaces); a width below the default is ignored
            if "-" in flags:
                s = _pad_to(str(value), width, " ")
            else:
                if "_" in flags:
                    pad = " "
                elif "0" in flags:
                    pad = "0"
                w = dwidth if width is None or width < dwidth else width
                s = _pad_to(str(value), w, pad)
            out.append(s)
            continue
        s = text(c)
        if s is None:
            out.append(_pad_to(literal, width, " "))
            continue
        if "^" in flags and c != "P":
            s = s.upper()
        elif "#" in flags:
            if c in "aAbBh":
                s = s.upper()
            elif c == "p":
                s = s.lower()
        out.append(_pad_to(s, width, "0" if "0" in flags else " "))
    return "".join(out)


def _isocal(year, month, day):
    today = _ymd2ord(year, month, day)
    monday = _iso_week1_monday(year)
    week, wd = divmod(today - monday, 7)
    if week < 0:
        year -= 1
        monday = _iso_week1_monday(year)
        week, wd = divmod(today - monday, 7)
    elif week >= 52 and today >= _iso_week1_monday(year + 1):
        year += 1
        week = 0
    return year, week + 1, wd + 1


# Values are immutable as in CPython: fields are read-only and instances of
# this module's own classes take no new attributes (subclasses may).
_setattr = object.__setattr__
_RO_MEMBERS = frozenset(("days", "seconds", "microseconds"))
_RO_FIELDS = {
    "year": "date", "month": "date", "day": "date",
    "hour": None, "minute": None, "second": None, "microsecond": None,
    "tzinfo": None, "fold": None,
}


def _guarded_setattr(self, name, value):
    t = type(self)
    if isinstance(self, timedelta) and name in _RO_MEMBERS:
        raise AttributeError("readonly attribute")
    if isinstance(self, date) or isinstance(self, time):
        owner = _RO_FIELDS.get(name, 0)
        if owner != 0:
            if owner is None:
                owner = "datetime" if isinstance(self, datetime) else "time"
            raise AttributeError("attribute '%s' of 'datetime.%s' objects "
                                 "is not writable" % (name, owner))
    if getattr(t, "__module__", None) == __name__:
        raise AttributeError("'%s' object has no attribute '%s'"
                             % (_type_name(self), name))
    _setattr(self, name, value)


def _guarded_delattr(self, name):
    _guarded_setattr(self, name, None)



# ---------------------------------------------------------------- timedelta

_US_PER_DAY = 86400 * 1000000


class timedelta:
    """Difference between two datetimes: days, seconds, microseconds."""

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0,
                minutes=0, hours=0, weeks=0):
        # Three integer tiers (days, seconds, microseconds) so that big
        # values never need one huge microsecond count; fractional parts of
        # floats are summed as microseconds and rounded half-even once.
        d = s = us = 0
        leftover = 0.0
        for val, tier, mult, us_factor, name in (
                (days, 0, 1, 86400000000, "days"),
                (seconds, 1, 1, 1000000, "seconds"),
                (microseconds, 2, 1, 1, "microseconds"),
                (milliseconds, 2, 1000, 1000, "milliseconds"),
                (minutes, 1, 60, 60000000, "minutes"),
                (hours, 1, 3600, 3600000000, "hours"),
                (weeks, 0, 7, 604800000000, "weeks")):
            if isinstance(val, int):
                whole = int(val) * mult
            elif isinstance(val, float):
                frac, ip = _math.modf(val)
                whole = int(ip) * mult
                frac, ip = _math.modf(frac * us_factor)
                us += int(ip)
                leftover += frac
            else:
                raise TypeError("unsupported type for timedelta %s "
                                "component: %s" % (name, _type_name(val)))
            if tier == 0:
                d += whole
            elif tier == 1:
                s += whole
            else:
                us += whole
        if leftover:
            w = _cround(leftover)
            if abs(w - leftover) == 0.5:
                odd = us & 1
                w = 2 * _cround((leftover + odd) * 0.5) - odd
            us += int(w)
        return cls._make(d, s, us)

    @classmethod
    def _make(cls, d, s, us):
        q, us = divmod(us, 1000000)
        s += q
        q, s = divmod(s, 86400)
        d += q
        if abs(d) > 999999999:
            raise OverflowError("days=%d; must have magnitude <= 999999999"
                                % d)
        self = object.__new__(cls)
        _setattr(self, "_days", d)
        _setattr(self, "_seconds", s)
        _setattr(self, "_microseconds", us)
        _setattr(self, "_hashcode", -1)
        return self

    @classmethod
    def _from_us(cls, us):
        d, rest = divmod(us, _US_PER_DAY)
        s, us = divmod(rest, 1000000)
        return cls._make(d, s, us)

    def _to_us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + \
            self._microseconds

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def total_seconds(self):
        return self._to_us() / 1000000

    def __repr__(self):
        args = []
        if self._days:
            args.append("days=%d" % self._days)
        if self._seconds:
            args.append("seconds=%d" % self._seconds)
        if self._microseconds:
            args.append("microseconds=%d" % self._microseconds)
        if not args:
            args.append("0")
        return "%s(%s)" % (_cls_repr_name(self, timedelta), ", ".join(args))

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = "%d:%02d:%02d" % (hh, mm, ss)
        if self._days:
            s = "%d day%s, " % (self._days,
                                "s" if abs(self._days) != 1 else "") + s
        if self._microseconds:
            s += ".%06d" % self._microseconds
        return s

    def _key(self):
        return (self._days, self._seconds, self._microseconds)

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._make(self._days + other._days,
                                   self._seconds + other._seconds,
                                   self._microseconds + other._microseconds)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._make(self._days - other._days,
                                   self._seconds - other._seconds,
                                   self._microseconds - other._microseconds)
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return other - self
        return NotImplemented

    def __neg__(self):
        return timedelta._make(-self._days, -self._seconds,
                               -self._microseconds)

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._make(self._days * other, self._seconds * other,
                                   self._microseconds * other)
        if isinstance(other, float):
            num, den = other.as_integer_ratio()
            return timedelta._from_us(_mul_ratio(self._to_us(), num, den))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() // other._to_us()
        if isinstance(other, int):
            return timedelta._from_us(self._to_us() // other)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() / other._to_us()
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return timedelta._from_us(_divide_and_round(self._to_us(), other))
        if isinstance(other, float):
            num, den = other.as_integer_ratio()
            if num == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return timedelta._from_us(_mul_ratio(self._to_us(), den, num))
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._to_us() % other._to_us())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._to_us(), other._to_us())
            return q, timedelta._from_us(r)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._key() == other._key()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            _setattr(self, "_hashcode", hash(self._key()))
        return self._hashcode

    def __bool__(self):
        return bool(self._days or self._seconds or self._microseconds)

    # copy.copy / copy.deepcopy rebuild through the constructor, as
    # CPython's __reduce__ does
    def __copy__(self):
        return type(self)(self._days, self._seconds, self._microseconds)

    def __deepcopy__(self, memo):
        return self.__copy__()


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59,
                          microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


# ---------------------------------------------------------------- date

class IsoCalendarDate:
    """(year, week, weekday) result of isocalendar(); compares like a tuple.

    CPython's is a tuple subclass; aio-py cannot subclass tuple, so this
    offers indexing, unpacking, len, comparison and hashing instead."""

    def __init__(self, year, week, weekday):
        _setattr(self, "_t", (year, week, weekday))

    year = property(lambda self: self._t[0])
    week = property(lambda self: self._t[1])
    weekday = property(lambda self: self._t[2])

    def __getitem__(self, i):
        return self._t[i]

    def __len__(self):
        return 3

    def __iter__(self):
        return iter(self._t)

    def _other(self, other):
        if isinstance(other, IsoCalendarDate):
            return other._t
        if isinstance(other, tuple):
            return other
        return None

    def __eq__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._t == o

    def __lt__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._t < o

    def __le__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._t <= o

    def __gt__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._t > o

    def __ge__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._t >= o

    def __hash__(self):
        return hash(self._t)

    def count(self, value):
        return self._t.count(value)

    def index(self, value):
        return self._t.index(value)

    def __repr__(self):
        return "datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)" % \
            self._t


_NOARG = object()


class date:
    """A Gregorian calendar date (year, month, day)."""

    def __new__(cls, year=_NOARG, month=_NOARG, day=_NOARG):
        if year is _NOARG:
            _missing("year", 1)
        if month is _NOARG:
            _missing("month", 2)
        if day is _NOARG:
            _missing("day", 3)
        year, month, day = _check_date_fields(year, month, day)
        self = object.__new__(cls)
        _setattr(self, "_year", year)
        _setattr(self, "_month", month)
        _setattr(self, "_day", day)
        _setattr(self, "_hashcode", -1)
        return self

    # -- constructors
    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromtimestamp(cls, t):
        # a date rounds the timestamp down (CPython's ROUND_FLOOR), not to
        # the nearest microsecond
        secs, _ = _split_timestamp(t)
        if isinstance(t, float) and _math.floor(t) < secs:
            secs -= 1
        y, m, d = _local_fields(secs)[:3]
        return cls(y, m, d)

    @classmethod
    def fromordinal(cls, n):
        n = _index(n)
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        if n > _MAXORDINAL:
            raise ValueError("year %d is out of range" % _ord2ymd(n)[0])
        return cls(*_ord2ymd(n))

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        if len(s) not in (7, 8, 10):
            raise ValueError("Invalid isoformat string: %r" % (s,))
        try:
            return cls(*_parse_iso_date(s))
        except _IsoError:
            raise ValueError("Invalid isoformat string: %r" % (s,)) from None

    @classmethod
    def fromisocalendar(cls, year, week, day):
        return cls(*_from_iso_calendar(year, week, day))

    # -- fields
    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        return IsoCalendarDate(*_isocal(self._year, self._month, self._day))

    def timetuple(self):
        return _build_struct_time(self._year, self._month, self._day,
                                  0, 0, 0, -1)

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day)

    # -- formatting
    def __repr__(self):
        return "%s(%d, %d, %d)" % (_cls_repr_name(self, date), self._year,
                                   self._month, self._day)

    def isoformat(self):
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    __str__ = isoformat

    def ctime(self):
        return "%s %s %2d 00:00:00 %04d" % (
            _DAYABBR[self.weekday()], _MONTHABBR[self._month], self._day,
            self._year)

    def strftime(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("strftime() argument 1 must be str, not %s"
                            % _argtype(fmt))
        tt = (self._year, self._month, self._day, 0, 0, 0, self.weekday(),
              _days_before_month(self._year, self._month) + self._day)
        return _strftime(fmt, tt, 0, lambda: None, lambda: None)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("format() argument 2 must be str, not %s"
                            % _argtype(fmt))
        if fmt:
            return self.strftime(fmt)
        return str(self)

    # -- comparisons (a datetime is never compared as a plain date)
    def _cmpkey(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return (self._year, self._month, self._day), \
                (other._year, other._month, other._day)
        return None

    def __eq__(self, other):
        k = self._cmpkey(other)
        return NotImplemented if k is None else k[0] == k[1]

    def __lt__(self, other):
        k = self._cmpkey(other)
        return NotImplemented if k is None else k[0] < k[1]

    def __le__(self, other):
        k = self._cmpkey(other)
        return NotImplemented if k is None else k[0] <= k[1]

    def __gt__(self, other):
        k = self._cmpkey(other)
        return NotImplemented if k is None else k[0] > k[1]

    def __ge__(self, other):
        k = self._cmpkey(other)
        return NotImplemented if k is None else k[0] >= k[1]

    def __hash__(self):
        if self._hashcode == -1:
            _setattr(self, "_hashcode", hash((self._year, self._month,
                                              self._day)))
        return self._hashcode

    # -- arithmetic
    def __add__(self, other):
        if isinstance(other, timedelta):
            n = self.toordinal() + other.days
            if 0 < n <= _MAXORDINAL:
                return type(self).fromordinal(n)
            raise OverflowError("date value out of range")
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def __copy__(self):
        return type(self)(self._year, self._month, self._day)

    def __deepcopy__(self, memo):
        return self.__copy__()


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


def _from_iso_calendar(year, week, day):
    year = _index(year)
    week = _index(week)
    day = _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("Year is out of range: %d" % year)
    if not 0 < week < 53:
        ok = False
        if week == 53:
            first_wd = _ymd2ord(year, 1, 1) % 7
            # 53-week years start on a Thursday, or a Wednesday in leap years
            if first_wd == 4 or (first_wd == 3 and _is_leap(year)):
                ok = True
        if not ok:
            raise ValueError("Invalid week: %d" % week)
    if not 0 < day < 8:
        raise ValueError("Invalid day: %d (range is [1, 7])" % day)
    n = _iso_week1_monday(year) + (week - 1) * 7 + (day - 1)
    return _ord2ymd(n)


# ---------------------------------------------------------------- tzinfo

class tzinfo:
    """Abstract base class for time zone information objects."""

    def tzname(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def utcoffset(self, dt):
        raise NotImplementedError(
            "a tzinfo subclass must implement utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement dst()")

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        dtoff = dt.utcoffset()
        if dtoff is None:
            raise ValueError("fromutc: non-None utcoffset() result required")
        dtdst = dt.dst()
        if dtdst is None:
            raise ValueError("fromutc: non-None dst() result required")
        delta = dtoff - dtdst
        if delta:
            dt += delta
            dtdst = dt.dst()
            if dtdst is None:
                raise ValueError("fromutc: tz.dst() gave inconsistent "
                                 "results; cannot convert")
        return dt + dtdst


class timezone(tzinfo):
    """A fixed offset from UTC, optionally named."""

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'datetime.timezone' is not an acceptable base "
                        "type")

    def __new__(cls, offset=_NOARG, name=_NOARG):
        if offset is _NOARG:
            raise TypeError("timezone() missing required argument 'offset' "
                            "(pos 1)")
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime."
                            "timedelta, not %s" % _argtype(offset))
        if name is _NOARG:
            name = None
            if not offset and cls is timezone and _UTC is not None:
                return _UTC
        elif not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, not %s"
                            % _argtype(name))
        if not -timedelta(1) < offset < timedelta(1):
            raise ValueError("offset must be a timedelta strictly between "
                             "-timedelta(hours=24) and timedelta(hours=24), "
                             "not %r." % (offset,))
        self = object.__new__(cls)
        _setattr(self, "_offset", offset)
        _setattr(self, "_name", name)
        return self

    def __init__(self, *args, **kwargs):
        pass

    def _check_dt(self, dt, what):
        if dt is not None and not isinstance(dt, datetime):
            raise TypeError("%s(dt) argument must be a datetime instance or "
                            "None, not %s" % (what, _argtype(dt)))

    def utcoffset(self, dt):
        self._check_dt(dt, "utcoffset")
        return self._offset

    def dst(self, dt):
        self._check_dt(dt, "dst")
        return None

    def tzname(self, dt):
        self._check_dt(dt, "tzname")
        if self._name is not None:
            return self._name
        if not self._offset:
            return "UTC"
        return "UTC" + _format_offset(self._offset)

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        return dt + self._offset

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is _UTC:
            return "datetime.timezone.utc"
        name = _cls_repr_name(self, timezone)
        if self._name is None:
            return "%s(%r)" % (name, self._offset)
        return "%s(%r, %r)" % (name, self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def __copy__(self):
        if self._name is None:
            return type(self)(self._offset)
        return type(self)(self._offset, self._name)

    def __deepcopy__(self, memo):
        return self.__copy__()


_UTC = None
_UTC = timezone(timedelta(0))
timezone.utc = _UTC
timezone.min = timezone(-timedelta(hours=23, minutes=59))
timezone.max = timezone(timedelta(hours=23, minutes=59))
UTC = _UTC


# ---------------------------------------------------------------- time

class time:
    """A time of day: hour, minute, second, microsecond, tzinfo, fold."""

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None,
                *, fold=0):
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        _setattr(self, "_hour", hour)
        _setattr(self, "_minute", minute)
        _setattr(self, "_second", second)
        _setattr(self, "_microsecond", microsecond)
        _setattr(self, "_tzinfo", tzinfo)
        _setattr(self, "_fold", fold)
        _setattr(self, "_hashcode", -1)
        return self

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        t = s[1:] if s[:1] == "T" else s
        try:
            fields = _parse_iso_time(t)
        except _IsoError:
            raise ValueError("Invalid isoformat string: %r" % (s,)) from None
        return cls(*fields)

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return _check_offset("utcoffset", self._tzinfo.utcoffset(None))

    def dst(self):
        if self._tzinfo is None:
            return None
        return _check_offset("dst", self._tzinfo.dst(None))

    def tzname(self):
        if self._tzinfo is None:
            return None
        name = self._tzinfo.tzname(None)
        if name is not None and not isinstance(name, str):
            raise TypeError("tzinfo.tzname() must return None or a string, "
                            "not '%s'" % _argtype(name))
        return name

    def replace(self, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        return type(self)(
            self._hour if hour is None else hour,
            self._minute if minute is None else minute,
            self._second if second is None else second,
            self._microsecond if microsecond is None else microsecond,
            self._tzinfo if tzinfo is True else tzinfo,
            fold=self._fold if fold is None else fold)

    def isoformat(self, timespec="auto"):
        s = _format_time(self._hour, self._minute, self._second,
                         self._microsecond, timespec)
        return s + _format_offset(self.utcoffset())

    __str__ = isoformat

    def __repr__(self):
        if self._microsecond:
            s = ", %d, %d" % (self._second, self._microsecond)
        elif self._second:
            s = ", %d" % self._second
        else:
            s = ""
        s = "%s(%d, %d%s" % (_cls_repr_name(self, time), self._hour,
                             self._minute, s)
        # CPython: tzinfo before fold here, but fold first for datetime
        if self._tzinfo is not None:
            s += ", tzinfo=%r" % (self._tzinfo,)
        if self._fold:
            s += ", fold=1"
        return s + ")"

    def strftime(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("strftime() argument 1 must be str, not %s"
                            % _argtype(fmt))
        # CPython formats a time as if on 1900-01-01 (a Monday).
        tt = (1900, 1, 1, self._hour, self._minute, self._second, 0, 1)
        return _strftime(fmt, tt, self._microsecond, self.utcoffset,
                         self.tzname)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("format() argument 2 must be str, not %s"
                            % _argtype(fmt))
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def _cmp(self, other, allow_mixed):
        # -> negative/0/positive, or None if naive vs aware and allow_mixed
        if self._tzinfo is other._tzinfo:
            myoff = otoff = None
        else:
            myoff = self.utcoffset()
            otoff = other.utcoffset()
        a = (self._hour, self._minute, self._second, self._microsecond)
        b = (other._hour, other._minute, other._second, other._microsecond)
        if myoff != otoff:
            if myoff is None or otoff is None:
                if allow_mixed:
                    return None
                raise TypeError("can't compare offset-naive and "
                                "offset-aware times")
            # offsets may have seconds and microseconds: compare UTC times
            a = self._utc_us(myoff)
            b = other._utc_us(otoff)
        return (a > b) - (a < b)

    def _utc_us(self, off):
        return ((self._hour * 60 + self._minute) * 60 + self._second) * \
            1000000 + self._microsecond - off._to_us()

    def __eq__(self, other):
        if isinstance(other, time):
            c = self._cmp(other, True)
            return c == 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, time):
            return self._cmp(other, False) < 0
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, time):
            return self._cmp(other, False) <= 0
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, time):
            return self._cmp(other, False) > 0
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, time):
            return self._cmp(other, False) >= 0
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            off = self.utcoffset()
            if off is None:
                h = hash((self._hour, self._minute, self._second,
                          self._microsecond))
            else:
                h = hash(self._utc_us(off))
            _setattr(self, "_hashcode", h)
        return self._hashcode

    def __bool__(self):
        return True

    def __copy__(self):
        return type(self)(self._hour, self._minute, self._second,
                          self._microsecond, self._tzinfo, fold=self._fold)

    def __deepcopy__(self, memo):
        import copy
        return type(self)(self._hour, self._minute, self._second,
                          self._microsecond,
                          copy.deepcopy(self._tzinfo, memo), fold=self._fold)


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


# ---------------------------------------------------------------- local time

def _split_timestamp(t):
    # -> (whole seconds, microseconds), rounding half-even like CPython.
    if isinstance(t, int):
        return int(t), 0
    if not isinstance(t, float):
        if hasattr(type(t), "__float__"):
            t = float(t)
        else:
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % _type_name(t))
    if t != t:
        raise ValueError("Invalid value NaN (not a number)")
    if t in (float("inf"), float("-inf")):
        raise OverflowError("timestamp out of range for platform time_t")
    frac, whole = _math.modf(t)
    us = round(frac * 1e6)
    if us >= 1000000:
        whole += 1
        us -= 1000000
    elif us < 0:
        whole -= 1
        us += 1000000
    if abs(whole) > 1e16:
        raise OverflowError("timestamp out of range for platform time_t")
    return int(whole), int(us)


def _utc_fields(secs):
    days, rest = divmod(secs, 86400)
    n = days + _ymd2ord(1970, 1, 1)
    if not 0 < n <= _MAXORDINAL:
        raise ValueError("year %d is out of range" % _ord2ymd(n)[0])
    y, m, d = _ord2ymd(n)
    hh, rest = divmod(rest, 3600)
    mm, ss = divmod(rest, 60)
    return y, m, d, hh, mm, ss


def _local_fields(secs):
    try:
        lt = _time.localtime(secs)
    except (OverflowError, OSError):
        raise OverflowError("timestamp out of range for platform time_t") \
            from None
    return tuple(lt[:6])


def _epoch_seconds(y, m, d, hh, mm, ss):
    return (_ymd2ord(y, m, d) - _ymd2ord(1970, 1, 1)) * 86400 + \
        hh * 3600 + mm * 60 + ss


def _local_timezone(secs):
    # The fixed-offset zone in force locally at epoch second `secs`.
    lt = _time.localtime(secs)
    gmtoff = _epoch_seconds(*tuple(lt[:6])) - secs
    name = _time.strftime("%Z", lt)
    return timezone(timedelta(seconds=gmtoff), name)


def _local_to_epoch(dt):
    # naive local wall time -> epoch seconds (fold is not honoured)
    return int(_time.mktime((dt.year, dt.month, dt.day, dt.hour, dt.minute,
                             dt.second, 0, 0, -1)))


# ---------------------------------------------------------------- datetime

class datetime(date):
    """A date and a time of day, optionally time-zone aware."""

    def __new__(cls, year=_NOARG, month=_NOARG, day=_NOARG, hour=0, minute=0,
                second=0, microsecond=0, tzinfo=None, *, fold=0):
        if year is _NOARG:
            _missing("year", 1)
        if month is _NOARG:
            _missing("month", 2)
        if day is _NOARG:
            _missing("day", 3)
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        _setattr(self, "_year", year)
        _setattr(self, "_month", month)
        _setattr(self, "_day", day)
        _setattr(self, "_hour", hour)
        _setattr(self, "_minute", minute)
        _setattr(self, "_second", second)
        _setattr(self, "_microsecond", microsecond)
        _setattr(self, "_tzinfo", tzinfo)
        _setattr(self, "_fold", fold)
        _setattr(self, "_hashcode", -1)
        return self

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    # -- constructors
    @classmethod
    def _from_epoch(cls, secs, us, utc, tz):
        if utc:
            y, m, d, hh, mm, ss = _utc_fields(secs)
        else:
            y, m, d, hh, mm, ss = _local_fields(secs)
        return cls(y, m, d, hh, mm, min(ss, 59), us, tz)

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo(tz)
        secs, us = _split_timestamp(t)
        if tz is None:
            return cls._from_epoch(secs, us, False, None)
        return tz.fromutc(cls._from_epoch(secs, us, True, tz))

    @classmethod
    def utcfromtimestamp(cls, t):
        secs, us = _split_timestamp(t)
        return cls._from_epoch(secs, us, True, None)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def combine(cls, date_, time_, tzinfo=True):
        if not isinstance(date_, date):
            raise TypeError("combine() argument 1 must be datetime.date, "
                            "not %s" % _argtype(date_))
        if not isinstance(time_, time):
            raise TypeError("combine() argument 2 must be datetime.time, "
                            "not %s" % _argtype(time_))
        if tzinfo is True:
            tzinfo = time_.tzinfo
        return cls(date_.year, date_.month, date_.day, time_.hour,
                   time_.minute, time_.second, time_.microsecond, tzinfo,
                   fold=time_.fold)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        if len(s) < 7:
            raise ValueError("Invalid isoformat string: %r" % (s,))
        try:
            sep = _iso_date_length(s)
            ymd = _parse_iso_date(s[:sep])
            rest = s[sep + 1:]
            if sep < len(s) and not rest:
                raise _IsoError()
            tfields = _parse_iso_time(rest) if rest else (0, 0, 0, 0, None)
        except _IsoError:
            raise ValueError("Invalid isoformat string: %r" % (s,)) from None
        return cls(*(ymd + tfields))

    @classmethod
    def strptime(cls, data, fmt):
        return _strptime_datetime(cls, data, fmt)

    # -- fields
    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second,
                    self._microsecond, fold=self._fold)

    def timetz(self):
        return time(self._hour, self._minute, self._second,
                    self._microsecond, self._tzinfo, fold=self._fold)

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return _check_offset("utcoffset", self._tzinfo.utcoffset(self))

    def dst(self):
        if self._tzinfo is None:
            return None
        return _check_offset("dst", self._tzinfo.dst(self))

    def tzname(self):
        if self._tzinfo is None:
            return None
        name = self._tzinfo.tzname(self)
        if name is not None and not isinstance(name, str):
            raise TypeError("tzinfo.tzname() must return None or a string, "
                            "not '%s'" % _argtype(name))
        return name

    def timetuple(self):
        dst = self.dst()
        flag = -1 if dst is None else (1 if dst else 0)
        return _build_struct_time(self._year, self._month, self._day,
                                  self._hour, self._minute, self._second,
                                  flag)

    def utctimetuple(self):
        off = self.utcoffset()
        dt = self
        if off:
            dt = self - off
        return _build_struct_time(dt._year, dt._month, dt._day, dt._hour,
                                  dt._minute, dt._second, 0)

    def timestamp(self):
        if self._tzinfo is None:
            return _local_to_epoch(self) + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def replace(self, year=None, month=None, day=None, hour=None, minute=None,
                second=None, microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(
            self._year if year is None else year,
            self._month if month is None else month,
            self._day if day is None else day,
            self._hour if hour is None else hour,
            self._minute if minute is None else minute,
            self._second if second is None else second,
            self._microsecond if microsecond is None else microsecond,
            self._tzinfo if tzinfo is True else tzinfo,
            fold=self._fold if fold is None else fold)

    def astimezone(self, tz=None):
        if tz is None:
            pass
        elif not isinstance(tz, tzinfo):
            raise TypeError("tzinfo argument must be None or of a tzinfo "
                            "subclass, not type '%s'" % _argtype(tz))
        mytz = self._tzinfo
        if mytz is None:
            secs = _local_to_epoch(self)
            mytz = _local_timezone(secs)
            myoffset = mytz.utcoffset(None)
        else:
            if tz is mytz:
                return self
            myoffset = self.utcoffset()
            if myoffset is None:
                secs = _local_to_epoch(self.replace(tzinfo=None))
                mytz = _local_timezone(secs)
                myoffset = mytz.utcoffset(None)
        if tz is None:
            secs = _epoch_seconds(self._year, self._month, self._day,
                                  self._hour, self._minute, self._second) - \
                (myoffset.days * 86400 + myoffset.seconds)
            tz = _local_timezone(secs)
            if tz is mytz:
                return self
        utc = (self - myoffset).replace(tzinfo=tz)
        return tz.fromutc(utc)

    # -- formatting
    def __repr__(self):
        if self._microsecond:
            s = ", %d, %d" % (self._second, self._microsecond)
        elif self._second:
            s = ", %d" % self._second
        else:
            s = ""
        s = "%s(%d, %d, %d, %d, %d%s" % (
            _cls_repr_name(self, datetime), self._year, self._month,
            self._day, self._hour, self._minute, s)
        if self._fold:
            s += ", fold=1"
        if self._tzinfo is not None:
            s += ", tzinfo=%r" % (self._tzinfo,)
        return s + ")"

    def isoformat(self, sep="T", timespec="auto"):
        if not isinstance(sep, str) or len(sep) != 1:
            raise TypeError("isoformat() argument 1 must be a unicode "
                            "character, not %s" % _argtype(sep))
        s = "%04d-%02d-%02d%s" % (self._year, self._month, self._day, sep)
        s += _format_time(self._hour, self._minute, self._second,
                          self._microsecond, timespec)
        return s + _format_offset(self.utcoffset())

    def __str__(self):
        return self.isoformat(sep=" ")

    def ctime(self):
        return "%s %s %2d %02d:%02d:%02d %04d" % (
            _DAYABBR[self.weekday()], _MONTHABBR[self._month], self._day,
            self._hour, self._minute, self._second, self._year)

    def strftime(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("strftime() argument 1 must be str, not %s"
                            % _argtype(fmt))
        tt = (self._year, self._month, self._day, self._hour, self._minute,
              self._second, self.weekday(),
              _days_before_month(self._year, self._month) + self._day)
        dst = self.dst()
        return _strftime(fmt, tt, self._microsecond, self.utcoffset,
                         self.tzname, -1 if dst is None else int(bool(dst)))

    # -- comparisons
    def _cmp(self, other, allow_mixed):
        if self._tzinfo is other._tzinfo:
            myoff = otoff = None
        else:
            myoff = self.utcoffset()
            otoff = other.utcoffset()
        if myoff == otoff:
            a = (self._year, self._month, self._day, self._hour,
                 self._minute, self._second, self._microsecond)
            b = (other._year, other._month, other._day, other._hour,
                 other._minute, other._second, other._microsecond)
            r = (a > b) - (a < b)
        elif myoff is None or otoff is None:
            if allow_mixed:
                return 2
            raise TypeError("can't compare offset-naive and offset-aware "
                            "datetimes")
        else:
            diff = self - other
            r = -1 if diff.days < 0 else (1 if diff else 0)
        if r == 0 and allow_mixed and myoff is not None:
            # PEP 495: across zones, a time whose offset depends on fold
            # (ambiguous or missing) never equals anything
            if self.replace(fold=not self._fold).utcoffset() != myoff or \
                    other.replace(fold=not other._fold).utcoffset() != otoff:
                return 2
        return r

    def _order(self, other):
        # -> comparison result, NotImplemented, or raise for plain dates
        if isinstance(other, datetime):
            return self._cmp(other, False)
        if isinstance(other, date):
            raise TypeError("can't compare %s to %s" % (
                _type_name(self), _type_name(other)))
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other, True) == 0
        if isinstance(other, date):
            return False
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __lt__(self, other):
        c = self._order(other)
        return c if c is NotImplemented else c < 0

    def __le__(self, other):
        c = self._order(other)
        return c if c is NotImplemented else c <= 0

    def __gt__(self, other):
        c = self._order(other)
        return c if c is NotImplemented else c > 0

    def __ge__(self, other):
        c = self._order(other)
        return c if c is NotImplemented else c >= 0

    def __hash__(self):
        if self._hashcode == -1:
            # fold=1 hashes like fold=0 so that equal values hash equal
            off = self.replace(fold=0).utcoffset() if self._fold \
                else self.utcoffset()
            base = self.replace(tzinfo=None, fold=0)
            if off:
                base = base - off
            _setattr(self, "_hashcode", hash((
                base.toordinal(), base._hour, base._minute, base._second,
                base._microsecond)))
        return self._hashcode

    # -- arithmetic
    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return self._shift(other.days, other.seconds, other.microseconds)

    def _shift(self, days, seconds, microseconds):
        # self + timedelta(days, seconds, microseconds), without building
        # the (possibly out of range) negated timedelta for subtraction
        other_days = days
        secs = self._hour * 3600 + self._minute * 60 + self._second + seconds
        us = self._microsecond + microseconds
        q, us = divmod(us, 1000000)
        secs += q
        q, secs = divmod(secs, 86400)
        n = self.toordinal() + other_days + q
        if not 0 < n <= _MAXORDINAL:
            raise OverflowError("date value out of range")
        y, m, d = _ord2ymd(n)
        hh, secs = divmod(secs, 3600)
        mm, ss = divmod(secs, 60)
        return type(self)(y, m, d, hh, mm, ss, us, self._tzinfo)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self._shift(-other.days, -other.seconds,
                               -other.microseconds)
        if not isinstance(other, datetime):
            return NotImplemented
        d = self.toordinal() - other.toordinal()
        s = (self._hour - other._hour) * 3600 + \
            (self._minute - other._minute) * 60 + \
            (self._second - other._second)
        base = timedelta(d, s, self._microsecond - other._microsecond)
        if self._tzinfo is other._tzinfo:
            return base
        myoff = self.utcoffset()
        otoff = other.utcoffset()
        if myoff == otoff:
            return base
        if myoff is None or otoff is None:
            raise TypeError("can't subtract offset-naive and offset-aware "
                            "datetimes")
        return base + otoff - myoff

    def __copy__(self):
        return type(self)(self._year, self._month, self._day, self._hour,
                          self._minute, self._second, self._microsecond,
                          self._tzinfo, fold=self._fold)

    def __deepcopy__(self, memo):
        import copy
        return type(self)(self._year, self._month, self._day, self._hour,
                          self._minute, self._second, self._microsecond,
                          copy.deepcopy(self._tzinfo, memo), fold=self._fold)


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _readonly(prop, message):
    # A setter that raises: aio-py reports "property ... has no setter"
    # for setter-less properties before consulting __setattr__.
    def fset(self, value):
        raise AttributeError(message)

    def fdel(self):
        raise AttributeError(message)
    return property(prop.fget, fset, fdel, prop.__doc__)


for _cls in (timedelta, date, tzinfo, timezone, time, datetime):
    _cls.__setattr__ = _guarded_setattr
    _cls.__delattr__ = _guarded_delattr
    for _name, _prop in list(_cls.__dict__.items()):
        if isinstance(_prop, property) and not _name.startswith("_") and \
                _cls is not IsoCalendarDate:
            if _cls is timedelta:
                _msg = "readonly attribute"
            else:
                _msg = "attribute '%s' of 'datetime.%s' objects is not " \
                    "writable" % (_name, _cls.__name__)
            setattr(_cls, _name, _readonly(_prop, _msg))
del _cls, _name, _prop, _msg


# ---------------------------------------------------------------- ISO parsing

class _IsoError(Exception):
    pass


def _digits(s, i, n):
    part = s[i:i + n]
    if len(part) != n or not all("0" <= c <= "9" for c in part):
        raise _IsoError()
    return int(part)


def _iso_date_length(s):
    # Where the date part of a datetime string ends (3.11 accepts the
    # extended, basic and week forms).
    n = len(s)
    if n == 7:
        return 7
    if s[4] == "-":
        if s[5] == "W":
            if n > 8 and s[8] == "-":
                if n == 9:
                    raise _IsoError()
                if n > 10 and "0" <= s[10] <= "9":
                    return 8
                return 10
            return 8
        return 10
    if s[4] == "W":
        i = 7
        while i < n and "0" <= s[i] <= "9":
            i += 1
        if i < 9:
            return i
        return 7 if i % 2 == 0 else 8
    return 8


def _parse_iso_date(s):
    n = len(s)
    year = _digits(s, 0, 4)
    dash = n > 4 and s[4] == "-"
    i = 5 if dash else 4
    if s[i:i + 1] == "W":
        week = _digits(s, i + 1, 2)
        i += 3
        day = 1
        if i < n:
            if s[i] == "-":
                if not dash:
                    raise _IsoError()
                i += 1
            elif dash:
                raise _IsoError()
            day = _digits(s, i, 1)
            i += 1
        if i != n:
            raise _IsoError()
        try:
            return _from_iso_calendar(year, week, day)
        except ValueError:
            raise _IsoError() from None
    month = _digits(s, i, 2)
    i += 2
    if dash:
        if s[i:i + 1] != "-":
            raise _IsoError()
        i += 1
    day = _digits(s, i, 2)
    if i + 2 != n:
        raise _IsoError()
    return year, month, day


def _parse_hms(s):
    # HH[:MM[:SS[.f+]]] or HH[MM[SS[.f+]]] -> [h, m, s, us]
    n = len(s)
    fields = [0, 0, 0, 0]
    i = 0
    has_sep = None
    for k in range(3):
        fields[k] = _digits(s, i, 2)
        i += 2
        if i >= n:
            return fields
        c = s[i]
        if k < 2:
            if c == ":":
                if has_sep is False:
                    raise _IsoError()
                has_sep = True
                i += 1
            elif c in ".,":
                break
            else:
                if has_sep:
                    raise _IsoError()
                has_sep = False
    if i < n:
        if k < 2 or s[i] not in ".,":
            raise _IsoError()
        i += 1
        frac = s[i:]
        if not frac or not all("0" <= c <= "9" for c in frac):
            raise _IsoError()
        # digits past the sixth are dropped, as CPython does
        frac = (frac + "00000")[:6]
        fields[3] = int(frac)
    return fields


def _parse_iso_time(s):
    tzpos = -1
    for idx in range(len(s)):
        if s[idx] in "+-Z":
            tzpos = idx
            break
    tstr = s if tzpos < 0 else s[:tzpos]
    if tzpos >= 0 and tstr[-1:] in (".", ","):
        # CPython 3.11 accepts an empty fraction when an offset follows
        tstr = tstr[:-1]
    if len(tstr) < 2:
        raise _IsoError()
    h, m, sec, us = _parse_hms(tstr)
    tz = None
    if tzpos >= 0:
        zs = s[tzpos:]
        if zs == "Z":
            tz = timezone.utc
        else:
            if zs[0] == "Z" or len(zs) < 3:
                raise _IsoError()
            th, tm, ts, tus = _parse_hms(zs[1:])
            off = timedelta(hours=th, minutes=tm, seconds=ts,
                            microseconds=tus)
            if zs[0] == "-":
                off = -off
            tz = timezone.utc if not off else timezone(off)
    return h, m, sec, us, tz


# ---------------------------------------------------------------- strptime

_DIGITS = "0123456789"
_NZ = "123456789"

# Each directive: alternatives tried in order, each a list of allowed
# character sets (mirrors the alternation order of CPython's regexes).
_ALTS = {
    "d": [["3", "01"], ["12", _DIGITS], ["0", _NZ], [_NZ], [" ", _NZ]],
    "H": [["2", "0123"], ["01", _DIGITS], [_DIGITS]],
    "I": [["1", "012"], ["0", _NZ], [_NZ]],
    "G": [[_DIGITS] * 4],
    "Y": [[_DIGITS] * 4],
    "y": [[_DIGITS] * 2],
    "j": [["3", "6", "0123456"], ["3", "012345", _DIGITS],
          ["12", _DIGITS, _DIGITS], ["0", _NZ, _DIGITS], ["0", "0", _NZ],
          [_NZ, _DIGITS], ["0", _NZ], [_NZ]],
    "m": [["1", "012"], ["0", _NZ], [_NZ]],
    "M": [["012345", _DIGITS], [_DIGITS]],
    "S": [["6", "01"], ["012345", _DIGITS], [_DIGITS]],
    "U": [["5", "0123"], ["01234", _DIGITS], [_DIGITS]],
    "W": [["5", "0123"], ["01234", _DIGITS], [_DIGITS]],
    "V": [["5", "0123"], ["0", _NZ], ["1234", _DIGITS], [_DIGITS]],
    "w": [["0123456"]],
    "u": [["1234567"]],
    "f": [[_DIGITS] * k for k in range(6, 0, -1)],
}


def _tz_names():
    names = ["utc", "gmt"]
    for month in (1, 7):
        secs = _epoch_seconds(2000, month, 1, 0, 0, 0)
        try:
            n = _time.strftime("%Z", _time.localtime(secs)).lower()
        except Exception:
            continue
        if n and n not in names:
            names.append(n)
    return names


_NAMES = {
    "a": [n.lower() for n in _DAYABBR],
    "A": [n.lower() for n in _DAYNAMES],
    "b": [n.lower() for n in _MONTHABBR[1:]],
    "B": [n.lower() for n in _MONTHNAMES[1:]],
    "p": ["am", "pm"],
}


def _sorted_names(names):
    # longest first, like CPython's alternation
    return sorted(names, key=len, reverse=True)


def _candidates(d, s, i):
    # Matches of directive d at s[i:], in the order the regex would try.
    out = []
    alts = _ALTS.get(d)
    if alts is not None:
        for alt in alts:
            k = len(alt)
            if i + k <= len(s) and all(s[i + j] in alt[j] for j in range(k)):
                out.append(s[i:i + k])
        return out
    if d in _NAMES or d == "Z":
        names = _tz_names() if d == "Z" else _NAMES[d]
        low = s[i:].lower()
        for name in _sorted_names(names):
            if low.startswith(name):
                out.append(s[i:i + len(name)])
        return out
    if d == "z":
        if s[i:i + 1] == "Z":
            return ["Z"]
        # [+-]HH:?MM(:?SS(.f{1,6})?)?  -- longest alternatives first
        if s[i:i + 1] not in ("+", "-") or not _is_dd(s, i + 1):
            return out
        j = i + 3
        if s[j:j + 1] == ":":
            j += 1
        if not (s[j:j + 1] in "012345" and s[j:j + 1] and
                s[j + 1:j + 2] and s[j + 1] in _DIGITS):
            return out
        j += 2
        base = j
        k = j
        if s[k:k + 1] == ":":
            k += 1
        if s[k:k + 1] and s[k] in "012345" and s[k + 1:k + 2] and \
                s[k + 1] in _DIGITS:
            k += 2
            if s[k:k + 1] == ".":
                m = k + 1
                while m < len(s) and m - k - 1 < 6 and s[m] in _DIGITS:
                    m += 1
                for e in range(m, k + 1, -1):
                    out.append(s[i:e])
            out.append(s[i:k])
        out.append(s[i:base])
        return out
    if d == "%":
        return ["%"] if s[i:i + 1] == "%" else []
    raise AssertionError(d)


def _is_dd(s, i):
    return i + 2 <= len(s) and s[i] in _DIGITS and s[i + 1] in _DIGITS


_STRPTIME_DIRECTIVES = set("dHIGYyjmMSUWVwufaAbBpZz%")
_EXPANSIONS = {"c": "%a %b %d %H:%M:%S %Y", "x": "%m/%d/%y", "X": "%H:%M:%S"}


def _compile_format(fmt):
    tokens = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c == "%":
            if i + 1 >= n:
                raise ValueError("stray %% in format '%s'" % fmt)
            d = fmt[i + 1]
            i += 2
            if d in _EXPANSIONS:
                tokens.extend(_compile_format(_EXPANSIONS[d]))
            elif d in _STRPTIME_DIRECTIVES:
                tokens.append(("d", d))
            else:
                raise ValueError("'%s' is a bad directive in format '%s'"
                                 % (d, fmt))
        elif c.isspace():
            while i < n and fmt[i].isspace():
                i += 1
            tokens.append(("ws", None))
        else:
            tokens.append(("lit", c.lower()))
            i += 1
    return tokens


def _match(tokens, t, s, i, found):
    # Backtracking match of tokens[t:] at s[i:]; -> end index or -1.
    if t == len(tokens):
        return i
    kind, val = tokens[t]
    if kind == "lit":
        if i < len(s) and s[i].lower() == val:
            return _match(tokens, t + 1, s, i + 1, found)
        return -1
    if kind == "ws":
        j = i
        while j < len(s) and s[j].isspace():
            j += 1
        while j > i:
            r = _match(tokens, t + 1, s, j, found)
            if r >= 0:
                return r
            j -= 1
        return -1
    for cand in _candidates(val, s, i):
        found[val] = cand
        r = _match(tokens, t + 1, s, i + len(cand), found)
        if r >= 0:
            return r
    found.pop(val, None)
    return -1


def _julian_from_u_or_w(year, week, weekday, monday_first):
    first_wd = (_ymd2ord(year, 1, 1) + 6) % 7
    if not monday_first:
        first_wd = (first_wd + 1) % 7
        weekday = (weekday + 1) % 7
    week0_len = (7 - first_wd) % 7
    if week == 0:
        return 1 + weekday - first_wd
    return 1 + week0_len + 7 * (week - 1) + weekday


def _strptime_fields(data, fmt):
    if not isinstance(data, str):
        raise TypeError("strptime() argument 1 must be str, not %s"
                        % _argtype(data))
    if not isinstance(fmt, str):
        raise TypeError("strptime() argument 2 must be str, not %s"
                        % _argtype(fmt))
    tokens = _compile_format(fmt)
    found = {}
    end = _match(tokens, 0, data, 0, found)
    if end < 0:
        raise ValueError("time data %r does not match format %r"
                         % (data, fmt))
    if end != len(data):
        raise ValueError("unconverted data remains: %s" % data[end:])

    year = None
    month = day = 1
    hour = minute = second = fraction = 0
    gmtoff = None
    gmtoff_fraction = 0
    iso_year = iso_week = None
    week_of_year = None
    week_monday = None
    weekday = julian = None
    tzname = None
    for key, v in found.items():
        if key == "y":
            year = int(v)
            year += 2000 if year <= 68 else 1900
        elif key == "Y":
            year = int(v)
        elif key == "G":
            iso_year = int(v)
        elif key == "m":
            month = int(v)
        elif key == "B":
            month = _NAMES["B"].index(v.lower()) + 1
        elif key == "b":
            month = _NAMES["b"].index(v.lower()) + 1
        elif key == "d":
            day = int(v)
        elif key == "H":
            hour = int(v)
        elif key == "I":
            hour = int(v)
            ampm = found.get("p", "").lower()
            if ampm in ("", "am"):
                if hour == 12:
                    hour = 0
            elif hour != 12:
                hour += 12
        elif key == "M":
            minute = int(v)
        elif key == "S":
            second = int(v)
        elif key == "f":
            fraction = int(v + "0" * (6 - len(v)))
        elif key == "A":
            weekday = _NAMES["A"].index(v.lower())
        elif key == "a":
            weekday = _NAMES["a"].index(v.lower())
        elif key == "w":
            weekday = int(v)
            weekday = 6 if weekday == 0 else weekday - 1
        elif key == "u":
            weekday = int(v) - 1
        elif key == "j":
            julian = int(v)
        elif key in ("U", "W"):
            week_of_year = int(v)
            week_monday = key == "W"
        elif key == "V":
            iso_week = int(v)
        elif key == "z":
            if v == "Z":
                gmtoff = 0
            else:
                z = v
                if z[3:4] == ":":
                    z = z[:3] + z[4:]
                    if len(z) > 5:
                        if z[5] != ":":
                            raise ValueError("Inconsistent use of : in %s"
                                             % v)
                        z = z[:5] + z[6:]
                hours = int(z[1:3])
                minutes = int(z[3:5])
                seconds = int(z[5:7] or 0)
                gmtoff = (hours * 60 + minutes) * 60 + seconds
                rem = z[8:]
                gmtoff_fraction = int(rem + "0" * (6 - len(rem))) if rem \
                    else 0
                if z[0] == "-":
                    gmtoff = -gmtoff
                    gmtoff_fraction = -gmtoff_fraction
        elif key == "Z":
            tzname = v

    if year is None and iso_year is not None:
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with the "
                             "ISO week directive '%V' and a weekday "
                             "directive ('%A', '%a', '%w', or '%u').")
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not "
                             "compatible with ISO year directive '%G'. "
                             "Use '%Y' instead.")
    elif iso_week is not None:
        if weekday is None:
            raise ValueError("ISO week directive '%V' must be used with the "
                             "ISO year directive '%G' and a weekday "
                             "directive ('%A', '%a', '%w', or '%u').")
        raise ValueError("ISO week directive '%V' is incompatible with the "
                         "year directive '%Y'. Use the ISO year '%G' "
                         "instead.")

    leap_year_fix = False
    if year is None and month == 2 and day == 29:
        year = 1904
        leap_year_fix = True
    elif year is None:
        year = 1900

    if julian is None and weekday is not None:
        if week_of_year is not None:
            julian = _julian_from_u_or_w(year, week_of_year, weekday,
                                         week_monday)
        elif iso_year is not None and iso_week is not None:
            y, m, d = _from_iso_calendar(iso_year, iso_week, weekday + 1)
            year = y
            julian = _ymd2ord(y, m, d) - _ymd2ord(y, 1, 1) + 1
        if julian is not None and julian <= 0:
            year -= 1
            julian += 366 if _is_leap(year) else 365

    if julian is None:
        year, month, day = _check_date_fields(year, month, day)
    else:
        n = julian - 1 + _ymd2ord(year, 1, 1)
        if not 0 < n <= _MAXORDINAL:
            raise ValueError("year %d is out of range" % _ord2ymd(n)[0]
                             if n > 0 else "ordinal must be >= 1")
        year, month, day = _ord2ymd(n)
    if leap_year_fix:
        year = 1900
    tz = None
    if gmtoff is not None:
        delta = timedelta(seconds=gmtoff, microseconds=gmtoff_fraction)
        tz = timezone(delta, tzname) if tzname else timezone(delta)
    return year, month, day, hour, minute, second, fraction, tz


def _strptime_datetime(cls, data, fmt):
    fields = _strptime_fields(data, fmt)
    return cls(*fields)


__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo",
           "MINYEAR", "MAXYEAR", "UTC")
