# str/repr/args of built-in exceptions.
for e in [ValueError("bad value"), KeyError("k"), TypeError(), OSError("x"), RuntimeError("a", "b"), StopIteration(5)]:
    print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args)
print(StopIteration(5).value, isinstance(ValueError(), Exception), isinstance(KeyboardInterrupt(), Exception))
e = Exception("note")
print(e.__class__.__name__, e.__cause__, e.__context__)
