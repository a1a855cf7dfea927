# ExceptionGroup collects exceptions; str() counts them.
eg = ExceptionGroup("several failures", [ValueError("a"), TypeError("b"), ValueError("c")])
print(str(eg), "|", repr(eg))
print(len(eg.exceptions), [repr(e) for e in eg.exceptions], eg.message)
vals, rest = eg.split(ValueError)
print(repr(vals), repr(rest))
print(repr(eg.subgroup(TypeError)), eg.subgroup(KeyError))
print(isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup))
try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print(e)
