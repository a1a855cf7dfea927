# SystemExit is a BaseException and can be caught; exit(0) is a clean exit.
import sys
try:
    sys.exit(2)
except SystemExit as e:
    print("caught SystemExit with code", e.code)
try:
    sys.exit()
except Exception:
    print("not reached: SystemExit is not an Exception")
except BaseException as e:
    print("BaseException caught", type(e).__name__, e.code)
print("leaving cleanly")
sys.exit(0)
