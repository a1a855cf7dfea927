# A simple Enum.
from enum import Enum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.GREEN), Color.BLUE.name, Color.BLUE.value)
print(Color(2), Color["RED"], Color.RED == Color.RED, Color.RED == 1)
print([c.name for c in Color], len(Color))
print(Color.RED is Color(1), isinstance(Color.RED, Color), type(Color.RED).__name__)
try:
    Color(7)
except ValueError as e:
    print(e)
status = {Color.RED: "stop", Color.GREEN: "go"}
print(status[Color.GREEN])
