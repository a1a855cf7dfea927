# Bitwise operators on ints.
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, ~0, ~-1)
print(1 << 10, 1024 >> 3, -16 >> 2, -1 >> 5)
x = 0xF0
x |= 0x0F; print(x)
x &= 0x3C; print(x)
x ^= 0xFF; print(x)
x <<= 2; print(x)
x >>= 3; print(x)
print(5 & 3 == 1, (5 & 3) == 1)
