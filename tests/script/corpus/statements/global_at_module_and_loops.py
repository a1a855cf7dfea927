# Loop variables persist after the loop; names bound in if/for/while are module globals.
for i in range(3):
    last = i * 10
print(i, last)
if True:
    created_in_if = "visible"
print(created_in_if)
k = 0
while k < 2:
    inner = k
    k += 1
print(k, inner)
def reads_global():
    return created_in_if + "!"
print(reads_global())
