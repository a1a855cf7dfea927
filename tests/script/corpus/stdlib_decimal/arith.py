# Arithmetic at several precisions and all rounding modes, with flags after each step.
from decimal import (Decimal as D, getcontext, localcontext, Context, ROUND_UP, ROUND_DOWN,
                     ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, ROUND_HALF_DOWN,
                     ROUND_HALF_EVEN, ROUND_05UP, InvalidOperation, DivisionByZero,
                     Inexact, Rounded, ExtendedContext)

MODES = [ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, ROUND_HALF_DOWN,
         ROUND_HALF_EVEN, ROUND_05UP]


def flags(ctx):
    return ",".join(k.__name__ for k in ctx.flags if ctx.flags[k])


print(D("1.1") + D("2.2"), D("0.1") * 3, D(1) / D(3), D(2) / D(3), D(1) / D(7))
print(D("10") / D("4"), D("1.00") / D("4"), D("100") / D("10"), D("1E+2") / D("1E-2"))
print(D("1.30") + D("1.20"), D("1.3") * D("1.20"), D("7") - D("7.00"), D("-0") + D("0"))
print(D(5) // 2, D(-5) // 2, D(5) % -2, D(-5) % 2, divmod(D(17), D(5)), divmod(D(-17), D("5.0")))
print(D("2.5") ** 2, D(2) ** 10, D(2) ** -3, D("1.5") ** 3, D("-2") ** 5, D("0.1") ** 5)
print(D(3) ** 40, D("1.01") ** 100, D(7) ** -2, D("1.1") ** 30, 2 ** D(3), D(10) ** -5)
print(-D("1.5"), +D("-0"), abs(D("-3.25")), -D("0"), abs(D("-inf")), -D("nan"))
print(D(1) + 2, 3 - D("0.5"), 4 * D("0.25"), 1 / D(8), 7 // D(2), 7 % D(3))
print(D("inf") + 1, D("-inf") * -2, D(1) / D("inf"), D("inf") - D(10 ** 20))
print(D("NaN") + 1, D("nan5") * D("nan6"), D(3).fma(4, 5), D("1.5").fma(D(2), D("-3")))
print(D(16).sqrt(), D(2).sqrt(), D("0.0001").sqrt(), D("1E+11").sqrt(), D("0").sqrt(),
      D("-0.00").sqrt(), D("inf").sqrt(), D("1.44").sqrt(), D("123456789").sqrt())

for prec in [1, 2, 3, 5, 9, 28, 40]:
    with localcontext() as ctx:
        ctx.prec = prec
        print(prec, D(1) / D(3), D(2) / D(3), D("123.456") + D("0.0049"), D("9.995") * 1,
              +D("9.999999999"), D(10) ** 30 + 1, D(2).sqrt(), D(22) / 7, flags(ctx))

vals = ["1.25", "1.35", "-1.25", "-1.35", "1.249", "-1.251", "2.5", "0.05", "-0.051", "1.0501",
        "9.95", "-9.95", "0.0000", "125", "-0.5"]
for mode in MODES:
    ctx = Context(prec=2, rounding=mode)
    out = []
    for v in vals:
        out.append(str(ctx.plus(D(v))))
    print(mode, " ".join(out), flags(ctx))
    out = [str(D(v).quantize(D("0.1"), rounding=mode)) for v in vals]
    print("  quantize", " ".join(out))
    out = [str(D(v).to_integral_value(rounding=mode)) for v in vals]
    print("  integral", " ".join(out))

ctx = getcontext()
ctx.clear_flags()
x = D(1) / D(3)
print(flags(ctx))
ctx.clear_flags()
x = D("1.5") + D("2.5")
print(repr(x), flags(ctx))
ctx.clear_flags()
print(D("1234567890123456789012345678901") + 0, flags(ctx))
ctx.clear_flags()
print(D("12345678901234567890123456789000") * 1, flags(ctx))
ctx.clear_flags()

# Subtraction and addition that cancel, zero signs under ROUND_FLOOR.
for mode in [ROUND_HALF_EVEN, ROUND_FLOOR]:
    with localcontext(rounding=mode) as c:
        print(mode, D(1) - D(1), D("-0") + D("0"), D("-0") - D("0"), D("-0") + D("-0"), D("1.0") - D("1.00"))

# Big exponent gaps.
print(D("1E+100") + D("1E-100"), D("1E-100") + D("1E+100"), D("-1E+50") + D("1E-50"),
      D("1E+30") - D("1"), D("0E-50") + D(1), D("1") + D("0E+50"), D("0E+5") + D("0E-3"))

# Overflow / underflow / subnormal with a small context.
c = Context(prec=3, Emax=9, Emin=-9, traps=[])
for op in [lambda: c.multiply(D("9.99E+9"), 10), lambda: c.multiply(D("1E-9"), D("1E-2")),
           lambda: c.divide(D(1), D("3E+10")), lambda: c.add(D("9.995E+9"), 0),
           lambda: c.multiply(D("1E-9"), D("1E-5")), lambda: c.multiply(D("1E-9"), D("1E-30")),
           lambda: c.plus(D("1.23E-10")), lambda: c.plus(D("1.25E-11"))]:
    c.clear_flags()
    print(op(), flags(c))
for mode in MODES:
    c = Context(prec=3, Emax=9, Emin=-9, traps=[], rounding=mode)
    print(mode, c.multiply(D("9.99E+9"), 10), c.multiply(D("-9.99E+9"), 10))
c = Context(prec=3, Emax=9, Emin=-9, clamp=1, traps=[])
print(c.plus(D("1E+9")), c.plus(D("0E+20")), c.create_decimal("1.2E+9"), flags(c))

# Context methods.
c = ExtendedContext.copy()
print(c.add(1, 2), c.subtract(D("1.3"), D("1.07")), c.multiply(D("1.20"), 3), c.divide(1, 3),
      c.divide(5, 0), c.divide(0, 0), c.divide_int(10, 3), c.remainder(10, 3), c.power(2, 8),
      c.sqrt(2), c.abs(-2), c.minus(3), c.plus(D("1.23456789012")), c.compare(1, 2),
      c.max(1, D("1.0")), c.min(D(-1), D("-1.0")), c.quantize(D("2.17"), D("0.001")),
      c.remainder_near(10, 6), c.remainder_near(D(-10), 3), c.fma(2, 3, 4), c.divmod(7, 2))
print(flags(c))
print(D(7).remainder_near(D(4)), D(10).remainder_near(D(4)), D("3.6").remainder_near(D("1.3")))
