# Messages of frequently seen TypeErrors.
nothing = None
cases = [
    lambda: 1 + "a",
    lambda: len(5),
    lambda: nothing[0],
    lambda: [1, 2] + (3,),
    lambda: {1: 2} < {3: 4},
    lambda: int([1]),
    lambda: sorted([None, 1]),
    lambda: "abc".join("x", "y"),
    lambda: hash([]),
    lambda: iter(5),
    lambda: -"s",
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(e)
