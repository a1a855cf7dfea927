# hash is modulo 2**61 - 1; int/float comparisons are exact.
print(hash(2**61), hash(-2**61), hash(10**30), hash(2**64) == hash(float(2**64)))
print(2**53 + 1 == float(2**53), 2**70 == float(2**70), 2**70 < 1e30, 10**400 > 1e308, 10**400 < float('inf'))
print({2**70: 'a'}[2**70], 2**70 in {2**70}, sorted([2**70, -2**70, 1]), max(2**70, 3))
