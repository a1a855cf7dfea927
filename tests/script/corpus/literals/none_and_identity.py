# None, is / is not, and == versus identity.
x = None
print(x, x is None, x is not None, x == None)
a = [1, 2]
b = a
c = [1, 2]
print(a == c, a is c, a is b, a is not c)
def nothing():
    pass
print(nothing())
print(type(None).__name__)
print(repr(None), str(None))
