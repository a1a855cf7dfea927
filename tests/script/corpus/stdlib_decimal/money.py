# quantize, rounding to cents, round(), int/float conversions and __format__.
from decimal import Decimal as D, ROUND_HALF_UP, ROUND_DOWN, ROUND_CEILING, InvalidOperation, localcontext

cents = D("0.01")
prices = ["19.99", "5.005", "2.675", "1234567.891", "-0.005", "0.125", "100", "3.14159", "7.5"]
total = D(0)
for p in prices:
    d = D(p)
    total += d
    print(p, d.quantize(cents), d.quantize(cents, rounding=ROUND_HALF_UP),
          d.quantize(D("1."), rounding=ROUND_DOWN), d.quantize(D("1E+1")), d.quantize(D("0.1"), ROUND_CEILING))
print("total", total, total.quantize(cents))
tax = (total * D("0.0825")).quantize(cents, ROUND_HALF_UP)
print("tax", tax, "grand", total + tax)
for bad in [(D("1E+30"), cents), (D("inf"), cents), (D(1), D("inf")), (D("1E+999998"), D("1E-10"))]:
    try:
        print(bad[0].quantize(bad[1]))
    except InvalidOperation as e:
        print("InvalidOperation", e)
print(D("inf").quantize(D("-inf")), D("nan").quantize(D(1)))

for v in ["2.5", "3.5", "-2.5", "2.675", "1234.5678", "-0.5", "0.4999", "1E+3", "-7.000001"]:
    d = D(v)
    print(v, round(d), round(d, 2), round(d, 0), round(d, -1), int(d), float(d),
          d.__floor__(), d.__ceil__(), d.__trunc__(), type(round(d)).__name__)
import math
print(math.floor(D("-1.5")), math.ceil(D("-1.5")), math.trunc(D("-1.5")))
for bad in ["nan", "inf", "-inf", "snan"]:
    for fn in (int, round, float):
        try:
            print(bad, fn.__name__, fn(D(bad)))
        except (ValueError, OverflowError) as e:
            print(bad, fn.__name__, type(e).__name__, e)

specs = [".2f", ",.2f", "f", "e", ".3e", "E", "g", ".3g", "G", "%", ".1%", ">12.2f", "<12.2f",
         "^12.2f", "*^14,.2f", "012.2f", "+.2f", " .2f", "=+12.1f", "010,.1f", "", "15", "z.2f",
         "-.3f", ".0f", ".0e", ".0%", "n", ".2n", "F", "12", "_<10", "0>8.1f"]
values = ["1234.5678", "-1234.5678", "0", "-0", "0.000123", "1E+10", "-1E-10", "123456789.987654321",
          "inf", "-nan", "0.005", "-0.004", "999.995", "1.00"]
for s in specs:
    row = []
    for v in values:
        try:
            row.append(format(D(v), s))
        except ValueError as e:
            row.append("ValueError:" + str(e))
    print(repr(s), "|".join(row))
for bad in ["_f", "#f", ".f", "x", "2.2.2f"]:
    try:
        print(format(D(1), bad))
    except ValueError as e:
        print(repr(bad), "ValueError", e)
print("{:,.2f} {:>10} {:.1e} {!r} {}".format(D("1234567.125"), D("3.5"), D("12345"), D("1.0"), D("-0.0")))
print(f"{D('2.5'):08.3f} {D('1e3'):,} {D('1234.5'):,}")
with localcontext(rounding=ROUND_HALF_UP):
    print(format(D("2.345"), ".2f"), format(D("2.5"), ".0f"), round(D("2.5")), round(D("2.345"), 2))
with localcontext(capitals=0):
    print(format(D("1E+10"), ""), format(D("1E+10"), ".3"), str(D("1E+10")))
print("%s %r %.2f" % (D("1.5"), D("1.5"), D("1.555")))
for s in ["<08", "^09", "=+010", "x=+10", "08", ">08", "0=8", "0<8", "0^9"]:
    for v in ["inf", "1.5", "-nan", "-2.25"]:
        try:
            print(repr(s), v, repr(format(D(v), s)))
        except ValueError as e:
            print(repr(s), v, "ValueError", e)
