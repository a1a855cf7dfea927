# The kind of code tutorials write with datetime
import datetime as dt
from datetime import date, datetime, timedelta, timezone, time
import json

birthday = date(1990, 7, 15)
today = date(2024, 3, 10)
age = today.year - birthday.year - ((today.month, today.day) < (birthday.month, birthday.day))
print("age:", age)
next_bday = birthday.replace(year=today.year)
if next_bday < today:
    next_bday = next_bday.replace(year=today.year + 1)
print("days to birthday:", (next_bday - today).days)

start = datetime(2024, 1, 29, 9, 0)
for i in range(5):
    slot = start + timedelta(days=i, minutes=45 * i)
    print(f"{slot:%a %d %b %Y %H:%M} -> {slot.isoformat()}  week {slot.isocalendar().week}")

log = """2024-03-01 12:00:01,120 INFO start
2024-03-01 12:00:03,870 WARN slow
2024-03-01 12:01:00,005 INFO done"""
stamps = []
for line in log.splitlines():
    when = datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f")
    stamps.append(when)
    print(when.time(), line[24:])
print("elapsed:", stamps[-1] - stamps[0], (stamps[-1] - stamps[0]).total_seconds())
print([str(b - a) for a, b in zip(stamps, stamps[1:])])

d = date(2024, 1, 1)
months = []
while d.year == 2024:
    months.append(d.strftime("%b"))
    d = (d.replace(day=28) + timedelta(days=4)).replace(day=1)
print(months)
def last_day(y, m):
    nxt = date(y + m // 12, m % 12 + 1, 1)
    return (nxt - timedelta(days=1)).day
print([last_day(2023, m) for m in range(1, 13)], [last_day(2024, m) for m in (2,)])

mondays = [date(2024, 3, 1) + timedelta(days=k) for k in range(31) if (date(2024, 3, 1) + timedelta(days=k)).weekday() == 0]
print(mondays)
print(dt.MINYEAR, dt.MAXYEAR, dt.timezone.utc, dt.UTC)

deadline = datetime(2024, 3, 15, 17, 0, tzinfo=timezone.utc)
now = datetime(2024, 3, 10, 8, 30, 15, tzinfo=timezone(timedelta(hours=-5)))
left = deadline - now
h, rem = divmod(left.seconds, 3600)
m, s = divmod(rem, 60)
print(f"{left.days} days, {h} hours, {m} minutes, {s} seconds", left)
print(now.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), deadline.astimezone(timezone(timedelta(hours=9))).isoformat())

record = {"when": datetime(2024, 3, 10, 8, 30), "day": date(2024, 3, 10)}
print(json.dumps(record, default=str), json.dumps(record, default=lambda o: o.isoformat()))
print(datetime.fromisoformat(json.loads(json.dumps(record, default=str))["when"]))

events = [("b", datetime(2024, 1, 2, 10)), ("a", datetime(2024, 1, 1, 23)), ("c", datetime(2024, 1, 2, 9, 59))]
print([n for n, _ in sorted(events, key=lambda e: e[1])])
from collections import defaultdict
byday = defaultdict(list)
for n, w in events:
    byday[w.date()].append(n)
print(sorted(byday.items()))

durations = [timedelta(minutes=25), timedelta(hours=1, minutes=5), timedelta(seconds=95)]
total = sum(durations, timedelta())
print(total, total / len(durations), total // timedelta(minutes=1), max(durations) - min(durations))
print(timedelta(hours=1.5) * 3, round(total.total_seconds() / 3600, 2))

t = time(14, 30)
print(t.strftime("%I:%M %p"), t.replace(minute=0), datetime.combine(date(2024, 5, 5), t).timestamp() > 0)
print(date(2024, 3, 10).timetuple().tm_yday, date(2024, 3, 10).timetuple().tm_wday, tuple(date(2024, 3, 10).timetuple()))
print(date(2024, 3, 10).timetuple())
print(datetime(2024, 3, 10, 1, 2, 3, tzinfo=timezone.utc).utctimetuple())
print("%s | %r" % (datetime(2024, 1, 1, 0, 0), date(2024, 1, 1)))
print("{:%H:%M}".format(datetime(2024, 1, 1, 5, 7)), "{!s:>12}|".format(date(2024, 1, 1)))
