import os, os.path, sys
from os.path import join
print(os.path is sys.modules['os.path'] if False else True, os.sep, repr(os.linesep), os.name)
print(os.path.join("a", "b", "/c", "d"), os.path.join("a/", "b"), join("", "x"))
for p in ["/a/b/c.txt", "a/b/", "///x", "x", "", "/", ".bashrc", "a/b.tar.gz", "..a.b", "a//b"]:
    print(repr(p), os.path.split(p), os.path.splitext(p), os.path.basename(p), os.path.dirname(p), os.path.normpath(p), os.path.isabs(p))
print(os.path.normpath("a/./b/../../../c"), os.path.normpath("//a//b"), os.path.normpath("/../x"))
print(os.path.commonprefix(["/usr/lib", "/usr/local"]), os.path.commonpath(["/usr/lib", "/usr/local"]))
print(os.path.relpath("/a/b/c", "/a/d"), os.getenv("AIO_NOPE_VAR"), os.getenv("AIO_NOPE_VAR", "dflt"))
print(type(os.getpid()), os.path.abspath("/x/../y"))
os.environ["AIO_X"] = "1"
print(os.environ["AIO_X"], os.getenv("AIO_X"))
try: os.environ["k"] = 1
except TypeError as e: print(e)
try: os.path.join("a", 3)
except TypeError as e: print(e)
try: os.path.commonpath(["/a", "b"])
except ValueError as e: print(e)
