# pass and ... as placeholders.
def todo():
    pass
def later():
    ...
class Empty:
    pass
for _ in range(3):
    pass
print(todo(), later(), Empty.__name__)
print(..., type(...).__name__, ... is Ellipsis)
if True:
    pass
else:
    pass
print("done")
