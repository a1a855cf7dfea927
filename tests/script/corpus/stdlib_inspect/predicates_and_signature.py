import inspect, asyncio, functools
def f(a, b=1, *args, c, d="x", **kw): pass
def g(x: int, /, y: str = "s", *, z) -> bool: pass
async def co(): pass
def gen(): yield 1
async def agen(): yield 1
class K:
    """Doc of K.

        Indented more.
    """
    def __init__(self, p, q=2): pass
    def m(self, r): pass
    async def am(self): pass
for fn in (f, g, co, gen, agen, K, K().m, K.m, lambda *a: 0, functools.partial(co)):
    try: s = str(inspect.signature(fn))
    except Exception as e: s = type(e).__name__
    print(s, inspect.iscoroutinefunction(fn), inspect.isgeneratorfunction(fn), inspect.isasyncgenfunction(fn), inspect.isfunction(fn), inspect.isclass(fn), inspect.ismethod(fn))
c = co()
print(inspect.iscoroutine(c), inspect.isawaitable(c), inspect.isawaitable(3), inspect.isgenerator(gen()))
c.close()
print(inspect.iscoroutinefunction(K().am), inspect.iscoroutinefunction(K.am))
print(repr(inspect.getdoc(K)))
print(inspect.cleandoc("  first\n    second\n      third\n\n"))
sig = inspect.signature(f)
for name, p in sig.parameters.items():
    print(name, p.kind, p.default is inspect.Parameter.empty, p)
print(sig, repr(sig.parameters["b"]), sig.parameters["args"].kind.description)
print([n for n, v in inspect.getmembers(K, inspect.isfunction)])
print(inspect.Signature([inspect.Parameter("a", inspect.Parameter.POSITIONAL_ONLY)]))
