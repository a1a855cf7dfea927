# AttributeError messages for instances, classes and modules.
class Point:
    def __init__(self):
        self.x = 1
p = Point()
for target, name in [(p, "y"), (Point, "y"), (None, "append"), ("s", "push"), ([], "push")]:
    try:
        getattr(target, name)
    except AttributeError as e:
        print(e)
print(getattr(p, "y", "default"), getattr(p, "x"))
import sys
try:
    sys.no_such_thing
except AttributeError as e:
    print(e)
