# If __enter__ raises, the body and __exit__ do not run.
class Broken:
    def __enter__(self):
        raise RuntimeError("cannot enter")
    def __exit__(self, *exc):
        print("exit should not run")
try:
    with Broken():
        print("body should not run")
except RuntimeError as e:
    print("caught", e)
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
