# In-place set operators and methods.
s = {1, 2, 3}
s |= {4}
s &= {2, 3, 4, 5}
s -= {3}
print(sorted(s))
s ^= {4, 6}
print(sorted(s))
s.update([7, 8], (9,))
print(sorted(s), s.pop() in {2, 6, 7, 8, 9}, len(s))
s.clear()
print(s)
try:
    {[1]}
except TypeError as e:
    print(e)
