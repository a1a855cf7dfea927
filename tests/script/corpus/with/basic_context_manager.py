# __enter__'s result binds to "as"; __exit__ always runs.
class Managed:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return f"resource {self.name}"
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type)
        return False
with Managed("a") as r:
    print("inside with", r)
print("after")
with Managed("b"):
    print("no as-target")
