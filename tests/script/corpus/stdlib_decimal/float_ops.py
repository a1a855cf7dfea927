# FloatOperation: equality with floats only sets the flag, ordering signals (traps).
from decimal import Decimal, getcontext, FloatOperation, InvalidOperation
c = getcontext()
print(Decimal(1) == 1.5, c.flags[FloatOperation]); c.clear_flags()
print(Decimal(1) != 1.5, c.flags[FloatOperation]); c.clear_flags()
c.traps[FloatOperation] = True
print(Decimal(1) == 1.5, c.flags[FloatOperation]); c.clear_flags()
print(Decimal("nan") == 1.5, c.flags[FloatOperation]); c.clear_flags()
try:
    print(Decimal(1) <= 1.5)
except FloatOperation as e:
    print("FO", e, c.flags[FloatOperation])
c.traps[FloatOperation] = False
c.clear_flags()
try:
    print(Decimal("nan") < 1.5)
except InvalidOperation as e:
    print("IO", e, c.flags[FloatOperation], c.flags[InvalidOperation])
print(1.5 == Decimal("1.5"), 2.0 > Decimal(1), c.flags[FloatOperation])
