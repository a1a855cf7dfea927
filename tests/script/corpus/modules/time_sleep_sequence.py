# Blocking sleeps add up; elapsed time is printed in whole tenths of a second.
import time

def tenths(seconds):
    # Whole tenths of a second: a wakeup that is a little late prints the same.
    return int(seconds * 10 + 1e-6) / 10

start = time.monotonic()
for step in range(3):
    time.sleep(0.05)
    print("step", step)
time.sleep(0.05)
elapsed = time.monotonic() - start
print("elapsed", tenths(elapsed))
