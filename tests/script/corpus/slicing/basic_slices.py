# Slices of lists with positive, negative and omitted bounds.
xs = list(range(10))
print(xs[2:5], xs[:3], xs[7:], xs[:], xs[-3:], xs[:-7], xs[-5:-2])
print(xs[::2], xs[1::3], xs[::-1], xs[8:2:-2], xs[-1:-4:-1])
print(xs[5:2], xs[100:], xs[-100:2], xs[3:3])
