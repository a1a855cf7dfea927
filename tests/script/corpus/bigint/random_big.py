# The random module with big seeds and wide getrandbits, bit for bit as CPython's.
import random

random.seed(2 ** 100)
print(random.random(), random.getrandbits(100), random.getrandbits(64), random.getrandbits(200).bit_length() <= 200)
random.seed(-(2 ** 70) + 5)
print(random.randint(1, 10 ** 6), random.getrandbits(65))
r = random.Random(12345678901234567890123)
print(r.random())
