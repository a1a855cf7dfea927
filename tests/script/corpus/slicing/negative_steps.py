# Edge cases with negative steps.
xs = [0, 1, 2, 3, 4, 5]
print(xs[::-1], xs[::-2], xs[4::-1], xs[:1:-1], xs[-2::-2])
print(xs[2:4:-1], xs[10:0:-3], xs[-10::-1])
try:
    xs[::0]
except ValueError as e:
    print(e)
