# print(file=sys.stderr) and sys.stderr.write go to standard error.
import sys
print("to stdout")
print("to stderr", file=sys.stderr)
sys.stderr.write("written directly\n")
print("stdout again", file=sys.stdout)
n = sys.stdout.write("via write\n")
print(n)
