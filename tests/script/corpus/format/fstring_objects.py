# f-strings use __str__ by default and __repr__ with !r.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"
    def __str__(self):
        return f"({self.x}, {self.y})"

p = Point(1, "b")
print(f"{p}", f"{p!r}", f"{p!s}")
print(f"{[p]}")
print(f"{str(p):>12}|")
print("%s %r" % (p, p))
print("{} {!r}".format(p, p))
