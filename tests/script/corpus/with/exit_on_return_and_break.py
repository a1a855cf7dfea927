# __exit__ runs when a with block is left by return, break or continue.
class Note:
    def __init__(self, label):
        self.label = label
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("exit", self.label)
def f():
    with Note("in function"):
        return "returned"
print(f())
for i in range(3):
    with Note(f"loop {i}"):
        if i == 0:
            continue
        if i == 1:
            break
print("done")
