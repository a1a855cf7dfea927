# timedelta: normalisation, float rounding, arithmetic, str/repr
from datetime import timedelta

cases = [
    timedelta(), timedelta(1), timedelta(-1), timedelta(seconds=-1),
    timedelta(microseconds=-1), timedelta(days=1, seconds=3661, microseconds=5),
    timedelta(weeks=2, hours=-3), timedelta(minutes=90), timedelta(milliseconds=1500),
    timedelta(seconds=0.5), timedelta(microseconds=0.5), timedelta(microseconds=1.5),
    timedelta(microseconds=2.5), timedelta(microseconds=-0.5), timedelta(days=0.1),
    timedelta(hours=1.25), timedelta(seconds=1e-7), timedelta(days=1.5, seconds=0.25),
    timedelta(weeks=0.3), timedelta(minutes=-1.75), timedelta(days=-2, hours=50),
    timedelta(seconds=86399, microseconds=1000000), timedelta(True),
]
for td in cases:
    print(repr(td), "|", str(td), "|", td.days, td.seconds, td.microseconds, td.total_seconds())

print(repr(timedelta.min), str(timedelta.min))
print(repr(timedelta.max), str(timedelta.max))
print(repr(timedelta.resolution))

a = timedelta(days=3, hours=4, minutes=5, seconds=6, microseconds=7)
b = timedelta(hours=30, microseconds=999999)
print(a + b, a - b, b - a, -a, +a, abs(-a), abs(a))
print(a * 2, 2 * a, a * -1, a * 0, a * 1.5, 0.25 * a, a * 0.1)
print(a / 2, a / 3, a / 0.5, a / 7.0, a / b, b / a)
print(a // 2, a // 7, a // b, b // a, a // timedelta(hours=1))
print(a % b, divmod(a, b), divmod(-a, b), (-a) % b)
print(timedelta(microseconds=3) / 2, timedelta(microseconds=5) / 2, timedelta(microseconds=-5) / 2)
print(timedelta(microseconds=7) // 2, timedelta(microseconds=-7) // 2)
print(timedelta(hours=1) / timedelta(minutes=7))
print(a == b, a != b, a < b, a > b, a <= a, a >= b, a == a * 1)
print(timedelta(hours=24) == timedelta(days=1), timedelta(0) == 0, timedelta(0) != "x")
print(bool(timedelta(0)), bool(timedelta(microseconds=1)), bool(-timedelta(1)))
print(hash(timedelta(hours=24)) == hash(timedelta(days=1)))
print(sorted([b, a, -a, timedelta(0)]))
print(sum([timedelta(minutes=m) for m in range(10)], timedelta()))
print(max(a, b), min(a, b))
d = {timedelta(1): "one", timedelta(hours=48): "two"}
print(d[timedelta(hours=24)], d[timedelta(days=2)])
print(timedelta(days=999999999) - timedelta(days=1))
print(str(timedelta(days=-3, seconds=5)), str(timedelta(days=2, microseconds=10)))
print(timedelta(seconds=3600).total_seconds(), timedelta(microseconds=1).total_seconds())
print(timedelta(1, 2, 3, 4, 5, 6, 7))
