# Decimal construction from str/int/float/tuple/Decimal, str/repr/eng/as_tuple.
from decimal import Decimal, InvalidOperation, getcontext, Context, localcontext

for s in ["0", "-0", "1.23", "1.23E+5", "1e-7", "123456789012345678901234567890.123",
          "  42  ", "+.5", "5.", "-.0e-3", "1_000_000", "1_0.2_5", "Infinity", "-inf", "INF",
          "nan", "NaN123", "-sNaN", "snan7", "0.000001", "0.0000001", "1E+0", "1E-0",
          "123E-10", "-123.4500", "0E+7", "0E-7", "12E3", "1.5e+400", "100", "1e999999"]:
    d = Decimal(s)
    print(repr(s), repr(d), str(d), d.to_eng_string(), d.as_tuple())

for bad in ["", " ", "abc", "1.2.3", "1e", "e5", "--1", "1_", "_1", "1__0", "_", "1e+", "nan1x",
            "in", "1 2", ".", "+", "0x10", "1e5.0"]:
    try:
        Decimal(bad)
        print("no error", repr(bad))
    except InvalidOperation as e:
        print(repr(bad), type(e).__name__, e.args)

for i in [0, 1, -1, 12345678901234567890, -(10 ** 40), True]:
    print(i, repr(Decimal(i)))

for f in [0.1, 0.5, -0.0, 1e100, 2.5e-10, 3.14159, float("inf"), float("-inf"), 1.0, 123456.0]:
    print(f, repr(Decimal(f)), repr(Decimal.from_float(f)))
print(Decimal(float("nan")))
print(getcontext().flags)

for t in [(0, (1, 2, 3), -2), (1, (0,), 0), (0, (), 5), (1, (4, 5), 3), (0, (1,), "F"),
          (1, (9,), "n"), (0, (), "N"), [0, [7], 2]]:
    print(t, repr(Decimal(t)))
for bad in [(2, (1,), 0), (0, (10,), 0), (0, (1,), "x"), (0, (1,)), (0, 5, 0), (0, (1,), 1.5)]:
    try:
        Decimal(bad)
    except ValueError as e:
        print(bad, "ValueError", e)
try:
    Decimal(object())
except TypeError as e:
    print("TypeError", e)
try:
    Decimal([1, 2])
except ValueError as e:
    print("ValueError", e)

print(repr(Decimal(Decimal("1.50"))), Decimal() == 0, repr(Decimal()))
for s in ["123.456", "1E+6", "1E+7", "12E+7", "123E+7", "1234E+7", "0E+1", "0E+2", "0E+3",
          "0E-8", "1E-8", "10E-8", "100E-8", "-5E+4", "0.00E+5"]:
    d = Decimal(s)
    print(s, str(d), d.to_eng_string(), d.adjusted())

c = Context(capitals=0)
print(c.to_sci_string(Decimal("1E+10")), c.to_eng_string(Decimal("1E+10")))
with localcontext() as ctx:
    ctx.capitals = 0
    print(Decimal("1E+10"), repr(Decimal("-1.2e-20")))
print(Decimal("1E+10"))

# Context.create_decimal rounds; the constructor does not.
c = Context(prec=5)
for s in ["1.234567", "123456789", "9.99999", "-0.000012345678", " 1", "1_0", "NaN12345678"]:
    try:
        print(repr(s), repr(c.create_decimal(s)))
    except InvalidOperation as e:
        print(repr(s), "InvalidOperation", e)
print(c.flags)
print(repr(c.create_decimal(Decimal("3.14159265"))), repr(c.create_decimal(123456)))
print(repr(c.create_decimal_from_float(0.1)))
d = Decimal("7.25")
print(d.as_integer_ratio(), Decimal("-0.125").as_integer_ratio(), Decimal("1E+3").as_integer_ratio())
print(Decimal("3.0").is_finite(), Decimal("inf").is_infinite(), Decimal("nan").is_nan(),
      Decimal("snan").is_snan(), Decimal("nan").is_qnan(), Decimal("-0").is_zero(),
      Decimal("-0").is_signed(), Decimal("1e-999999").is_normal(), Decimal("1e-1000000").is_subnormal())
