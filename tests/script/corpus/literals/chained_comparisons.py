# Chained comparisons evaluate each operand once and short-circuit.
def v(x):
    print("eval", x)
    return x

print(1 < 2 < 3, 3 > 2 > 2, 1 < 3 > 2)
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(1 == 1.0, 1 != 1.0, 0.1 + 0.2 == 0.3)
x = 5
print(0 <= x < 10, x == 5 == 5.0)
print("a" < "b" < "c", [1, 2] < [1, 3], (1, 2) < (1, 2, 0))
