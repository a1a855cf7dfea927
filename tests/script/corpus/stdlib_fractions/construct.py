from fractions import Fraction as F

def t(*a):
    try:
        r = F(*a)
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(repr(a), repr(r))

for a in [(), (5,), (-5,), (0,), (True,), (6, 4), (-6, 4), (6, -4), (-6, -4), (0, 7), (0, -7), (12, 1),
          (F(1, 2),), (F(1, 2), F(3, 4)), (F(3), 6), (3, F(1, 2)), (1, True), (2.5,), (-0.375,), (0.1,),
          (0.0,), (-0.0,), (1e18,), (1, 0), (0, 0), (-3, 0), (F(1, 2), 0), (1.5, 2), ("1", 2), (1, 2.0),
          ([1],), (None,), (float("inf"),), (float("-inf"),), (float("nan"),), (b"1",)]:
    t(*a)
for s in ["3/4", " -1.5e3 ", "1/2", " 1/2 ", "\t7\n", "1 / 2", "1/ 2", "1_000", "1_000/3_0", "1__0", "_1", "1_",
          "5.", ".5", ".", "1e-2", "-1.5E3", "+3", "1/-2", "1.5/2", "inf", "nan", "", " ", "1/0", "0/0",
          "3.14_15", "1e1_0", "-.5e-1", "1/2/3", "1 2", "0x10", "1.2.3", "00012", "1/002", "-0", "e5",
          "1e", "1e+", "2e+3", "-", "+", "12.500", "-0.0001", "1.5e-3", "7/21", "-7/21", "+6/8", "1.e2"]:
    t(s)
f = F(3, 4)
print(f.numerator, f.denominator, f.as_integer_ratio(), F(-8, 6).as_integer_ratio(), F(5).as_integer_ratio())
print(str(F(3, 4)), str(F(2)), str(F(-1, 3)), repr(F(-1, 3)), str(F(0)), "%s and %r" % (F(7, 2), F(7, 2)))
print(F.from_float(0.5), F.from_float(-2.75), F.from_float(3), F.from_float(0.1), F.from_decimal(4))
for bad in ["1", F(1, 2), None]:
    try:
        F.from_float(bad)
    except TypeError as e:
        print("TypeError", e)
for bad in [1.5, "x"]:
    try:
        F.from_decimal(bad)
    except TypeError as e:
        print("TypeError", e)
print(isinstance(F(1), F), type(F(1, 2)).__name__, F(F(F(2, 4))))
class MyF(F):
    pass
m = MyF(2, 4)
print(repr(m), type(m).__name__, type(m + 1).__name__, m == F(1, 2))
import copy
print(copy.copy(f) is f, copy.deepcopy(f) == f)
try:
    f.numerator = 5
except AttributeError:
    print("AttributeError on assignment")
