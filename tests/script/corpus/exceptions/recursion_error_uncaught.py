# An uncaught RecursionError collapses the repeated frames.
def forever(n):
    return forever(n + 1)

print("recursing")
forever(0)
