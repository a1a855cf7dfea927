# global rebinds module names; nonlocal rebinds the enclosing function's names.
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
def outer():
    level = "outer"
    def middle():
        level = "middle"
        def inner():
            nonlocal level
            level = "inner set"
        inner()
        return level
    return middle(), level
print(outer())
def create_global():
    global fresh
    fresh = "made inside"
create_global()
print(fresh)
