# Contexts: defaults, repr, copies, localcontext (with kwargs), flags and traps, tasks.
import asyncio
import decimal
from decimal import (Decimal as D, getcontext, setcontext, localcontext, Context,
                     DefaultContext, BasicContext, ExtendedContext, InvalidOperation,
                     DivisionByZero, Inexact, Rounded, Overflow, Underflow, Subnormal,
                     Clamped, FloatOperation, DecimalException, ConversionSyntax,
                     DivisionUndefined, DivisionImpossible, InvalidContext, ROUND_DOWN,
                     ROUND_UP, ROUND_HALF_UP)

print(repr(getcontext()))
print(repr(DefaultContext))
print(repr(BasicContext))
print(repr(ExtendedContext))
print(repr(Context()), repr(Context(prec=5, rounding=ROUND_DOWN, Emin=-10, Emax=10, capitals=0, clamp=1)))
print(repr(Context(flags=[Inexact, Rounded], traps={Overflow: True, Clamped: False, InvalidOperation: 0, DivisionByZero: 1, FloatOperation: 0, Underflow: 0, Subnormal: 0, Inexact: 0, Rounded: 0})))
c = getcontext()
print(c.prec, c.rounding, c.Emin, c.Emax, c.capitals, c.clamp, c.Etiny(), c.Etop())
print(c.flags)
print(c.traps)
print(decimal.MAX_PREC, decimal.MAX_EMAX, decimal.MIN_EMIN, decimal.MIN_ETINY, decimal.HAVE_CONTEXTVAR)

for kw in [dict(prec=0), dict(rounding="x"), dict(Emin=1), dict(Emax=-1), dict(capitals=2),
           dict(clamp=3), dict(prec="a"), dict(prec=1.5)]:
    try:
        Context(**kw)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, repr(str(e)))
try:
    c.prec = -1
except ValueError as e:
    print("ValueError", e)
try:
    c.flags[42] = True
except KeyError as e:
    print("KeyError")

# localcontext restores the previous context, and accepts keyword arguments.
with localcontext() as ctx:
    ctx.prec = 5
    print(D(1) / D(7), getcontext() is ctx, getcontext().prec)
print(D(1) / D(7), getcontext().prec)
with localcontext(prec=3, rounding=ROUND_UP) as ctx:
    print(D(1) / D(7), repr(ctx))
with localcontext(Context(prec=4, traps=[])) as ctx:
    print(D(1) / 0, D(0) / 0, ctx.flags[DivisionByZero], ctx.flags[InvalidOperation])
with localcontext(BasicContext) as ctx:
    print(D(1) / D(3), ctx.prec, ctx.rounding)
try:
    with localcontext(prec=3, foo=1):
        pass
except TypeError as e:
    print("TypeError", e)
try:
    with localcontext(prec=0):
        pass
except ValueError as e:
    print("ValueError", e)
print(getcontext().prec)

# setcontext with a copy; the three module contexts are copied, not installed.
saved = getcontext()
setcontext(BasicContext)
print(getcontext() is BasicContext, getcontext().prec)
setcontext(saved)
mine = Context(prec=6)
setcontext(mine)
print(getcontext() is mine, D(2) / 3)
setcontext(saved)

# Flags accumulate until cleared; traps raise with the list of trapped conditions.
c = getcontext()
c.clear_flags()
D(1) / D(3)
print([k.__name__ for k in c.flags if c.flags[k]])
D("1.5") * 2
print(repr(c))
c.clear_flags()
c.traps[Inexact] = True
try:
    D(1) / D(3)
except Inexact as e:
    print("Inexact", e, e.args, isinstance(e, DecimalException), isinstance(e, ArithmeticError))
print(D(1) / D(4))
c.traps[Inexact] = False
c.traps[Rounded] = True
try:
    D("1.00000000000000000000000000000") + 0
except Rounded as e:
    print("Rounded", e)
c.traps[Rounded] = False
for exc, fn in [(DivisionByZero, lambda: D(1) / 0), (ZeroDivisionError, lambda: D(5) // 0),
                (InvalidOperation, lambda: D(0) / 0), (ArithmeticError, lambda: D(0) / D(0)),
                (InvalidOperation, lambda: D("inf") - D("inf")), (Overflow, lambda: D("9E+999999") * 10),
                (InvalidOperation, lambda: D(-1).sqrt()), (InvalidOperation, lambda: D(1) % 0),
                (InvalidOperation, lambda: divmod(D(1), 0)), (InvalidOperation, lambda: D(10 ** 30) // D("0.001")),
                (InvalidOperation, lambda: D("snan") + 1), (InvalidOperation, lambda: D("nan") < 1),
                (InvalidOperation, lambda: D(0) ** 0), (InvalidOperation, lambda: D("inf") * 0),
                (TypeError, lambda: D(1) + 1.5), (TypeError, lambda: 1.5 * D(1)),
                (TypeError, lambda: D(1) < "x"), (TypeError, lambda: D(1) + "x"),
                (InvalidOperation, lambda: D("abc"))]:
    try:
        r = fn()
        print("no error", r)
    except exc as e:
        print(type(e).__name__, e)
print(repr(c))
c.clear_flags()

print(D(1) < 1.5, D(2) > 1.5, D("0.1") == 0.1, D("0.5") == 0.5, D("nan") == D("nan"), D("nan") != 1)
print(c.flags[FloatOperation])
c.traps[FloatOperation] = True
try:
    D(1) < 2.5
except FloatOperation as e:
    print("FloatOperation", e, isinstance(e, TypeError))
try:
    D(0.5)
except FloatOperation as e:
    print("FloatOperation", e)
print(D(1) == 1.0, D.from_float(0.5), c.create_decimal_from_float(0.25))
c.traps[FloatOperation] = False
c.clear_flags()

# Extended context: no traps, results are NaN/Infinity with flags set.
with localcontext(ExtendedContext) as e:
    print(D(1) / 0, D(0) / 0, D(-1).sqrt(), D("inf") - D("inf"), D("abc"), D(10) ** 999999999)
    print(repr(e))

# Subclass hierarchy of the signals.
for cls in [DecimalException, Clamped, InvalidOperation, ConversionSyntax, DivisionByZero,
            DivisionImpossible, DivisionUndefined, Inexact, InvalidContext, Rounded, Subnormal,
            Overflow, Underflow, FloatOperation]:
    print(cls.__name__, [b.__name__ for b in cls.__mro__[1:-2]])


# Each asyncio task sees its own context (ContextVar), copied from its creator.
async def worker(prec, out):
    getcontext().prec = prec
    await asyncio.sleep(0)
    out.append((prec, str(D(1) / D(3)), getcontext().prec))


async def main():
    out = []
    await asyncio.gather(worker(3, out), worker(7, out), worker(12, out))
    print(sorted(out))
    print(getcontext().prec)
    with localcontext(prec=4):
        t = asyncio.create_task(worker(9, out))
        await t
        print(str(D(1) / D(3)))
    print(out[-1], str(D(1) / D(3)))

asyncio.run(main())
