def warn(message, category=None, stacklevel=1, source=None):
    if category is None:
        category = UserWarning
    if isinstance(message, Warning):
        category = type(message)
        message = str(message)
    __aio_hidden__('warn')(category, str(message), stacklevel + 1)

def simplefilter(action, category=Warning, lineno=0, append=False):
    pass

def filterwarnings(action, message='', category=Warning, module='', lineno=0, append=False):
    pass

class catch_warnings:
    def __init__(self, *, record=False, **kwargs):
        self.record = record
    def __enter__(self):
        return [] if self.record else None
    def __exit__(self, *exc_info):
        pass
