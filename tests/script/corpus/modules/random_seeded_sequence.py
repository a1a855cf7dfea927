# A seeded Mersenne Twister gives the same floats as CPython, bit for bit.
import random
random.seed(42)
print([random.random() for _ in range(5)])
random.seed(42)
print(random.random())
random.seed(0)
print(random.random(), random.random())
random.seed(2024)
print(random.random())
