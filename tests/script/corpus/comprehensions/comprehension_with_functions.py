# Comprehensions calling functions, with side effects in order.
calls = []
def f(x):
    calls.append(x)
    return x * x
result = [f(x) for x in range(4) if x != 2]
print(result, calls)
print({w: [c for c in w if c in "aeiou"] for w in ["tree", "sky", "idea"]})
print([(x, y) for x in range(3) for y in range(3) if x < y])
total = sum(f(x) for x in range(3))
print(total, calls)
