# The decimal module's quick-start tour, as tutorials walk through it.
from decimal import (Decimal, getcontext, setcontext, localcontext, Context, BasicContext,
                     ExtendedContext, DefaultContext, FloatOperation, DivisionByZero,
                     InvalidOperation, Inexact, ROUND_DOWN, ROUND_UP, ROUND_HALF_UP)

print(getcontext())
getcontext().prec = 7
print(Decimal(10), Decimal("3.14"), Decimal(3.14), Decimal((0, (3, 1, 4), -2)),
      Decimal(str(2.0 ** 0.5)), Decimal(2) ** Decimal("0.5"), Decimal("NaN"), Decimal("-Infinity"))
c = getcontext()
c.traps[FloatOperation] = True
try:
    Decimal(3.14)
except FloatOperation as e:
    print("FloatOperation", e)
try:
    Decimal("3.5") < 3.7
except FloatOperation as e:
    print("FloatOperation", e)
print(Decimal("3.5") == 3.5)
c.traps[FloatOperation] = False
getcontext().prec = 6
print(Decimal("3.0"), Decimal("3.1415926535"), Decimal("3.1415926535") + Decimal("2.7182818285"))
getcontext().rounding = ROUND_UP
print(Decimal("3.1415926535") + Decimal("2.7182818285"))
getcontext().rounding = "ROUND_HALF_EVEN"
getcontext().prec = 28

data = list(map(Decimal, "1.34 1.87 3.45 2.35 1.00 0.03 9.25".split()))
print(max(data), min(data), sorted(data), sum(data))
a, b, c = data[:3]
print(str(a), float(a), round(a, 1), int(a), a * 5, a * b, c % a)
print(Decimal(2).sqrt(), Decimal(1).exp(), Decimal("10").ln(), Decimal("10").log10())
print(Decimal("7.325").quantize(Decimal(".01"), rounding=ROUND_DOWN),
      Decimal("7.325").quantize(Decimal("1."), rounding=ROUND_UP))

myothercontext = Context(prec=60, rounding=ROUND_HALF_UP)
setcontext(myothercontext)
print(Decimal(1) / Decimal(7))
print(ExtendedContext)
setcontext(ExtendedContext)
print(Decimal(1) / Decimal(7), Decimal(42) / Decimal(0))
setcontext(BasicContext)
try:
    Decimal(42) / Decimal(0)
except DivisionByZero as e:
    print("DivisionByZero", e)
with localcontext() as ctx:
    ctx.prec = 42
    s = Decimal(1) / Decimal(7)
print(s)
with localcontext(BasicContext):
    print(Decimal(1) / Decimal(7))
setcontext(DefaultContext)
getcontext().clear_flags()
print(Decimal(355) / Decimal(113), getcontext())
getcontext().traps[Inexact] = True
try:
    Decimal(1) / Decimal(3)
except Inexact as e:
    print("Inexact", e)
getcontext().traps[Inexact] = False

# Money: totals, tax, formatting.
price = Decimal("19.99")
qty = 3
subtotal = price * qty
tax = (subtotal * Decimal("0.0725")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
total = subtotal + tax
print(f"subtotal {subtotal:>10,.2f}\ntax      {tax:>10,.2f}\ntotal    {total:>10,.2f}")
print("{:.2%}".format(Decimal("0.0725")), "{:e}".format(Decimal("123456.789")))
balance = Decimal("1000.00")
for month in range(1, 13):
    balance = (balance * (1 + Decimal("0.05") / 12)).quantize(Decimal("0.01"))
print(balance, balance.as_tuple(), balance.adjusted(), -balance, abs(-balance))
print(Decimal("0.1") + Decimal("0.2") == Decimal("0.3"), 0.1 + 0.2 == 0.3)
print(Decimal(1) / 3 * 3, (Decimal(1) / 3 * 3).normalize(), Decimal("1.10") + Decimal("2.20"))
print(Decimal("1e3").to_eng_string(), Decimal("12345e-10").to_eng_string(), Decimal("1200").normalize())
