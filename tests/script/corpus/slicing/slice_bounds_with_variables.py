# Slice bounds may be any int expression, including None.
data = list("abcdefgh")
for start, stop, step in [(None, 3, None), (2, None, 2), (-3, None, None), (None, None, -3), (1, -1, 3)]:
    print(start, stop, step, "->", "".join(data[start:stop:step]))
def window(seq, size):
    return [seq[i:i + size] for i in range(len(seq) - size + 1)]
print(window("abcde", 3))
print([data[i:i + 3] for i in range(0, len(data), 3)])
