# *args and **kwargs collect extra arguments; * and ** spread them in calls.
def f(a, b=2, *args, **kwargs):
    print(a, b, args, kwargs)
f(1)
f(1, 3, 5, 7)
f(1, x=9, b=4)
f(*[1, 2, 3], **{"k": "v"})
def total(*nums):
    return sum(nums)
print(total(), total(1, 2, 3), total(*range(5)))
def describe(**info):
    return ", ".join(f"{k}={v}" for k, v in info.items())
print(describe(b=1, a=2))
