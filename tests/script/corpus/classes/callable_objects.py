# __call__ makes instances callable.
class Multiplier:
    def __init__(self, factor):
        self.factor = factor
    def __call__(self, x):
        return x * self.factor
triple = Multiplier(3)
print(triple(4), list(map(triple, [1, 2])), callable(triple))
class Accumulator:
    def __init__(self):
        self.total = 0
    def __call__(self, *values):
        self.total += sum(values)
        return self.total
acc = Accumulator()
acc(1); acc(2, 3)
print(acc(), acc.total)
