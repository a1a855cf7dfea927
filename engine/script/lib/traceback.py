import sys

def format_exception(exc, value=None, tb=None, limit=None, chain=True):
    if value is None:
        value = exc
    return [__aio_hidden__('format_exc')(value)]

def format_exc(limit=None, chain=True):
    exc = sys.exception()
    if exc is None:
        return 'NoneType: None\n'
    return __aio_hidden__('format_exc')(exc)

def print_exc(limit=None, file=None, chain=True):
    print(format_exc(), end='', file=sys.stderr if file is None else file)

def print_exception(exc, value=None, tb=None, limit=None, file=None, chain=True):
    if value is None:
        value = exc
    print(__aio_hidden__('format_exc')(value), end='', file=sys.stderr if file is None else file)

def format_exception_only(exc, value=None):
    if value is None:
        value = exc
    s = str(value)
    name = type(value).__qualname__
    return [f'{name}: {s}\n' if s else f'{name}\n']
