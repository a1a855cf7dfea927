# User-defined exception hierarchies carry their own data.
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"missing {key!r}")
        self.key = key
try:
    raise NotFound("user:7")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args, repr(e))
class Plain(Exception):
    pass
for e in [Plain(), Plain("one"), Plain("a", 2)]:
    print(repr(str(e)), repr(e), e.args)
