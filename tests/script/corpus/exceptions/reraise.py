# A bare raise re-raises the exception being handled.
def risky():
    raise ValueError("original")
def wrapper():
    try:
        risky()
    except ValueError:
        print("logging and re-raising")
        raise
try:
    wrapper()
except ValueError as e:
    print("caught again:", e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
