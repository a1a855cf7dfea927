# Bound methods remember their instance.
class Greeter:
    def __init__(self, name):
        self.name = name
    def greet(self, other):
        return f"{self.name} greets {other}"
g = Greeter("ann")
bound = g.greet
print(bound("bo"), Greeter.greet(g, "cy"))
g.name = "anna"
print(bound("dee"))
print(g.__dict__)
handlers = [Greeter("x").greet, Greeter("y").greet]
print([h("z") for h in handlers])
