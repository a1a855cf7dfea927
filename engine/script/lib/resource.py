from _aio_host import rusage as _rusage

RUSAGE_SELF = 0
RUSAGE_CHILDREN = -1

class struct_rusage:
    _fields = ('ru_utime', 'ru_stime', 'ru_maxrss', 'ru_ixrss', 'ru_idrss', 'ru_isrss',
               'ru_minflt', 'ru_majflt', 'ru_nswap', 'ru_inblock', 'ru_oublock',
               'ru_msgsnd', 'ru_msgrcv', 'ru_nsignals', 'ru_nvcsw', 'ru_nivcsw')
    def __init__(self, values):
        for name, value in zip(self._fields, values):
            setattr(self, name, value)
    def __repr__(self):
        return 'resource.struct_rusage(' + ', '.join(f'{n}={getattr(self, n)!r}' for n in self._fields) + ')'

def getrusage(who):
    if who != RUSAGE_SELF:
        raise ValueError("invalid who parameter")
    ut, st, maxrss = _rusage()
    return struct_rusage((ut, st, maxrss) + (0,) * 13)
