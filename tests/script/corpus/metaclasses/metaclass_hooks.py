class Meta(type):
    def __new__(mcs, name, bases, ns):
        print("Meta.__new__", mcs.__name__, name, bases, sorted(k for k in ns if not k.startswith('__')))
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kw):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args, **kw)
    def hello(cls):
        return "hello from " + cls.__name__

class A(metaclass=Meta):
    x = 1
    def __init__(self, v):
        self.v = v
    def m(self):
        return __class__.__name__

class B(A):
    pass

a = B(5)
print(a.v, a.m(), type(A).__name__, type(B) is Meta, B.hello(), isinstance(B, Meta), isinstance(a, A))
print(A, Meta, repr(B))
class Plain(type): pass
class C(metaclass=Plain):
    def __init__(self, x): self.x = x
print(C(3).x, type(C))
D = Plain("D", (), {"y": 2})
print(D.y, type(D), D.__name__)
class Reg(type):
    registry = []
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        Reg.registry.append(name)
class P(metaclass=Reg): pass
class Q(P): pass
print(Reg.registry)
class Check(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int)
class Num(metaclass=Check): pass
print(isinstance(3, Num), isinstance("s", Num))
class M2(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        print("prepare", name)
        return {"injected": 42}
class E(metaclass=M2): pass
print(E.injected)
class Other(type): pass
try:
    class F(C, metaclass=Other): pass
except TypeError as e:
    print(e)
