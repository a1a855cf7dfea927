# Blocks may use any consistent indentation width; dedent can close several levels at once.
def outer(n):
  total = 0
  for i in range(n):
        if i % 2 == 0:
                total += i
        else:
            total -= 1
  return total

print(outer(5))
if True:
    if True:
        if True:
            print("deep")
print("back at zero")
