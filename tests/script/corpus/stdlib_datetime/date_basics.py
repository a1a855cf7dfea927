# date: construction, ordinals, calendars, formatting, arithmetic, comparison
from datetime import date, timedelta, MINYEAR, MAXYEAR
print(MINYEAR, MAXYEAR, date.min, date.max, repr(date.resolution))
d = date(2024, 2, 29)
print(repr(d), str(d), d.year, d.month, d.day, d.isoformat(), d.ctime())
print(d.toordinal(), date.fromordinal(d.toordinal()), date.fromordinal(1), date.fromordinal(3652059))
for y, m, dd in [(1, 1, 1), (1900, 3, 1), (2000, 2, 29), (2020, 12, 31), (2021, 1, 1), (2026, 12, 7),
                 (2004, 12, 27), (2005, 1, 2), (2008, 12, 29), (2010, 1, 3), (9999, 12, 31), (1582, 10, 15)]:
    x = date(y, m, dd)
    ic = x.isocalendar()
    print(x, x.toordinal(), x.weekday(), x.isoweekday(), tuple(ic), ic.year, ic.week, ic.weekday, repr(ic))
    assert date.fromordinal(x.toordinal()) == x
    print(date.fromisocalendar(*ic) == x, x.timetuple()[:], x.ctime())
for n in range(1, 800000, 65537):
    x = date.fromordinal(n)
    assert x.toordinal() == n
print(date.fromordinal(730120), date.fromordinal(738000))
print(date.fromisocalendar(2020, 53, 7), date.fromisocalendar(2021, 1, 1), date.fromisocalendar(2015, 53, 1))
print(d.replace(year=2025, day=28), d.replace(month=3), d.replace())
print(d + timedelta(days=1), d - timedelta(days=366), timedelta(days=10) + d, d + timedelta(hours=47))
print(d - date(2000, 1, 1), date(2000, 1, 1) - d, repr(d - d))
print(d - timedelta(seconds=1), d + timedelta(seconds=-1))
print(d == date(2024, 2, 29), d != date(2024, 2, 29), d < date(2024, 3, 1), d > date(2024, 3, 1), d >= d)
print(d == "2024-02-29", d != 5)
print(sorted([date(2020, 5, 1), date(2019, 1, 1), date(2020, 1, 31)]))
print(hash(d) == hash(date(2024, 2, 29)), {d: 1}[date(2024, 2, 29)])
print(date.fromisoformat("2021-03-04"), date.fromisoformat("20210304"), date.fromisoformat("2021-W09-4"),
      date.fromisoformat("2021W094"), date.fromisoformat("2021-W01"), date.fromisoformat("2021W01"))
print(format(d), format(d, "%d/%m/%Y"), f"{d:%A %d %B %Y}", f"{d}", "{:%j}".format(d))
class MyDate(date):
    pass
md = MyDate(2020, 1, 2)
print(repr(md), type(md + timedelta(1)).__name__, type(MyDate.fromordinal(5)).__name__, md.replace(day=3))
print(type(md.replace(day=3)).__name__, md == date(2020, 1, 2))
print(date(2020, 1, 1).strftime("%U %W %j %a %A %w %u"), date(2023, 1, 1).strftime("%U %W %V %G %j"))
