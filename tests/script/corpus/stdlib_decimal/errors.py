# Error behaviour: messages and exception types for misuse, traps, and what is left out.
from decimal import (Decimal as D, Context, getcontext, localcontext, InvalidOperation,
                     DivisionByZero, Overflow, DecimalException)


def show(fn):
    try:
        print("ok", fn())
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: D("1,5"))
show(lambda: D("1.5x"))
show(lambda: D(None))
show(lambda: D(b"1"))
show(lambda: D(object()))
show(lambda: D((0, (1, 2), "F")))
show(lambda: D((1, (), "n")))
show(lambda: D((0, (1, -1), 0)))
show(lambda: D(1) + None)
show(lambda: None + D(1))
show(lambda: D(1) * [1])
show(lambda: D(1) < None)
show(lambda: D(1) == None)
show(lambda: D(1) != "1")
show(lambda: D("1") / 0)
show(lambda: D("-1") / D("-0"))
show(lambda: D(0) / 0)
show(lambda: D(1) // 0)
show(lambda: D(0) // 0)
show(lambda: D(3) % 0)
show(lambda: D(0) % 0)
show(lambda: divmod(D(3), 0))
show(lambda: divmod(D(0), 0))
show(lambda: D("inf") % 1)
show(lambda: D("inf") // D("inf"))
show(lambda: divmod(D("inf"), 3))
show(lambda: D(7) // D("inf"))
show(lambda: D("-7") % D("inf"))
show(lambda: D("9.99E+999999") + D("1E+999999"))
show(lambda: D("1E-999999") / D("1E+10"))
show(lambda: D(-4).sqrt())
show(lambda: D("-inf").sqrt())
show(lambda: D("1.5").quantize(D("1E-30")))
show(lambda: D("1E+40").quantize(D(1)))
show(lambda: D("snan").quantize(D(1)))
show(lambda: D("snan") < 1)
show(lambda: D("nan") > 1)
show(lambda: D("nan") == D("snan"))
show(lambda: int(D("nan")))
show(lambda: int(D("-inf")))
show(lambda: round(D("inf"), 2))
show(lambda: round(D("1.5"), 2.5))
show(lambda: D(1).max("x"))
show(lambda: D(1).quantize(1.5))
show(lambda: D(1).compare(2.5))
show(lambda: Context(prec=10 ** 19))
show(lambda: Context(rounding="round_up"))
show(lambda: Context(Emin=-10 ** 19))
show(lambda: setattr(getcontext(), "Emax", 10 ** 19))
show(lambda: getcontext().__setattr__("capitals", -1))
show(lambda: localcontext(5))
show(lambda: [1] * D(2))
show(lambda: "ab" * D(2))
show(lambda: D(1).sqrt(context=Context(prec=3)))
show(lambda: D(2).sqrt(Context(prec=3)))
show(lambda: D(10 ** 30) // D("1E-10"))
show(lambda: D(10 ** 30) % D("1E-10"))
show(lambda: D(2) ** D("Infinity"))
show(lambda: D(-2) ** D("Infinity"))
show(lambda: D(2) ** D("0.5"))
show(lambda: D(-2) ** D("0.5"))
getcontext().clear_flags()
getcontext().traps[DivisionByZero] = False
show(lambda: (D(1) / 0, D(-1) / 0, D(5) // 0, getcontext().flags[DivisionByZero]))
getcontext().traps[DivisionByZero] = True
getcontext().traps[InvalidOperation] = False
show(lambda: (D("x"), D(0) / 0, D("inf") - D("inf"), D(1) % 0, D(-1).sqrt(), D("nan") < 1))
getcontext().traps[InvalidOperation] = True
print(repr(getcontext()))
try:
    D(1) / 0
except ZeroDivisionError as e:
    print("caught as ZeroDivisionError:", repr(e))
try:
    D("bad")
except ArithmeticError as e:
    print("caught as ArithmeticError:", e.args)
try:
    D("9E+999999") * 10
except DecimalException as e:
    print("caught as DecimalException:", type(e).__name__)
