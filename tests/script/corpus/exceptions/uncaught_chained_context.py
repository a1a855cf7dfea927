# An exception raised while handling another prints both.
def cleanup():
    raise OSError("cleanup failed")

try:
    raise ValueError("first problem")
except ValueError:
    cleanup()
