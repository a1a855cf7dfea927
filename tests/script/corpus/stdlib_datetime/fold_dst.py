# PEP 495 fold with a DST-aware tzinfo: offsets, conversion, equality and hashing
from datetime import datetime, timedelta, timezone, tzinfo

HOUR = timedelta(hours=1)

class Eastern(tzinfo):
    # DST from second Sunday of March 2:00 to first Sunday of November 2:00 (fold-aware)
    def _bounds(self, year):
        start = datetime(year, 3, 8, 2)
        start += timedelta(days=(6 - start.weekday()) % 7)
        end = datetime(year, 11, 1, 2)
        end += timedelta(days=(6 - end.weekday()) % 7)
        return start, end
    def dst(self, dt):
        if dt is None:
            return timedelta(0)
        start, end = self._bounds(dt.year)
        naive = dt.replace(tzinfo=None)
        if start + HOUR <= naive < end - HOUR:
            return HOUR
        if end - HOUR <= naive < end:
            return timedelta(0) if dt.fold else HOUR
        if start <= naive < start + HOUR:
            return HOUR if dt.fold else timedelta(0)
        return timedelta(0)
    def utcoffset(self, dt):
        return -5 * HOUR + self.dst(dt)
    def tzname(self, dt):
        return "EDT" if self.dst(dt) else "EST"
    def fromutc(self, dt):
        start, end = self._bounds(dt.year)
        start = start.replace(tzinfo=self) + 5 * HOUR
        end = end.replace(tzinfo=self) + 4 * HOUR
        naive = dt.replace(tzinfo=None)
        s, e = start.replace(tzinfo=None), end.replace(tzinfo=None)
        std = dt - 5 * HOUR
        if s <= naive < e - HOUR:
            return dt - 4 * HOUR
        if e - HOUR <= naive < e:
            return (dt - 5 * HOUR).replace(fold=1)
        return std
    def __repr__(self):
        return "Eastern()"

ET = Eastern()
for h in range(3, 9):
    u = datetime(2021, 11, 7, h, 30, tzinfo=timezone.utc)
    e = u.astimezone(ET)
    print(u.time(), "->", e, e.fold, e.tzname(), repr(e), e.astimezone(timezone.utc) == u)
a0 = datetime(2021, 11, 7, 1, 30, tzinfo=ET)
a1 = a0.replace(fold=1)
print(a0.utcoffset(), a1.utcoffset(), a0 == a1, a0 - a1, a1 - a0)
u0 = a0.astimezone(timezone.utc)
u1 = a1.astimezone(timezone.utc)
print(u0, u1, u1 - u0, a0 == u0, a1 == u1, a0 != u0, u0 == a0)
print(hash(a0) == hash(a1), a0 < u1, a1 > u0)
b = datetime(2021, 11, 7, 3, 30, tzinfo=ET)
print(b == b.astimezone(timezone.utc), b.replace(fold=1) == b.astimezone(timezone.utc))
gap = datetime(2021, 3, 14, 2, 30, tzinfo=ET)
print(gap.utcoffset(), gap.replace(fold=1).utcoffset(), gap == gap.astimezone(timezone.utc))
try:
    class Sub(timezone):
        pass
except TypeError as e:
    print("TypeError:", e)
