# Comparisons with Decimal/int/float, hashing, max/min/compare, copy_*, sorting, misc methods.
from decimal import Decimal as D, getcontext, localcontext
import fractions

vals = [D("1"), D("1.0"), D("1.00"), D("-0"), D("0"), D("0E+5"), D("2.5"), D("-2.5"),
        D("1E+3"), D("1000"), D("0.1"), D("inf"), D("-inf"), D("123456789012345678901234567890")]
for a in vals:
    print(repr(a), [a == b for b in vals].count(True), a < 1, a <= D("1.0"), a > -1, a >= 1000, a == 1,
          a == 1000, a == 0.1, a == 2.5, a != 0)
print(D("0.1") == 0.1, D("0.5") == 0.5, D("1E+400") == float("inf"), D("inf") == float("inf"),
      D(3) == 3.0, D("nan") == float("nan"), D("-0") == 0.0)
print(D("0.1") < 0.1, D("0.1000000000000000055511151231257827021181583404541015626") > 0.1)
getcontext().clear_flags()

for v in ["1", "1.0", "-1", "0", "-0", "0.5", "2.5", "1E+3", "-1234.5678", "0.1", "1E-30",
          "123456789012345678901234567890", "inf", "-inf", "1E+100", "0.333"]:
    d = D(v)
    print(v, hash(d), hash(d) == hash(float(d)) if d.is_finite() and float(d) == d else "-",
          hash(d) == hash(int(d)) if d.is_finite() and d == int(d) else "-")
print(hash(D("nan")) == hash(D("nan")) or True)
try:
    hash(D("snan"))
except TypeError as e:
    print("TypeError", e)
s = {D("1"), D("1.0"), 1, 1.0, D("0.5"), 0.5}
print(len(s))
d = {D("2.50"): "a"}
print(d[D("2.5")], d.get(2.5))

print(sorted([D("3"), D("-1.5"), D("2.25"), D("0"), D("-0.0"), D("1E+1"), D("0.001")]))
print(max(D("1"), D("2.5")), min([D("3"), D("-7"), D("0.5")]), sum([D("0.1")] * 10), sum([D("0.1")] * 10) == 1)
print(D(2).max(D(3)), D("1").max(D("1.0")), D("-1").min(D("-1.0")), D(0).max(D("-0")),
      D(0).min(D("-0")), D(5).max(D("nan")), D("nan").min(D(5)), D(-3).max_mag(D(2)), D(-3).min_mag(D(2)))
print(D(1).compare(D(2)), D(2).compare(D(2.0)), D(3).compare(D(2)), D("nan").compare(D(1)),
      D(1).compare_total(D("1.0")), D("-0").compare_total(D(0)), D("nan").compare_total(D("inf")),
      D("-nan").compare_total(D("-inf")), D("1.0").compare_total(D("1.00")))
x = D("-3.50")
print(x.copy_abs(), x.copy_negate(), D(2).copy_sign(x), x.copy_sign(D(1)), x.adjusted(),
      D("0.000123").adjusted(), D("1E+5").adjusted(), x.is_signed(), x.conjugate(), x.real, x.imag)
print(D("1.20").normalize(), D("0.00").normalize(), D("1200").normalize(), D("-0E+5").normalize(),
      D("1E+3").normalize(), D("123.4500").normalize(), D("inf").normalize())
print(D("2.17").same_quantum(D("0.01")), D("2.17").same_quantum(D("0.1")), D("inf").same_quantum(D("-inf")))
print(D("7.5").to_integral_value(), D("-7.5").to_integral(), D("8.5").to_integral_exact(), D("1E+2").to_integral_value())
print(bool(D(0)), bool(D("0.00")), bool(D("0.1")), bool(D("nan")), bool(D("-inf")))
print(fractions.Fraction(3, 4) == 0.75, D("0.75").as_integer_ratio(), fractions.Fraction(*D("0.75").as_integer_ratio()))
import copy
x = D("1.50")
print(copy.copy(x) is x, copy.deepcopy(x) is x, x.__reduce__())
class Money(D):
    pass
m = Money("1.25")
print(type(m).__name__, m, repr(m), type(m + 1).__name__, isinstance(m, D))
print(str(D(1) / D(3)), len(str(D(2).sqrt())))
with localcontext(prec=50):
    print(D(2).sqrt(), D(1) / D(97))

# Exact comparisons with fractions.Fraction; arithmetic with them is a TypeError.
from fractions import Fraction as F
print(D("0.5") == F(1, 2), D("0.5") < F(2, 3), F(1, 2) == D("0.5"), F(2, 3) > D("0.5"), D(1) != F(1, 3))
print(hash(D("0.5")) == hash(F(1, 2)), D("0.1") == F(1, 10), D("nan") == F(1, 2), D("-inf") < F(-10 ** 9))
print(D("1E+3") == F(1000), D("1.25E-2") >= F(1, 80), D("-0.125") <= F(-1, 8))
for f in [lambda: D(1) + F(1, 2), lambda: F(1, 2) + D(1), lambda: D(1) * F(1, 2),
          lambda: D("nan") < F(1, 2), lambda: F(1, 2) <= D("inf")]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(F(*D("0.75").as_integer_ratio()))
