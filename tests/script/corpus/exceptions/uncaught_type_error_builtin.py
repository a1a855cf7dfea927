# Errors raised inside builtins show only the script's frames.
values = [3, "4", 5]
print(len(values))
total = sum(values)
