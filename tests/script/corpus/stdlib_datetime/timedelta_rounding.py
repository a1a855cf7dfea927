# timedelta float components and float multiply/divide round half-even like CPython
from datetime import timedelta
vals = []
x = 0.0
for i in range(1, 60):
    x = (x * 7.31 + i * 0.123457) % 1000.0
    vals.append(round(x, (i % 9)) - 300.0)
vals += [0.5, 1.5, 2.5, -0.5, -1.5, 1e-6, 5e-7, 1.5e-6, 2.5e-6, 0.1, 0.2, 0.3, 1 / 3, -2 / 3, 123.456789, 1e5 + 0.5e-6]
for v in vals:
    print(v, repr(timedelta(seconds=v)), repr(timedelta(microseconds=v)), repr(timedelta(milliseconds=v)))
    print("  ", repr(timedelta(minutes=v)), repr(timedelta(hours=v / 10)), repr(timedelta(days=v / 1000)), repr(timedelta(weeks=v / 1e4)))
    print("  ", repr(timedelta(seconds=v, microseconds=v, milliseconds=-v)))
base = [timedelta(microseconds=1), timedelta(microseconds=3), timedelta(seconds=1), timedelta(days=1, microseconds=7),
        timedelta(hours=-5, microseconds=11), timedelta(days=3, seconds=5, microseconds=999999)]
for b in base:
    for f in (0.5, 1.5, 2.5, 0.1, 0.3, 1 / 3, -0.75, 3.0, 1e-3, 7.77):
        print(repr(b * f), repr(b / f), end=" | ")
    for n in (2, 3, -4, 7, 1000000):
        print(repr(b / n), repr(b // n), end=" | ")
    print()
