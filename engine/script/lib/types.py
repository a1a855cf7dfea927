import sys

class SimpleNamespace:
    def __init__(self, mapping=None, /, **kwargs):
        if mapping is not None:
            self.__dict__.update(mapping)
        self.__dict__.update(kwargs)
    def __repr__(self):
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        return f"{name}({', '.join(f'{k}={v!r}' for k, v in self.__dict__.items())})"
    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

def _f():
    pass
FunctionType = LambdaType = type(_f)
def _g():
    yield
GeneratorType = type(_g())
async def _c():
    pass
_co = _c()
CoroutineType = type(_co)
_co.close()
async def _ag():
    yield
AsyncGeneratorType = type(_ag())
class _C:
    def _m(self):
        pass
MethodType = type(_C()._m)
BuiltinFunctionType = BuiltinMethodType = type(len)
ModuleType = type(sys)
NoneType = type(None)
del _f, _g, _c, _co, _ag, _C
