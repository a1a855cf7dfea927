# Sweep the calendar: ordinals, weekdays, ISO weeks and week-number directives across the whole range
from datetime import date, datetime, timedelta
for y in list(range(1, 10000, 97)) + [1600, 1700, 1800, 1900, 2000, 2100, 2400, 9999]:
    a, b = date(y, 1, 1), date(y, 12, 31)
    f = "%j %U %W %V %G %u %w %a"
    print(y, a.toordinal(), b.toordinal(), tuple(a.isocalendar()), tuple(b.isocalendar()), a.strftime(f), b.strftime(f),
          date(y, 2, 28) + timedelta(1), (date(y, 3, 1) - date(y, 2, 1)).days)
d = date(2019, 12, 20)
out = []
for i in range(800):
    ic = d.isocalendar()
    out.append("%s:%d-%d-%d:%s" % (d.strftime("%m%d"), ic[0] % 100, ic[1], ic[2], d.strftime("%U%W%j")))
    assert date.fromisocalendar(*ic) == d
    assert datetime.strptime(d.strftime("%G-%V-%u"), "%G-%V-%u").date() == d
    assert datetime.strptime(d.strftime("%Y %U %w"), "%Y %U %w").date() == d, d
    assert datetime.strptime(d.strftime("%Y %W %a"), "%Y %W %a").date() == d, d
    assert datetime.strptime(d.strftime("%Y %j"), "%Y %j").date() == d
    d += timedelta(days=1)
for k in range(0, 800, 20):
    print(" ".join(out[k:k + 20]))
n = 1
while n < 3652059:
    x = date.fromordinal(n)
    assert x.toordinal() == n and date(x.year, x.month, x.day) == x
    n += 7919
print("ordinals ok", date.fromordinal(n - 7919))
