# Generated sweep: a few thousand operations on pseudo-random operands (own LCG, fixed seed)
# at random precisions, rounding modes and exponent limits; prints str() of each result
# and the flags raised.
from decimal import (Decimal as D, Context, ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR,
                     ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP)

MODES = [ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, ROUND_HALF_DOWN,
         ROUND_HALF_EVEN, ROUND_05UP]
state = 12345


def rnd(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return (state >> 33) % n


def operand():
    k = rnd(20)
    if k == 0:
        return D(["inf", "-inf", "nan", "0", "-0", "0E+3", "0E-3"][rnd(7)])
    ndig = 1 + rnd(12 if k < 15 else 40)
    coef = 0
    for _ in range(ndig):
        coef = coef * 10 + rnd(10)
    if rnd(4) == 0:
        coef = int(str(coef) + "5")     # ties in rounding
    exp = rnd(25) - 15
    return D((rnd(2), tuple(int(c) for c in str(coef)), exp))


def short(ctx):
    return "".join(k.__name__[:2] for k in ctx.flags if ctx.flags[k])


OPS = ["add", "subtract", "multiply", "divide", "divide_int", "remainder", "quantize", "sqrt",
       "power", "compare", "max", "min", "plus", "minus", "fma", "remainder_near", "divmod",
       "normalize", "to_integral_exact", "abs", "exp", "ln", "log10", "power"]
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
if len(sys.argv) > 2:
    state = int(sys.argv[2])
lines = []
for i in range(N):
    prec = 1 + rnd(30)
    if rnd(5) == 0:
        ctx = Context(prec=prec, rounding=MODES[rnd(8)], Emin=-(rnd(20) + 1), Emax=rnd(20) + 1,
                      clamp=rnd(2), traps=[])
    else:
        ctx = Context(prec=prec, rounding=MODES[rnd(8)], traps=[])
    op = OPS[rnd(len(OPS))]
    a, b = operand(), operand()
    if op == "power":
        if rnd(2):
            b = D(rnd(13) - 4)
        else:
            b = D((rnd(2), (rnd(10), rnd(10)), -rnd(3)))
            if a.is_finite() and a.adjusted() > 8:
                a = D((a.as_tuple().sign, a.as_tuple().digits, -len(a.as_tuple().digits) + 2))
    if op == "quantize":
        b = D((0, (1,), rnd(20) - 12))
    try:
        if op in ("sqrt", "plus", "minus", "normalize", "to_integral_exact", "abs", "exp", "ln", "log10"):
            r = getattr(ctx, op)(a)
            args = str(a)
        elif op == "fma":
            c = operand()
            r = ctx.fma(a, b, c)
            args = "%s %s %s" % (a, b, c)
        else:
            r = getattr(ctx, op)(a, b)
            args = "%s %s" % (a, b)
        if isinstance(r, tuple):
            r = "(%s, %s)" % r
        lines.append("%d %s p%d %s %s -> %s %s" % (i, op, prec, ctx.rounding[6:], args, r, short(ctx)))
    except Exception as e:
        lines.append("%d %s %s %s" % (i, op, type(e).__name__, e))
print("\n".join(lines))
