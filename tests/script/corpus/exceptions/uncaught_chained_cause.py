# Tracebacks of chained exceptions print the cause first.
def read_config():
    raise KeyError("timeout")

def setup():
    try:
        read_config()
    except KeyError as e:
        raise RuntimeError("setup failed") from e

setup()
