import math
from fractions import Fraction as F

def t(fn):
    try:
        r = fn()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(repr(r))

a, b = F(1, 3), F(-5, 6)
print(a + b, a - b, a * b, a / b, b / a, a + 1, 1 + a, a - 2, 2 - a, a * 3, 3 * a, a / 4, 4 / a, True + a)
print(a + 0.5, 0.5 + a, a * 1.5, 2.0 / a, a - 0.25, type(a + 0.5).__name__, type(a + 1).__name__)
print(F(7, 3) // 2, F(7, 3) % 2, divmod(F(7, 3), F(1, 2)), F(-7, 3) // 2, F(-7, 3) % 2, 7 // F(2, 3), 7 % F(2, 3))
print(divmod(7, F(2, 3)), F(7, 3) // 1.5, F(7, 3) % 1.5, divmod(F(7, 3), 1.5), 1.5 // F(1, 3), divmod(2.5, F(1, 3)))
print(F(7, 3) % F(-1, 2), F(-7, 3) // F(-1, 2), divmod(F(-7, 3), F(2, 5)), F(5) // F(2))
print(F(2, 3) ** 2, F(2, 3) ** -2, F(-2, 3) ** -3, F(-2, 3) ** 3, F(5) ** 0, F(0) ** 0, F(1, 2) ** F(2), F(2) ** F(-2))
print(F(1, 2) ** 0.5, 2 ** F(1, 2), F(4) ** F(1, 2), 2 ** F(2), 4 ** F(-1), 2.0 ** F(3), type(2 ** F(2)).__name__)
print(-a, +a, abs(b), abs(F(3, 7)), -F(0))
t(lambda: F(3, 4) / 0)
t(lambda: F(6, 4) / F(0, 2))
t(lambda: F(-3, 4) / 0)
t(lambda: F(0, 4) / 0)
t(lambda: 3 / F(0))
t(lambda: F(0) ** -1)
t(lambda: F(0, 5) ** -2)
t(lambda: F(-3, 5) ** -2)
t(lambda: F(1, 2) // 0)
t(lambda: divmod(F(1, 2), 0))
t(lambda: F(1, 2) + "x")
t(lambda: "x" * F(1, 2))
t(lambda: F(1, 2) < "x")
t(lambda: F(1, 2) == "x")
t(lambda: F(1, 2) + None)
# sums stay exact
total = F(0)
for k in range(1, 21):
    total += F(1, k * (k + 1))
print(total, sum([F(1, 2), F(1, 3), F(1, 6)]), sum(F(1, 2 ** k) for k in range(1, 11)))
h = F(0)
for k in range(1, 16):
    h += F(1, k)
print(h, float(h))
# rounding
for x in [F(7, 2), F(5, 2), F(-5, 2), F(-7, 2), F(1, 3), F(-1, 3), F(2, 3), F(-2, 3), F(10), F(-10), F(0)]:
    print(x, round(x), math.floor(x), math.ceil(x), math.trunc(x), int(x), float(x), type(round(x)).__name__)
print(round(F(1234, 100), 1), round(F(1234, 100), -1), round(F(15, 1), -1), round(F(25), -1), round(F(-125, 1000), 2), round(F(1, 3), 3), round(F(1, 3), 0))
print(bool(F(0)), bool(F(1, 9)), float(F(1, 3)), float(F(-22, 7)), int(F(-7, 2)), int(F(7, 2)))
