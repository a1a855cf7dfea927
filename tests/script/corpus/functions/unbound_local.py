# Assigning anywhere in a function makes the name local everywhere in it.
x = 10
def f():
    try:
        print(x)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    x = 20
    return x
print(f())
def g():
    try:
        return undefined_name
    except NameError as e:
        return str(e)
print(g())
