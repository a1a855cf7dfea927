# import x, from x import y, and aliases.
import time
import random as rnd
from functools import partial
from asyncio import sleep, gather
import asyncio
print(type(time.monotonic()).__name__, rnd.seed.__name__, partial.__name__)
print(sleep is asyncio.sleep, gather is asyncio.gather)
from sys import argv
print(argv[0])
try:
    import no_such_module_anywhere
except ImportError as e:
    print(type(e).__name__, e)
