# __exit__ receives the exception; a true return value suppresses it.
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit got", exc_type.__name__ if exc_type else None, repr(exc))
        return exc_type is not None and issubclass(exc_type, self.types)
with Suppress(KeyError):
    {}["missing"]
print("KeyError was suppressed")
try:
    with Suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("propagated", e)
with Suppress(KeyError):
    print("clean exit")
