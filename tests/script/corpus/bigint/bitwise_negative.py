# Shifts and bitwise ops on big negatives use two's complement semantics.
n = -(12345678901 * 10**12 + 234567890123)  # (big literals: not yet)
print(n >> 70, n >> 1000, -3 << 100, 1 << 100)
print(n & (2**100 - 1), n | 5, n ^ (2**100 - 1), ~n, ~(2**70))
print((2**70).bit_length(), (2**70 - 1).bit_count())
try:
    1 << -1
except ValueError as e:
    print('ValueError', e)
