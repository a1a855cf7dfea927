# print uses __str__; containers and !r use __repr__; __str__ falls back to __repr__.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
m = Money(1234)
print(m, repr(m), str(m), [m], {"m": m}, (m,))
print(OnlyRepr(), str(OnlyRepr()), f"{OnlyRepr()}")
