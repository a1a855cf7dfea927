# Single inheritance, overriding and super().
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def describe(self):
        return f"[{self.speak()}]"
class Cat(Animal):
    def __init__(self, name, indoor=True):
        super().__init__(name)
        self.indoor = indoor
    def speak(self):
        return super().speak() + ": meow"
class Kitten(Cat):
    def speak(self):
        return "tiny " + super().speak()
for a in [Animal("generic"), Cat("tom"), Kitten("kit", False)]:
    print(a.describe(), getattr(a, "indoor", None))
print(isinstance(Kitten("k"), Animal), isinstance(Animal("a"), Cat))
print(Kitten.__name__, Kitten.__bases__[0].__name__)
