class E(Exception):
    def __init__(self, *a):
        super().__init__(*a)
def g():
    try:
        yield 1
        raise E("x")
    finally:
        print("fin")
try:
    list(g())
except* E as eg:
    print(eg.exceptions)
try:
    {}["k"]
except KeyError as e:
    raise ValueError from e
