# Comments and blank lines (even with trailing spaces) never affect indentation.

def f():
    # comment at block level
    x = 1
        # an over-indented comment is still just a comment

    
    y = 2   # trailing comment
# a comment at column 0 inside the function body
    return x + y

print(f())  # comment after code
#print("this never runs")
