# sys.exit(n) ends the program with status n; finally blocks still run.
import sys
try:
    print("exiting with 3")
    sys.exit(3)
finally:
    print("finally still runs")
print("never printed")
