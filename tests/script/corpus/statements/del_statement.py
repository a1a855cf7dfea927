# del removes names, items, slices and attributes.
x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
items = [0, 1, 2, 3, 4, 5]
del items[0]
del items[-1]
del items[1:3]
print(items)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
class Obj: pass
o = Obj()
o.attr = 1
del o.attr
print(hasattr(o, "attr"))
a, b = 1, 2
del a, b
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
