# An exception raised in __exit__ replaces the body's exception.
class Faulty:
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        raise OSError(f"exit failed while handling {exc_type.__name__}")
try:
    with Faulty():
        raise ValueError("body")
except OSError as e:
    print(e, "| context:", repr(e.__context__))
