# time.time/monotonic/perf_counter advance with time.sleep.
import time
t0 = time.time()
m0 = time.monotonic()
p0 = time.perf_counter()
time.sleep(0.1)
dt = time.time() - t0
dm = time.monotonic() - m0
dp = time.perf_counter() - p0
print(dm >= 0.099, dp >= 0.099, dt >= 0.09)
print(dm < 1.0, dp < 1.0)
print(time.monotonic() >= m0, type(time.time()).__name__)
