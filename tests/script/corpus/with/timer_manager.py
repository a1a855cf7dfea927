# A reusable context manager object tracks how many times it was entered.
class Section:
    depth = 0
    def __enter__(self):
        Section.depth += 1
        print("  " * (Section.depth - 1) + f"begin {Section.depth}")
        return Section.depth
    def __exit__(self, *exc):
        print("  " * (Section.depth - 1) + f"end {Section.depth}")
        Section.depth -= 1
s = Section()
with s as d1:
    with s as d2:
        with s as d3:
            print(d1, d2, d3)
print(Section.depth)
