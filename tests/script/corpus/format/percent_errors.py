# Mismatched % arguments raise TypeError.
try:
    print("%s %s" % ("only one",))
except TypeError as e:
    print(e)
try:
    print("%d" % "str")
except TypeError as e:
    print(e)
try:
    print("no placeholders" % ("x",))
except TypeError as e:
    print(e)
