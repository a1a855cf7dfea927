# randint, choice and uniform consume the generator exactly as CPython does.
import random
random.seed(7)
print([random.randint(1, 6) for _ in range(12)])
print([random.randint(-5, 5) for _ in range(6)], random.randint(0, 10 ** 9), random.randint(3, 3))
print(random.choice(["red", "green", "blue"]), random.choice("xyz"), random.choice(range(100)))
print(random.uniform(1, 2), random.uniform(10, 5))
try:
    random.choice([])
except IndexError as e:
    print("IndexError:", e)
