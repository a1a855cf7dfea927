# Module-level names, class reprs, DecimalTuple, exception reprs, copying contexts.
import decimal
from decimal import Decimal as D, getcontext
print(decimal.Decimal, type(getcontext()), type(D(1).as_tuple()), type(getcontext().flags).__name__)
print(decimal.InvalidOperation, decimal.DecimalTuple(0, (1,), 2), D(1).as_tuple().digits, D(1).as_tuple()[2])
print(repr(decimal.InvalidOperation([decimal.ConversionSyntax])), str(decimal.DivisionByZero()))
import copy
c = copy.deepcopy(getcontext())
print(c, c is getcontext())
c2 = copy.copy(getcontext())
print(c2 == getcontext(), c2 is getcontext())
print(hasattr(decimal, "__all__"), decimal.__version__, decimal.HAVE_THREADS)
print(isinstance(D(1), D), issubclass(decimal.DivisionByZero, ZeroDivisionError), decimal.ROUND_05UP)
