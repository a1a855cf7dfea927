# An uncaught ExceptionGroup prints a tree of tracebacks.
def fail(kind, msg):
    raise kind(msg)

errors = []
for kind, msg in [(ValueError, "bad value"), (KeyError, "no key")]:
    try:
        fail(kind, msg)
    except Exception as e:
        errors.append(e)
raise ExceptionGroup("two things failed", errors)
