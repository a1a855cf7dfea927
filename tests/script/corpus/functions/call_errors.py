# TypeError messages for bad calls.
def f(a, b):
    return a + b
def g():
    return 0
not_callable = 5
nothing = None
calls = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3),
    lambda: f(1, 2, c=3),
    lambda: f(1, a=1),
    lambda: g(1),
    lambda: not_callable(),
    lambda: nothing(),
]
for call in calls:
    try:
        call()
    except TypeError as e:
        print(e)
