# Fraction from Decimal (exact), from_decimal, and mixing rules between the two types.
from decimal import Decimal as D
from fractions import Fraction as F

for v in ["0.75", "-1.25E+3", "0.1", "3", "-0", "1E-20", "123.4560"]:
    print(v, F(D(v)), F.from_decimal(D(v)), F(D(v)) == D(v))
for bad in ["nan", "inf", "-inf", "snan"]:
    for fn in (F, F.from_decimal):
        try:
            print(fn(D(bad)))
        except (ValueError, OverflowError) as e:
            print(bad, type(e).__name__, e)
print(F(D("0.5")) + 1, F(1, 3) < D("0.34"), D("0.33") < F(1, 3), sorted([F(1, 3), D("0.3"), D("0.4")]))
