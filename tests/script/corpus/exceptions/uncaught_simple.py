# An uncaught exception prints a traceback to stderr and exits with status 1.
def parse(text):
    if not text.isdigit():
        raise ValueError(f"not a number: {text!r}")
    return int(text)
print(parse("12"))
print(parse("x1"))
print("never printed")
