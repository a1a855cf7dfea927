# exp, ln, log10 (correctly rounded, half-even whatever the context says) and powers with
# non-integral or infinite exponents, at several precisions; flags after each.
from decimal import (Decimal as D, Context, localcontext, ROUND_DOWN, ROUND_UP, ROUND_CEILING,
                     ROUND_FLOOR, ROUND_HALF_EVEN, InvalidOperation)


def fl(c):
    return "".join(k.__name__[:2] for k in c.flags if c.flags[k])


args = ["1", "2", "0.5", "-1", "-2.5", "10", "100", "0.001", "1E-20", "-1E-20", "123.456",
        "2.302585092994045684017991454684364", "1E+5", "-1E+5", "0", "-0", "1.000", "0.999999",
        "1.0000001", "7E+10", "3.14159265358979", "inf", "-inf", "nan", "5000000", "-5000000",
        "1E+30", "-1E+30", "2302585", "-2302600", "0.1", "9.999999999999999999", "1E-999999"]
for prec in [1, 5, 16, 28, 45]:
    for name in ["exp", "ln", "log10"]:
        row = []
        for a in args:
            c = Context(prec=prec, traps=[])
            row.append("%s/%s" % (getattr(c, name)(D(a)), fl(c)))
        print(prec, name, " ".join(row))
for mode in [ROUND_DOWN, ROUND_UP, ROUND_CEILING, ROUND_FLOOR]:
    c = Context(prec=6, rounding=mode, traps=[])
    print(mode, c.exp(D(1)), c.ln(D(2)), c.log10(D(3)), c.power(D(2), D("0.5")),
          c.power(D("1.5"), D("2.5")), c.power(D(10), D("-0.5")), fl(c))
bases = ["2", "0.5", "10", "100", "4", "8", "1", "1.0", "7", "0.01", "1E+10", "123.456", "0",
         "-0", "inf", "-2", "-inf", "0.999", "1.001"]
exps = ["0.5", "-0.5", "1.5", "0.3333", "2.5", "-2.5", "0.1", "1E-10", "12.34", "inf", "-inf",
        "1E+30", "-1E+30", "3.000", "2.0"]
for b in bases:
    row = []
    for e in exps:
        c = Context(prec=12, traps=[])
        row.append("%s/%s" % (c.power(D(b), D(e)), fl(c)))
    print(b, " ".join(row))
with localcontext(prec=50):
    print(D(1).exp(), D(2).ln(), D(10).ln(), D(2).log10(), D(2) ** D("0.5"))
print(D(1).exp(), D("2").sqrt() ** 2, D(2) ** D("0.5"), D(3).log10(), D("0.5").ln())
try:
    D(-1).ln()
except InvalidOperation as e:
    print("InvalidOperation", e)
try:
    D("-8") ** D("0.5")
except InvalidOperation as e:
    print("InvalidOperation", e)
