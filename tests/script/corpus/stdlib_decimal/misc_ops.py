# (pow(a, b, m) is spelled a.__pow__(b, m): aio-py's builtin pow() refuses a third
# argument unless all three are ints.)
# logb, scaleb, shift, rotate, logical_*, number_class, next_*, pow(a, b, m), with flags.
from decimal import Decimal as D, getcontext, Context, InvalidOperation, localcontext

c = getcontext()
c.traps[InvalidOperation] = False


def s(f):
    c.clear_flags()
    try:
        r = f()
    except Exception as e:
        r = type(e).__name__ + " " + str(e)
    return "%s %s" % (r, "".join(k.__name__[:2] for k in c.flags if c.flags[k]))


tests = [
    lambda: D(2).scaleb(D("1.0")), lambda: D(2).scaleb(D("10E-1")), lambda: D(2).scaleb(3),
    lambda: D(2).scaleb(D("1E+1")), lambda: D("1.50").scaleb(-2), lambda: D("inf").scaleb(2),
    lambda: D(1).scaleb(D("inf")), lambda: D(1).scaleb(10 ** 20), lambda: D("9E+999999").scaleb(1),
    lambda: D(1).shift(D("1.0")), lambda: D(1).shift(D("1E+1")), lambda: D(123).shift(2),
    lambda: D(123).rotate(-1), lambda: D(123).shift(29), lambda: D("1.23").shift(1),
    lambda: D("inf").shift(1), lambda: D(1).rotate(D("inf")), lambda: D(123456).rotate(3),
    lambda: D(123456).shift(-3), lambda: D(10 ** 30 + 7).shift(1), lambda: D(-12).rotate(27),
    lambda: D(3).__pow__(4, 5), lambda: D(-3).__pow__(3, 5), lambda: D(3).__pow__(D("4.0"), 5),
    lambda: D(3).__pow__(-1, 5), lambda: D(0).__pow__(0, 5), lambda: D(3).__pow__(4, 0),
    lambda: D("3.5").__pow__(4, 5), lambda: D(3).__pow__(4, D("1E+30")), lambda: D(3).__pow__(4, -7),
    lambda: D(3).__pow__(4, D("5.0")), lambda: D("30E-1").__pow__(4, 5), lambda: D("3E+1").__pow__(2, 7),
    lambda: D("inf").__pow__(2, 7), lambda: D("-0").__pow__(3, 7),
    lambda: D(2).__pow__(10 ** 18, 10 ** 9 + 7), lambda: D("nan").__pow__(1, 7),
    lambda: D(101).logical_and(D(110)), lambda: D(101).logical_or(D("110")),
    lambda: D(101).logical_xor(D("1")), lambda: D(101).logical_invert(),
    lambda: D(102).logical_and(1), lambda: D("1.0").logical_and(1), lambda: D("-1").logical_and(1),
    lambda: D("1E+1").logical_and(1), lambda: D(0).logical_invert(),
    lambda: D(0).logb(), lambda: D("1234").logb(), lambda: D("-inf").logb(), lambda: D("0.001").logb(),
    lambda: D("nan").logb(),
    lambda: D(1).next_plus(), lambda: D(1).next_minus(), lambda: D("-inf").next_plus(),
    lambda: D("inf").next_minus(), lambda: D(0).next_plus(), lambda: D(0).next_minus(),
    lambda: D("9.999999999999999999999999999E+999999").next_plus(), lambda: D("1.5").next_minus(),
    lambda: D(1).next_toward(2), lambda: D(1).next_toward(0), lambda: D(1).next_toward(D("1.0")),
    lambda: D("-1").next_toward(D("-1.0")), lambda: D("0").next_toward(1),
    lambda: D("9.999999999999999999999999999E+999999").next_toward(D("inf")),
    lambda: D("1E-1000026").next_toward(0), lambda: D("snan").next_plus(),
]
for i, t in enumerate(tests):
    print(i, s(t))
print([D(x).number_class() for x in ["0", "-0", "1", "-1", "1E-999999", "-1E-1000000", "inf",
                                      "-inf", "nan", "-snan"]])
ctx = Context(prec=5, Emin=-3, Emax=3)
print(ctx.next_plus(D(1)), ctx.next_minus(D(1)), ctx.next_plus(D("9.9999E+3")), ctx.next_minus(D(0)),
      ctx.number_class(D("1E-4")), ctx.logb(D(500)), ctx.scaleb(D(1), 2), ctx.shift(D(12345), 2),
      ctx.rotate(D(12345), 2), ctx.logical_invert(D(101)), ctx.power(D(7), 2, 10))
