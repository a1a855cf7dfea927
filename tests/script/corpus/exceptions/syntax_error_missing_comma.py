items = ["a" "b", "c" "d"]
call = print("x" 1)
