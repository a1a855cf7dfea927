# Building and walking nested containers.
inventory = {
    "fruit": [("apple", 3), ("pear", 0)],
    "veg": [("kale", 2)],
}
inventory["veg"].append(("leek", 5))
for kind, items in inventory.items():
    in_stock = [name for name, count in items if count > 0]
    print(kind, in_stock, sum(c for _, c in items))
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)])
print(matrix[1][-1], [row[0] for row in matrix])
