from abc import ABC, abstractmethod


class Base(ABC):
    @abstractmethod
    def run(self):
        """Run it."""

    @staticmethod
    @abstractmethod
    def make():
        ...


class Half(Base):
    def run(self):
        return "ran"


for cls in (Base, Half):
    try:
        cls()
    except TypeError as e:
        print(type(e).__name__, e)
print(sorted(Base.__abstractmethods__), sorted(Half.__abstractmethods__))


class Full(Half):
    @staticmethod
    def make():
        return Full()


print(Full.make().run(), Full.__abstractmethods__)
try:
    Base.register(3)
except TypeError as e:
    print(e)
