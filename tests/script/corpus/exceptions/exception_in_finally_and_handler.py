# An exception escaping a finally block replaces the one in flight.
def f():
    try:
        raise ValueError("inner")
    finally:
        print("finally sees the error in flight")
try:
    f()
except ValueError as e:
    print("caught", e)
def g():
    try:
        raise ValueError("lost")
    finally:
        raise TypeError("replacement")
try:
    g()
except Exception as e:
    print(type(e).__name__, e, "| context:", repr(e.__context__))
