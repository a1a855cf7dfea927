# Operators on lists.
a = [1, 2]
b = [3]
print(a + b, a * 3, [0] * 0, [[]] * 2)
print(2 in a, 5 not in a, len(a + b))
print([1, 2] == [1, 2], [1, 2] < [1, 2, 3], [2] > [1, 99], [] < [0])
nested = [[1, 2], [3, [4, 5]]]
print(nested[1][1][0], len(nested))
grid = [[0] * 2 for _ in range(2)]
grid[0][0] = 1
shared = [[0] * 2] * 2
shared[0][0] = 1
print(grid, shared)
