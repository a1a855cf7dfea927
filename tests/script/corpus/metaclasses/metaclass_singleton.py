class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self, value):
        print("init", value)
        self.value = value


a = Config(1)
b = Config(2)
print(a is b, a.value, type(Config).__name__, Singleton.__mro__)


class Auto(type):
    def __new__(mcs, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcs, name, bases, ns)


class Widget(metaclass=Auto):
    pass


print(Widget.tag, Widget().tag, isinstance(Widget, type), type(type(Widget)))
Dyn = type("Dyn", (Widget,), {"n": 1})
print(type(Dyn).__name__, Dyn.tag, Dyn.n)
