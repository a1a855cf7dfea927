# sys.argv[0] is the script name as given; stdout and stderr are separate streams.
import sys
print(sys.argv[0], len(sys.argv))
sys.stdout.write("write returns the length: ")
print(sys.stdout.write("xyz\n"))
sys.stderr.write("diagnostic line\n")
print("done", file=sys.stdout)
