# Class attributes are shared until an instance shadows them.
class Dog:
    kind = "canine"
    tricks = []
    count = 0
    def __init__(self, name):
        self.name = name
        Dog.count += 1
    def add_trick(self, t):
        self.tricks.append(t)
a = Dog("fido")
b = Dog("buddy")
a.add_trick("roll")
b.kind = "wolfish"
print(a.kind, b.kind, Dog.kind)
print(a.tricks, b.tricks is a.tricks, Dog.count)
del b.kind
print(b.kind)
