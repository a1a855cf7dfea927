# Unbounded recursion raises RecursionError, which can be caught.
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print(type(e).__name__, e)
    print(isinstance(e, RuntimeError))
def depth(n):
    return n if n == 0 else 1 + depth(n - 1)
print(depth(500))
