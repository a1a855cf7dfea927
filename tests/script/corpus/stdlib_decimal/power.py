# Integral powers at many precisions and rounding modes, including huge exponents,
# overflow and underflow, and exact results with their ideal exponents.
from decimal import (Decimal as D, Context, ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR,
                     ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP, InvalidOperation,
                     localcontext)

MODES = [ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, ROUND_HALF_DOWN,
         ROUND_HALF_EVEN, ROUND_05UP]


def fl(c):
    return "".join(k.__name__[:2] for k in c.flags if c.flags[k])


bases = ["2", "-2", "1.1", "0.9", "-1.5", "10", "0.1", "1.0", "2.50", "7", "3.14159", "1E+5",
         "1E-5", "0.99999", "123456789", "-0.5", "1", "-1"]
exps = [0, 1, 2, 3, 5, 10, 17, 31, 64, 100, 1000, 12345, -1, -2, -3, -7, -10, -100, -999]
for prec in [3, 9, 28]:
    for mode in [ROUND_HALF_EVEN, ROUND_DOWN, ROUND_UP]:
        for b in bases:
            row = []
            for e in exps:
                c = Context(prec=prec, rounding=mode, traps=[])
                row.append(str(c.power(D(b), e)) + "/" + fl(c))
            print(prec, mode[6:], b, " ".join(row))
for mode in MODES:
    c = Context(prec=5, rounding=mode, Emin=-20, Emax=20, traps=[])
    print(mode, [str(c.power(D(x), n)) for x, n in [("9", 30), ("-9", 31), ("0.1", 30), ("-0.5", 71),
                                                      ("3", -45), ("1.5", 113), ("2", -67), ("7", 23)]], fl(c))
print(D(2) ** D(10), D(2) ** D("10.0"), D(4) ** D("1E+1"), 3 ** D(4), D("1.5") ** -1)
print(D(0) ** 3, D("-0") ** 3, D("-0") ** 2, D(0) ** -2, D("-0") ** -3, D("inf") ** 2,
      D("-inf") ** 3, D("-inf") ** -3, D("inf") ** -1, D("nan") ** 2, D(1) ** D("nan"))
for a, b in [(0, 0), (-2, D("0.5")), (D("-inf"), D("0.5"))]:
    try:
        print(D(a) ** b)
    except InvalidOperation as e:
        print("InvalidOperation", e)
with localcontext(prec=50) as c:
    print(D(2) ** 200, D(3) ** -50, D("1.0001") ** 10000)
print(D("1.1") ** 1000000, D("1.1") ** -1000000)
