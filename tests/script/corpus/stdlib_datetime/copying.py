# copy / deepcopy of datetime values, attribute immutability, fold/tzinfo reprs
import copy
from datetime import datetime, date, timedelta, timezone, time
d = datetime(2020, 1, 2, 3, tzinfo=timezone.utc)
for x in (d, date(2020, 1, 1), timedelta(5), time(1, 2), timezone(timedelta(hours=1), "A")):
    c = copy.copy(x); dc = copy.deepcopy(x)
    print(repr(c), repr(dc), c == x, dc == x)
print(copy.deepcopy({"a": [d]}))
try:
    d.year = 5
except AttributeError as e:
    print("AttributeError")
print(datetime.__module__ if False else "", date.__name__, datetime.__mro__[1].__name__)
print(issubclass(datetime, date), isinstance(timezone.utc, timezone))
from datetime import tzinfo
class Z(tzinfo):
    def utcoffset(self, dt): return timedelta(hours=2)
    def __repr__(self): return "Z()"
z = Z()
a = datetime(2020, 1, 1, tzinfo=z)
b = copy.deepcopy(a); c = copy.copy(a)
print(repr(b), b.tzinfo is z, c.tzinfo is z, b == a, c is a, b is a)
t = time(1, tzinfo=z, fold=1)
print(repr(copy.deepcopy(t)), copy.deepcopy(t).tzinfo is z, copy.copy(t).tzinfo is z, repr(copy.copy(datetime(2020,1,1,fold=1))))
print(copy.deepcopy(timezone.utc) is timezone.utc, copy.copy(timedelta(1)) == timedelta(1))
class M(datetime):
    pass
def tryset(obj, n):
    try:
        setattr(obj, n, 1)
        print("ok", getattr(obj, n))
    except AttributeError as e:
        print("AttributeError:", e)
for obj, n in [(date(2020, 1, 1), "year"), (datetime(2020, 1, 1), "year"), (datetime(2020, 1, 1), "hour"),
               (datetime(2020, 1, 1), "fold"), (time(), "tzinfo"), (time(), "minute"), (timedelta(1), "days"),
               (timedelta(1), "x"), (timezone.utc, "x"), (date(2020, 1, 1), "foo"), (M(2020, 1, 1), "year"),
               (M(2020, 1, 1), "foo"), (tzinfo(), "a"), (Z(), "a"), (date(2020, 1, 1), "_year"), (time(), "label")]:
    tryset(obj, n)
try:
    del date(2020, 1, 1).year
except AttributeError as e:
    print("AttributeError:", e)
