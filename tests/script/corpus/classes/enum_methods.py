# Enum members can carry methods and string values.
from enum import Enum
class State(Enum):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    def is_final(self):
        return self is State.DONE
for s in State:
    print(s.name, s.value, s.is_final())
print(State("running"), State.DONE.is_final())
print(f"{State.PENDING}", f"{State.PENDING.value}", str(State.DONE))
