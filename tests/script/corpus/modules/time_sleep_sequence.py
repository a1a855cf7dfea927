# Blocking sleeps add up; elapsed time is printed rounded to one decimal.
import time
start = time.monotonic()
for step in range(3):
    time.sleep(0.05)
    print("step", step)
time.sleep(0.05)
elapsed = time.monotonic() - start
print("elapsed", round(elapsed, 1))
