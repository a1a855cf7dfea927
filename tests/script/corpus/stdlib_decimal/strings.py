# String conversion edge cases: exponent range limits, NaN payloads, spacing, forms.
from decimal import Decimal as D, InvalidOperation, Context
for s in ["1e999999999999999999", "1e-999999999999999999", "1e9999999999999999999999", "1e-9999999999999999999999",
          "0e9999999999999999999999", "NaN" + "1" * 40, "sNaN" + "9" * 30, "1" * 50 + "e-10", "\t 7.5\n",
          "1e1000000000000000000", "1e9223372036854775807", "1e-1999999999999999997",
          "1e-1999999999999999998", "12e999999999999999998", "12e999999999999999999",
          "0.01e1000000000000000001", "1.5e-1999999999999999997", "0e1000000000000000000", "+Infinity", "-INFINITY", "iNf", "infinity1", "nan.", "NaN0123", "1e+01", "1E-00005", ".e1", "1.e1", "-.1e-1"]:
    try:
        d = D(s)
        print(repr(s), repr(d))
    except InvalidOperation as e:
        print(repr(s), "InvalidOperation", e)
    except Exception as e:
        print(repr(s), type(e).__name__, e)
c = Context(traps=[])
for s in ["NaN" + "1" * 40, "1e999999999999999999", "1" * 50]:
    print(repr(c.create_decimal(s)), c.flags[InvalidOperation])
print(D(1).radix(), D("\u2003 8 \u00a0"), D("\u3000-1.5\u2028"))
# Any Unicode decimal digits are accepted.
for s in ["\u0661\u0662\u0663", "1\u0662.5e\u0663", "\uff11\uff10", "\U0001d7d0", "\u00b2", "-\u0e53.\u0e54"]:
    try:
        print(str(D(s)))
    except InvalidOperation as e:
        print("InvalidOperation", e)
