# The "as" name is deleted at the end of the handler.
try:
    raise ValueError("v")
except ValueError as err:
    saved = err
try:
    print(err)
except NameError as e:
    print("NameError:", e)
print("saved:", saved)
