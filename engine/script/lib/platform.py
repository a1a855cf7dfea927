import sys

def python_version():
    return '%d.%d.%d' % sys.version_info[:3]

def python_version_tuple():
    return tuple(str(p) for p in sys.version_info[:3])

def python_implementation():
    return 'aio-py'

def system():
    return 'Linux' if sys.platform == 'linux' else sys.platform

def platform(aliased=False, terse=False):
    return 'aio-py-' + python_version()
