# The list methods, each mutating in place (and returning None).
xs = [3, 1, 2]
print(xs.append(4), xs)
xs.extend([5, 6]); print(xs)
xs.insert(0, 0); xs.insert(100, 7); xs.insert(-1, 9); print(xs)
print(xs.pop(), xs.pop(0), xs.pop(-2), xs)
xs.remove(9); print(xs)
print(xs.index(2), xs.count(1), xs.count(42))
xs.reverse(); print(xs)
ys = xs.copy(); xs.clear(); print(xs, ys)
