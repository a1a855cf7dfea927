# timezone, tzinfo subclasses, aware/naive arithmetic and comparison, astimezone
from datetime import datetime, date, time, timedelta, timezone, tzinfo, UTC

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        msg = str(e)
        if msg.startswith("unsupported operand"):
            msg = "unsupported operand"  # aio-py omits the module in these type names
        print(type(e).__name__ + ":", msg)

print(repr(timezone.utc), str(timezone.utc), UTC is timezone.utc, timezone(timedelta(0)) is timezone.utc)
for tz in [timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-8), "PST"),
           timezone(timedelta(seconds=-1)), timezone(timedelta(minutes=90, seconds=5, microseconds=7)),
           timezone(timedelta(0), "Zulu"), timezone.min, timezone.max]:
    print(repr(tz), str(tz), tz.utcoffset(None), tz.tzname(None), tz.dst(None), tz.tzname(datetime(2020, 1, 1)))
print(timezone(timedelta(hours=1)) == timezone(timedelta(hours=1), "X"), timezone(timedelta(hours=1)) != timezone.utc)
print(hash(timezone(timedelta(hours=1))) == hash(timezone(timedelta(hours=1), "Y")))
print(timezone.utc == "UTC", isinstance(timezone.utc, tzinfo))
show(lambda: timezone(1))
show(lambda: timezone(None))
show(lambda: timezone(timedelta(hours=24)))
show(lambda: timezone(-timedelta(hours=24)))
show(lambda: timezone(timedelta(hours=1), 5))
show(lambda: timezone.utc.utcoffset(5))
show(lambda: timezone.utc.fromutc(datetime(2020, 1, 1)))
show(lambda: timezone.utc.fromutc(5))
show(lambda: timezone(timedelta(hours=2)).fromutc(datetime(2020, 1, 1, tzinfo=timezone.utc)))
tz2 = timezone(timedelta(hours=2))
print(tz2.fromutc(datetime(2020, 1, 1, 23, tzinfo=tz2)))

class Fixed(tzinfo):
    def __init__(self, minutes, name):
        self.off = timedelta(minutes=minutes)
        self.name = name
    def utcoffset(self, dt):
        return self.off
    def tzname(self, dt):
        return self.name
    def dst(self, dt):
        return timedelta(0)
    def __repr__(self):
        return "Fixed(%r)" % self.name

class EST5EDT(tzinfo):
    # US rules since 2007: DST from second Sunday of March to first Sunday of November, at 2:00
    def _dst_range(self, year):
        start = datetime(year, 3, 8, 2)
        start += timedelta(days=(6 - start.weekday()) % 7)
        end = datetime(year, 11, 1, 1)
        end += timedelta(days=(6 - end.weekday()) % 7)
        return start, end
    def dst(self, dt):
        if dt is None:
            return timedelta(0)
        start, end = self._dst_range(dt.year)
        naive = dt.replace(tzinfo=None)
        return timedelta(hours=1) if start <= naive < end else timedelta(0)
    def utcoffset(self, dt):
        return timedelta(hours=-5) + self.dst(dt)
    def tzname(self, dt):
        return "EDT" if self.dst(dt) else "EST"

eastern = EST5EDT()
cet = Fixed(60, "CET")
for u in [datetime(2021, 1, 15, 12, tzinfo=timezone.utc), datetime(2021, 7, 15, 12, tzinfo=timezone.utc),
          datetime(2021, 3, 14, 6, 59, tzinfo=timezone.utc), datetime(2021, 3, 14, 7, 0, tzinfo=timezone.utc)]:
    e = u.astimezone(eastern)
    print(e, e.tzname(), e.dst(), e.utcoffset(), u.astimezone(cet), e.astimezone(timezone.utc) == u, e == u)
    print(" ", e.strftime("%Y-%m-%d %H:%M %Z %z"), repr(u.astimezone(timezone(timedelta(hours=9)))), e.timetuple()[8])

