# __eq__ and __lt__ drive ==, sorted(), min() and max().
class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor
    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)
    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)
    def __repr__(self):
        return f"v{self.major}.{self.minor}"
vs = [Version(1, 10), Version(1, 2), Version(0, 9)]
print(sorted(vs), min(vs), max(vs))
print(Version(1, 2) == Version(1, 2), Version(1, 2) != Version(1, 3))
print(Version(2, 0) > Version(1, 9))
print(Version(1, 0) in vs, Version(1, 2) in vs)
