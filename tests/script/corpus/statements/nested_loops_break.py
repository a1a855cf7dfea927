# break and continue affect only the innermost loop; flags or functions leave outer loops.
grid = [[1, 2, 3], [4, -5, 6], [7, 8, 9]]
for row in grid:
    for v in row:
        if v < 0:
            print("negative found, breaking inner loop")
            break
        print(v, end=" ")
    print("| row done")
def first_negative(g):
    for r, row in enumerate(g):
        for c, v in enumerate(row):
            if v < 0:
                return r, c
    return None
print(first_negative(grid), first_negative([[1]]))
