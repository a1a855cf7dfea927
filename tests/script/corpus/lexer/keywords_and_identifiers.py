# Identifiers may contain keywords as substrings and use underscores and digits.
if_ = 1
for_each = 2
_private = 3
name2 = 4
None_value = None
classy = "class"
print(if_ + for_each + _private + name2, None_value, classy)
_ = "underscore"
print(_)
async_mode = True
print(async_mode)
