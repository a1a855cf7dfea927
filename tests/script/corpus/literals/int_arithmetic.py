# Integer arithmetic, including floor division and modulo with negative operands.
print(7 + 3, 7 - 3, 7 * 3)
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(2 ** 10, (-2) ** 3, 2 ** 0)
print(10 - 2 - 3, 2 ** 3 ** 2, -2 ** 2)
print(1 + 2 * 3, (1 + 2) * 3)
print(9223372036854775807, -9223372036854775807 - 1)
x = 5
x += 2; x -= 1; x *= 3; x //= 4; x %= 3; x **= 3
print(x)
