# // and % follow floor signs beyond 64 bits; results that fit come back as small ints.
a = 10**20
for x, y in [(a, 7), (-a, 7), (a, -7), (-a, -7), (a, -3 * 10**19), (2**64, 2**32)]:
    print(x // y, x % y, divmod(x, y))
print(2**63, -2**63 - 1, (2**64) - 2**64 + 5, type(2**64 - 2**64))
print(abs(-2**70), -(-2**63), 2**70 / 3, 10**400 / 10**399)
