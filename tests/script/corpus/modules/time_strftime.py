# strftime produces fixed-width fields; the exact date depends on the clock.
import time
stamp = time.strftime("%Y-%m-%d %H:%M:%S")
print(len(stamp), stamp[4], stamp[7], stamp[13], stamp[16])
print(time.strftime("%Y").isdigit(), len(time.strftime("%H:%M")))
print(time.strftime("literal %% only"))
