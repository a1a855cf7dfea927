# Decorators wrap functions; stacked ones apply bottom-up.
def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper() + "!"
    return wrapper
def exclaim_times(n):
    def deco(fn):
        def wrapper(*args):
            return fn(*args) + "!" * n
        return wrapper
    return deco
@shout
def hello(name):
    return "hello " + name
@exclaim_times(3)
@shout
def bye(name):
    return "bye " + name
print(hello("ann"), bye("bo"))
registry = []
def register(fn):
    registry.append(fn.__name__)
    return fn
@register
def one(): pass
@register
def two(): pass
print(registry, one.__name__, hello.__name__)
