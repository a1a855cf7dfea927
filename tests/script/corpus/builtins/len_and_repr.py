# len on every container, and repr of nested values.
print(len("abc"), len([1, 2]), len((1,)), len({"a": 1}), len({1, 2, 2}), len(range(5)), len(""))
print(repr("a'b"), repr([1, "x", None, 2.0]), repr({"k": (1,)}))
print(repr(1e-7), repr(-0.0), repr(float("nan")))
class Sized:
    def __len__(self):
        return 42
print(len(Sized()))
