# Augmented assignment on names, attributes, subscripts; lists mutate in place.
n = 10
n += 5; n -= 3; n *= 2; n /= 4
print(n)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
s = "ab"
s *= 3
print(s)
d = {"k": 1}
d["k"] += 10
print(d)
class Box: pass
b = Box(); b.v = 1; b.v <<= 4
print(b.v)