a = datetime(2021, 5, 1, 12, tzinfo=timezone.utc)
b = datetime(2021, 5, 1, 14, tzinfo=timezone(timedelta(hours=2)))
c = datetime(2021, 5, 1, 12, tzinfo=cet)
n = datetime(2021, 5, 1, 12)
print(a == b, a < b, a <= b, hash(a) == hash(b), a - b, c - a, a - c, c > a, a != c)
print(b - timedelta(hours=3), b + timedelta(days=1, microseconds=1), repr(b - timedelta(hours=3)))
print(n == a, n != a, a == n, n == n.replace(), n == date(2021, 5, 1), date(2021, 5, 1) == n, n != date(2021, 5, 1))
show(lambda: n < a)
show(lambda: a >= n)
show(lambda: n - a)
show(lambda: a - n)
show(lambda: n < date(2021, 5, 1))
show(lambda: date(2021, 5, 1) < n)
show(lambda: date(2021, 5, 1) - n)
show(lambda: n - date(2021, 5, 1))
same1 = datetime(2021, 3, 14, 1, tzinfo=eastern)
same2 = datetime(2021, 3, 14, 4, tzinfo=eastern)
print(same2 - same1, (same2.astimezone(timezone.utc) - same1.astimezone(timezone.utc)))
print(time(12, tzinfo=timezone.utc) == time(14, tzinfo=timezone(timedelta(hours=2))),
      time(12, tzinfo=timezone.utc) < time(13, tzinfo=timezone(timedelta(hours=2))),
      time(12) == time(12, tzinfo=timezone.utc), time(1) < time(2), time(1, 2, 3, 4) > time(1, 2, 3))
print(hash(time(12, tzinfo=timezone.utc)) == hash(time(14, tzinfo=timezone(timedelta(hours=2)))))
show(lambda: time(12) < time(12, tzinfo=timezone.utc))
print(repr(datetime.combine(date(2020, 1, 1), time(1, 2, tzinfo=cet))), repr(datetime.combine(date(2020, 1, 1), time(1, 2), timezone.utc)))
print(repr(datetime.combine(date(2020, 1, 1), time(1, 2, tzinfo=cet), tzinfo=None)))
dt = datetime(2020, 2, 3, 4, 5, 6, 7, tzinfo=cet)
print(repr(dt.replace(tzinfo=None)), repr(dt.replace(hour=0, fold=1)), repr(dt.timetz()), repr(dt.time()), repr(dt.date()))
print(dt.utcoffset(), dt.dst(), dt.tzname(), dt.isoformat(), str(dt.timetz()), dt.timetz().utcoffset())
print(datetime(2020, 1, 1, tzinfo=timezone.utc).timestamp(), datetime(1969, 12, 31, 23, 59, 59, 500000, tzinfo=timezone.utc).timestamp())
print(datetime(2038, 1, 19, 3, 14, 8, tzinfo=timezone(timedelta(hours=1))).timestamp())

class Bad(tzinfo):
    def __init__(self, v):
        self.v = v
    def utcoffset(self, dt):
        return self.v
    def tzname(self, dt):
        return self.v
    def dst(self, dt):
        return self.v
for v in [5, timedelta(hours=25), "x", None]:
    x = datetime(2020, 1, 1, tzinfo=Bad(v))
    show(x.utcoffset)
    show(x.dst)
    show(x.tzname)
    show(lambda: str(x))
show(lambda: tzinfo().utcoffset(None))
show(lambda: tzinfo().dst(None))
show(lambda: tzinfo().tzname(None))
show(lambda: datetime(2020, 1, 1, tzinfo=tzinfo()).utcoffset())
show(lambda: datetime(2020, 1, 1, tzinfo=5))
show(lambda: time(tzinfo="UTC"))
show(lambda: datetime(2020, 1, 1).astimezone(5))
show(lambda: datetime(2020, 1, 1, tzinfo=timezone.utc).astimezone(timezone.utc) is not None)
t30 = time(12, 0, 30, tzinfo=timezone(timedelta(seconds=30)))
t0 = time(12, 0, 0, tzinfo=timezone.utc)
print(t30 == t0, hash(t30) == hash(t0), t30 < time(12, 0, 1, tzinfo=timezone.utc), t30 > time(11, 59, 59, 999999, tzinfo=timezone.utc))
print(time(0, 30, tzinfo=timezone(timedelta(hours=1))) < time(23, 45, tzinfo=timezone.utc),
      time(1, tzinfo=timezone(timedelta(hours=1))) == time(0, tzinfo=timezone.utc))
print(sorted([time(10, tzinfo=timezone(timedelta(hours=h))) for h in (-2, 3, 0)]))
