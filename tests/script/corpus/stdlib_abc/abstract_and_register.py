from abc import ABC, ABCMeta, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def name(self): ...
    @property
    @abstractmethod
    def sides(self): ...
    def describe(self): return f"{self.name()} area={self.area()}"
try: Shape()
except TypeError as e: print(e)
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    def name(self): return "square"
try: Sq(2)
except TypeError as e: print(e)
class Sq2(Sq):
    sides = 4
print(Sq2(3).describe(), Sq2.__abstractmethods__, isinstance(Sq2(1), Shape), issubclass(Sq2, Shape))
class Walker(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Walker:
            return any("walk" in B.__dict__ for B in C.__mro__)
        return NotImplemented
class Dog:
    def walk(self): pass
print(isinstance(Dog(), Walker), issubclass(int, Walker))
class Sized(ABC): pass
Sized.register(list)
print(isinstance([], Sized), isinstance({}, Sized), issubclass(list, Sized))
@Sized.register
class Mine: pass
print(isinstance(Mine(), Sized), type(Shape).__name__, type(ABC()).__name__)
