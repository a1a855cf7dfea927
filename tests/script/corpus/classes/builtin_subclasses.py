# Subclasses of list, dict and set: indexing, iteration, deletion and repr come
# from the base unless the subclass defines its own.
from collections import defaultdict


class Stack(list):
    def push(self, x):
        self.append(x)

    def peek(self):
        return self[-1]


s = Stack([1])
s.push(2)
s.push(3)
print(s, repr(s), s.peek(), s[0], s[:2], len(s), 3 in s, list(s), [x * 2 for x in s], sorted(s, reverse=True))
s[0] = 9
del s[1]
print(s, s + [4], s == [9, 3], type(s).__name__, isinstance(s, list), list(reversed(s)), sum(s), max(s), str(s))


class Tally(dict):
    def __missing__(self, key):
        return 0


t = Tally()
for word in "the cat and the hat and the bat".split():
    t[word] += 1
del t["cat"]
print(t, t["dog"], len(t), sorted(t), sorted(t.items()), "the" in t, dict(t), [k for k in t])


class Tags(set):
    pass


print(Tags(), Tags(["x"]), len(Tags("abc")), sorted(Tags("cab")))


class Named(dict):
    def __repr__(self):
        return "Named" + super().__repr__()


class Counts(defaultdict):
    pass


c = Counts(int)
c["a"] += 2
print(Named(a=1), [Named()], c, c["zz"])
