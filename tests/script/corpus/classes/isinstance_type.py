# isinstance with tuples and subclasses; type() identity.
class A: pass
class B(A): pass
b = B()
print(isinstance(b, A), isinstance(b, (int, B)), isinstance(3, (str, float)))
print(type(b) is B, type(b) is A, type(b) == B)
print(type(1), type("s"), type([]), type(None), type(B), type(len))
print(isinstance(True, int), isinstance(1.0, int), isinstance([], list))
print(type(3.0).__name__, type({}).__name__, type(()).__name__, type(set()).__name__)
