# Several managers in one with statement exit in reverse order.
class Tag:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print(f"<{self.name}>")
        return self.name
    def __exit__(self, *exc):
        print(f"</{self.name}>")
with Tag("html") as h, Tag("body") as b:
    print("content", h, b)
with Tag("outer"):
    with Tag("inner"):
        print("nested")
