# property, staticmethod and classmethod.
class Temperature:
    scale = "C"
    def __init__(self, celsius):
        self._c = celsius
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, f):
        self._c = (f - 32) * 5 / 9
    @staticmethod
    def describe():
        return "temperature"
    @classmethod
    def freezing(cls):
        return cls(0)
t = Temperature(100)
print(t.fahrenheit)
t.fahrenheit = 32
print(t._c, Temperature.describe(), t.describe())
print(Temperature.freezing().fahrenheit)
