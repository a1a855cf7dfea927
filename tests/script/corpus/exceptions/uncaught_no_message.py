# An exception without arguments prints just its name.
def check(flag):
    if not flag:
        raise RuntimeError
print("checking")
check(True)
check(False)
