# Error messages from list operations.
xs = [1, 2, 3]
attempts = [
    lambda: xs[3],
    lambda: xs[-4],
    lambda: xs.remove(7),
    lambda: [].pop(),
    lambda: xs.index(9),
    lambda: xs["0"],
]
for fn in attempts:
    try:
        fn()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, "-", e)
