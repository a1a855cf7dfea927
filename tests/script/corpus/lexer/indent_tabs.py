# A block indented with tabs only is fine as long as it is consistent.
def f(x):
	if x > 0:
		return "positive"
	return "not positive"

print(f(3))
print(f(-3))
