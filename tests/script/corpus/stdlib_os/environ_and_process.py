import os

print(os.name, os.sep, repr(os.linesep), os.pathsep, os.curdir, os.pardir, os.devnull)
print(isinstance(os.getpid(), int), os.getpid() > 0, isinstance(os.getcwd(), str))
print(os.path.isabs(os.getcwd()), os.path.abspath(".") == os.getcwd())
n = os.cpu_count()
print(n is None or n >= 1)
os.environ["AIO_CORPUS_VAR"] = "set here"
print(os.environ["AIO_CORPUS_VAR"], os.getenv("AIO_CORPUS_VAR"), "AIO_CORPUS_VAR" in os.environ)
print(os.environ.get("AIO_SURELY_UNSET"), os.getenv("AIO_SURELY_UNSET", "fallback"))
del os.environ["AIO_CORPUS_VAR"]
print(os.getenv("AIO_CORPUS_VAR"))
try:
    os.environ["AIO_SURELY_UNSET"]
except KeyError as e:
    print("KeyError", e)
os.environ["HOME"] = "/home/someone/"
print(os.path.expanduser("~/x"), os.path.expanduser("~"), os.path.expanduser("no/tilde"))
