from datetime import timedelta

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        msg = str(e)
        # aio-py names Python classes without their module in operator errors
        if "datetime." in msg or "timedelta'" in msg:
            msg = "(type names)"
        print(type(e).__name__ + ":", msg)

show(lambda: timedelta(days=10**9))
show(lambda: timedelta(days=-10**9))
show(lambda: timedelta("1"))
show(lambda: timedelta(seconds=[1]))
show(lambda: timedelta(hours=None))
show(lambda: timedelta.max + timedelta(microseconds=1))
show(lambda: timedelta.min - timedelta(microseconds=1))
show(lambda: -timedelta.max)
show(lambda: -timedelta.min)
show(lambda: timedelta(1) + 1)
show(lambda: 1 + timedelta(1))
show(lambda: timedelta(1) - 1.5)
show(lambda: timedelta(1) * "x")
show(lambda: timedelta(1) * timedelta(1))
show(lambda: timedelta(1) / 0)
show(lambda: timedelta(1) // 0)
show(lambda: timedelta(1) / timedelta(0))
show(lambda: timedelta(1) // timedelta(0))
show(lambda: timedelta(1) % timedelta(0))
show(lambda: timedelta(1) / "2")
show(lambda: timedelta(1) // 2.0)
show(lambda: timedelta(1) % 2)
show(lambda: timedelta(1) < 3)
show(lambda: timedelta(1) >= None)
show(lambda: 3 > timedelta(1))
