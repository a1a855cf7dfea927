# A class with __init__, methods and instance attributes.
class Counter:
    def __init__(self, start=0):
        self.value = start
    def increment(self, by=1):
        self.value += by
        return self
    def reset(self):
        self.value = 0
c = Counter(5)
c.increment().increment(10)
print(c.value)
c.reset()
print(c.value, Counter().value)
c.label = "added later"
print(c.label, hasattr(c, "label"), hasattr(c, "missing"))
print(type(c).__name__, isinstance(c, Counter), c.__class__.__name__)
