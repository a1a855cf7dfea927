# Context.create_decimal / create_decimal_from_float: rounding, FloatOperation, NaN payloads.
from decimal import Context, Decimal, FloatOperation, Inexact, Rounded
c = Context(prec=4, traps=[])
print(c.create_decimal(0.1), c.flags[FloatOperation], c.flags[Inexact])
c.clear_flags()
print(c.create_decimal(123456789), c.create_decimal((1, (1, 2, 3, 4, 5), -2)), c.create_decimal(Decimal("9.99999")), c.create_decimal())
print(c.create_decimal_from_float(2.5), c.create_decimal_from_float(1e300), c.create_decimal_from_float(float("nan")), c.flags[FloatOperation])
c2 = Context(prec=4, traps=[FloatOperation])
try:
    c2.create_decimal(0.5)
except FloatOperation as e:
    print("FO", e)
print(c2.create_decimal_from_float(0.5), Decimal.from_float(0.5), Decimal(0.5, Context()))
try:
    Decimal(0.5, c2)
except FloatOperation as e:
    print("FO ctor", e)
print(c.create_decimal("  12  "), c.create_decimal("1_0"), c.create_decimal("1e5"), c.create_decimal("-NaN123"), c.create_decimal("NaN12345"))
print(c.flags)
