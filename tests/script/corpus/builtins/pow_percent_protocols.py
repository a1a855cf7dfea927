# pow(x, y, m) calls x.__pow__(y, m); %d/%i take __int__, %x/%o only __index__.
class Mod:
    def __init__(self, v):
        self.v = v

    def __pow__(self, b, m=None):
        return ("pow", self.v, b, m)

    def __int__(self):
        return self.v


class Idx:
    def __index__(self):
        return 11


print(pow(Mod(3), 2, 5), pow(Mod(3), 2), pow(3, 4, 5), pow(2, -1, 7))
print("%d %i %u" % (Mod(7), Mod(8), Mod(9)), "%d %x %o %X" % (Idx(), Idx(), Idx(), Idx()))
for call in [lambda: pow(2, Mod(1), 5), lambda: pow(2, 2.5, 5), lambda: pow("a", 2, 3), lambda: "%x" % Mod(1),
             lambda: "%d" % "s"]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
