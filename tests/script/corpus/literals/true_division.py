# '/' always gives a float; '//' on floats floors.
print(7 / 2, -7 / 2, 10 / 5, 1 / 8)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2)
print(type(6 / 3).__name__, type(6 // 3).__name__, type(6.0 // 3).__name__)
print(2 ** -1, 2 ** 0.5 * 2 ** 0.5, 4 ** 0.5)
print(0.1 * 3, 0.1 * 3 == 0.3)
