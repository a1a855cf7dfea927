import math
from fractions import Fraction as F

pi = F(3141592653589793, 1000000000000000)
for m in [1, 2, 5, 10, 100, 113, 1000, 10000, 100000, 1000000]:
    print(m, pi.limit_denominator(m))
print(F(1, 3).limit_denominator(), F(3, 10).limit_denominator(3), F(-3, 10).limit_denominator(3), F(5).limit_denominator(1))
print(F(0.1).limit_denominator(10), F(1.1).limit_denominator(100), F(-0.75).limit_denominator(3))
print(F(125, 1000).limit_denominator(7), F(1, 6).limit_denominator(4), F(1, 2).limit_denominator(1), F(3, 2).limit_denominator(1))
try:
    F(1, 3).limit_denominator(0)
except ValueError as e:
    print("ValueError", e)
# tie: convergent wins
print(F(1, 4).limit_denominator(3), F(3, 4).limit_denominator(2), F(5, 4).limit_denominator(2))
e = F(2718281828459045, 1000000000000000)
print([str(e.limit_denominator(10 ** k)) for k in range(1, 7)])
print(F(math.sqrt(2)).limit_denominator(1000), F(1, 7).limit_denominator(7))
