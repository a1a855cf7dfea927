# A decorator that counts calls and traces arguments.
def traced(fn):
    calls = 0
    def wrapper(*args):
        nonlocal calls
        calls += 1
        result = fn(*args)
        print(f"call #{calls}: {fn.__name__}{args} -> {result}")
        return result
    return wrapper
@traced
def add(a, b):
    return a + b
add(1, 2)
add(add(1, 1), 5)
