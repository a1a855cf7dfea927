import inspect

try:
    inspect.signature(3)
except TypeError as e:
    print("TypeError:", e)
try:
    inspect.Parameter("a", inspect.Parameter.VAR_POSITIONAL, default=1)
except ValueError as e:
    print("ValueError:", e)
try:
    inspect.Parameter("not valid", inspect.Parameter.POSITIONAL_ONLY)
except ValueError as e:
    print("ValueError:", e)
P = inspect.Parameter
try:
    inspect.Signature([P("a", P.POSITIONAL_OR_KEYWORD), P("a", P.KEYWORD_ONLY)])
except ValueError as e:
    print("ValueError:", e)
sig = inspect.Signature([P("a", P.POSITIONAL_OR_KEYWORD), P("k", P.KEYWORD_ONLY, default=None)],
                        return_annotation=int)
print(sig, sig.return_annotation, sig == inspect.signature(lambda a, *, k=None: 0))


def deco(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    wrapper.__wrapped__ = fn
    return wrapper


@deco
def wrapped(x, y=3):
    pass


print(inspect.signature(wrapped), inspect.signature(wrapped, follow_wrapped=False))
