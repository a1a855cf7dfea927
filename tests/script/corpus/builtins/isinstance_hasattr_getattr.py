# isinstance, hasattr and getattr.
class Pt:
    def __init__(self):
        self.x = 3
    def norm(self):
        return abs(self.x)
p = Pt()
print(isinstance(p, Pt), isinstance(p, object), isinstance(3, (int, float)))
print(hasattr(p, "x"), hasattr(p, "norm"), hasattr(p, "z"), hasattr("s", "upper"))
print(getattr(p, "x"), getattr(p, "z", None), getattr(p, "norm")())
try:
    getattr(p, "z")
except AttributeError as e:
    print(e)
setattr(p, "z", 7)
print(p.z)
