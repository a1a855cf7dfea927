# Lambdas and comprehensions appear as their own frames.
square_root = lambda x: x ** 0.5 if x >= 0 else fail(x)

def fail(x):
    raise ValueError(f"negative: {x}")

print([square_root(v) for v in [4, 9]])
print([square_root(v) for v in [16, -1]])
