# The usual built-in exceptions and their bases.
names = [ValueError, TypeError, KeyError, IndexError, ZeroDivisionError, AttributeError,
         NameError, UnboundLocalError, RuntimeError, RecursionError, NotImplementedError,
         StopIteration, OSError, TimeoutError, AssertionError, ExceptionGroup,
         KeyboardInterrupt, SystemExit, GeneratorExit, Exception]
for cls in names:
    print(cls.__name__, "->", cls.__bases__[0].__name__)
