# throw() raises an exception inside the generator at its yield.
def worker():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            print("handled inside:", e)
            yield "recovered"
w = worker()
print(next(w))
print(w.throw(ValueError("oops")))
print(next(w))
try:
    w.throw(KeyError("fatal"))
except KeyError as e:
    print("propagated:", repr(e))
print(next(w, "generator is finished"))
