from _aio_host import read_text as _read_text

class UnsupportedOperation(OSError, ValueError):
    pass

class StringIO:
    def __init__(self, initial_value='', newline='\n'):
        self._buf = initial_value or ''
        self._pos = 0
        self.closed = False
    def _check(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
    def getvalue(self):
        self._check()
        return self._buf
    def read(self, size=-1):
        self._check()
        if size is None or size < 0:
            r = self._buf[self._pos:]
        else:
            r = self._buf[self._pos:self._pos + size]
        self._pos += len(r)
        return r
    def readline(self, size=-1):
        self._check()
        i = self._buf.find('\n', self._pos)
        end = len(self._buf) if i < 0 else i + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        r = self._buf[self._pos:end]
        self._pos += len(r)
        return r
    def readlines(self, hint=-1):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        b = self._buf
        if self._pos > len(b):
            b += '\0' * (self._pos - len(b))
        self._buf = b[:self._pos] + s + b[self._pos + len(s):]
        self._pos += len(s)
        return len(s)
    def writelines(self, lines):
        for line in lines:
            self.write(line)
    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError(f"Negative seek position {pos}")
            self._pos = pos
        elif whence == 2:
            self._pos = len(self._buf)
        return self._pos
    def tell(self):
        self._check()
        return self._pos
    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        self._buf = self._buf[:size]
        return size
    def readable(self):
        return True
    def writable(self):
        return True
    def seekable(self):
        return True
    def flush(self):
        pass
    def close(self):
        self.closed = True
    def __iter__(self):
        return self
    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line
    def __enter__(self):
        self._check()
        return self
    def __exit__(self, *exc):
        self.close()

class TextIOWrapper(StringIO):
    def __init__(self, name, text, mode):
        StringIO.__init__(self, text)
        self.name = name
        self.mode = mode
        self.encoding = 'UTF-8'
    def write(self, s):
        raise UnsupportedOperation("not writable")
    def writelines(self, lines):
        raise UnsupportedOperation("not writable")
    def writable(self):
        return False
    def __repr__(self):
        return f"<_io.TextIOWrapper name={self.name!r} mode={self.mode!r} encoding='UTF-8'>"

def open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    if not isinstance(file, str):
        raise TypeError(f"expected str, bytes or os.PathLike object, not {type(file).__name__}")
    if not isinstance(mode, str):
        raise TypeError(f"open() argument 'mode' must be str, not {type(mode).__name__}")
    if 'b' in mode:
        raise ValueError("binary files are not supported here")
    if set(mode) - set('rwaxt+') or mode.count('r') + mode.count('w') + mode.count('a') + mode.count('x') != 1:
        raise ValueError(f"invalid mode: '{mode}'")
    if mode.replace('t', '') != 'r':
        raise PermissionError(1, "Operation not permitted (files are read-only here)", file)
    text = _read_text(file)
    if newline is None:
        text = text.replace('\r\n', '\n').replace('\r', '\n')
    return TextIOWrapper(file, text, mode)
