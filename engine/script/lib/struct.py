# struct for aio-py: conversion between Python values and C structs packed into bytes.
# Covers: pack, unpack, calcsize, pack_into, unpack_from, iter_unpack, Struct, error;
# byte orders @ = < > ! with x86-64 Linux CPython's native sizes and alignment; codes
# x c b B ? h H i I l L q Q n N e f d s p P with repeat counts; CPython 3.11's error
# messages, which differ between native, little-endian and big-endian modes (CPython
# reuses its native packers for '<'/'=' where the sizes agree, so those share the
# native messages).
# Floats are converted to IEEE-754 bits in Python from float.hex() (exact), rounding
# half-even; a NaN packs as the quiet NaN CPython produces for float('nan'), keeping its
# sign (payloads other than that cannot be observed here).
# Leaves out: Struct.__repr__ (3.12+), buffers other than bytes/bytearray/memoryview.
import math

__all__ = ["calcsize", "pack", "pack_into", "unpack", "unpack_from", "iter_unpack",
           "Struct", "error"]


class error(Exception):
    pass


_SSIZE_MAX = 9223372036854775807
_S64_MIN = -9223372036854775807 - 1
_S64_MAX = 9223372036854775807
try:
    _U64_MAX = (1 << 64) - 1
except OverflowError:       # 64-bit-int interpreter: no int can exceed the bound
    _U64_MAX = None
_U64_MAX_TEXT = "18446744073709551615"

# code -> (size, alignment) for native mode, as on x86-64 Linux.
_NATIVE = {"x": 1, "c": 1, "b": 1, "B": 1, "?": 1, "h": 2, "H": 2, "i": 4, "I": 4,
           "l": 8, "L": 8, "q": 8, "Q": 8, "n": 8, "N": 8, "e": 2, "f": 4, "d": 8,
           "s": 1, "p": 1, "P": 8}
_STANDARD = {"x": 1, "c": 1, "b": 1, "B": 1, "?": 1, "h": 2, "H": 2, "i": 4, "I": 4,
             "l": 4, "L": 4, "q": 8, "Q": 8, "e": 2, "f": 4, "d": 8, "s": 1, "p": 1}
_SPACES = " \t\n\r\v\f"
_DIGITS = "0123456789"

# Names the native packers use in their range errors.
_NATIVE_NAMES = {"b": "byte", "B": "ubyte", "h": "short", "H": "ushort"}


def _int_arg(v):
    if isinstance(v, int):
        return int(v)
    if isinstance(v, (float, str, bytes, bytearray)) or v is None:
        raise error("required argument is not an integer")
    index = getattr(v, "__index__", None)
    if index is None:
        raise error("required argument is not an integer")
    return index()


def _float_arg(v):
    if isinstance(v, float):
        return v
    if isinstance(v, int):
        return float(v)
    if isinstance(v, (str, bytes, bytearray)) or v is None:
        raise error("required argument is not a float")
    conv = getattr(v, "__float__", None)
    if conv is not None:
        return conv()
    index = getattr(v, "__index__", None)
    if index is not None:
        return float(index())
    raise error("required argument is not a float")


def _check_int(v, code, order, size):
    """Validate v for an integer code the way CPython 3.11 does for this byte order."""
    v = _int_arg(v)
    signed = code in "bhilqn"
    if code == "P":
        if v < _S64_MIN or (_U64_MAX is not None and v > _U64_MAX):
            raise error("int too large to convert")
        return v
    if order == "big" and code in "qQ":
        if v < 0 if code == "Q" else v < _S64_MIN:
            raise error("int too large to convert")
        if v > _S64_MAX if code == "q" else (_U64_MAX is not None and v > _U64_MAX):
            raise error("int too large to convert")
        return v
    # First the C conversion to long / unsigned long ...
    unsigned_getter = code in "ILQN" or (code == "H" and order == "big")
    if unsigned_getter:
        if v < 0 or (_U64_MAX is not None and v > _U64_MAX):
            raise error("argument out of range")
    elif v < _S64_MIN or v > _S64_MAX:
        raise error("argument out of range")
    if size >= 8:
        return v
    # ... then the range of the field itself.
    if signed:
        lo = -(1 << (8 * size - 1))
        hi = (1 << (8 * size - 1)) - 1
    else:
        lo = 0
        hi = (1 << (8 * size)) - 1
    if v < lo or v > hi:
        if code in "bB" or (code in "hH" and order != "big"):
            raise error("%s format requires %d <= number <= %d"
                        % (_NATIVE_NAMES[code], lo, hi))
        raise error("'%s' format requires %d <= number <= %d" % (code, lo, hi))
    return v


def _int_to_le(v, size):
    # Arithmetic right shifts give two's complement bytes for negative values too.
    out = bytearray(size)
    for i in range(size):
        out[i] = v & 255
        v >>= 8
    return out


def _le_to_int(data, signed):
    # Built from the top byte down so a signed 64-bit value never exceeds the int range.
    n = len(data)
    top = data[n - 1]
    acc = top - 256 if signed and top >= 128 else top
    for i in range(n - 2, -1, -1):
        acc = (acc << 8) | data[i]
    return acc


# IEEE-754 ------------------------------------------------------------------------------

_FLOAT_FORMATS = {"e": (5, 10), "f": (8, 23), "d": (11, 52)}


def _float_parts(x):
    """abs(x) == M * 2**k exactly, read from float.hex(); x finite, non-zero."""
    h = float.hex(x)
    if h[0] == "-":
        h = h[1:]
    p = h.index("p")
    exp = int(h[p + 1:])
    mant = h[2:p]                 # e.g. '1.8000', '0.0000000000001', '1'
    if "." in mant:
        whole, frac = mant.split(".")
    else:
        whole, frac = mant, ""
    frac = (frac + "0000000000000")[:13]
    return int(whole + frac, 16), exp - 52


def _round_shift(m, shift):
    # m / 2**shift rounded half to even.
    if shift <= 0:
        return m << -shift
    if shift > m.bit_length():
        return 0
    q = m >> shift
    r = m - (q << shift)
    half = 1 << (shift - 1)
    if r > half or (r == half and q & 1):
        q += 1
    return q


def _float_to_bytes(x, code, native):
    ebits, mbits = _FLOAT_FORMATS[code]
    emax = (1 << ebits) - 1
    bias = (1 << (ebits - 1)) - 1
    sign = 1 if math.copysign(1.0, x) < 0 else 0
    if x != x:
        bits = (emax << mbits) | (1 << (mbits - 1))
    elif x == math.inf or x == -math.inf:
        bits = emax << mbits
    elif x == 0.0:
        bits = 0
    else:
        m, k = _float_parts(x)
        ue = m.bit_length() - 1 + k          # unbiased exponent of the leading bit
        if ue + bias >= 1:
            q = _round_shift(m, m.bit_length() - 1 - mbits)
            bits = ((ue + bias) << mbits) + q - (1 << mbits)
        else:
            # Subnormal: a carry out of the fraction lands in the exponent field.
            bits = _round_shift(m, 1 - bias - mbits - k)
        if bits >= emax << mbits:
            if native and code == "f":
                bits = emax << mbits      # a C cast to float rounds to inf
            else:
                raise OverflowError("float too large to pack with %s format" % code)
    size = (1 + ebits + mbits) // 8
    out = _int_to_le(bits, size)
    if sign:
        out[size - 1] |= 128
    return out


def _bytes_to_float(data, code):
    ebits, mbits = _FLOAT_FORMATS[code]
    emax = (1 << ebits) - 1
    bias = (1 << (ebits - 1)) - 1
    n = len(data)
    top = data[n - 1]
    sign = top >> 7
    bits = top & 127
    for i in range(n - 2, -1, -1):
        bits = (bits << 8) | data[i]
    e = bits >> mbits
    frac = bits & ((1 << mbits) - 1)
    if e == emax:
        v = math.inf if frac == 0 else math.nan
    elif e == 0:
        v = float(frac) * 2.0 ** (1 - bias - mbits)
    else:
        v = float(frac + (1 << mbits)) * 2.0 ** (e - bias - mbits)
    return -v if sign else v


# Format parsing ------------------------------------------------------------------------

def _parse(fmt):
    """-> (order, groups, size, nitems); groups are (code, count, offset)."""
    order = "native"
    i = 0
    if fmt and fmt[0] in "@=<>!":
        order = {"@": "native", "=": "little", "<": "little", ">": "big", "!": "big"}[fmt[0]]
        i = 1
    table = _NATIVE if order == "native" else _STANDARD
    groups = []
    size = 0
    nitems = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c in _SPACES:
            i += 1
            continue
        num = 1
        if c in _DIGITS:
            num = 0
            while i < n and fmt[i] in _DIGITS:
                d = ord(fmt[i]) - 48
                if num > (_SSIZE_MAX - d) // 10:
                    raise error("total struct size too long")
                num = num * 10 + d
                i += 1
            if i >= n:
                raise error("repeat count given without format specifier")
            c = fmt[i]
        if c not in table:
            raise error("bad char in struct format")
        i += 1
        itemsize = table[c]
        if order == "native" and c not in "xsp" and size % itemsize:
            size += itemsize - size % itemsize
        if num and num > (_SSIZE_MAX - size) // itemsize:
            raise error("total struct size too long")
        groups.append((c, num, size))
        if c in "sp":
            size += num
            nitems += 1
        else:
            size += num * itemsize
            if c != "x":
                nitems += num
    return order, groups, size, nitems


def _buffer_bytes(buf):
    if isinstance(buf, bytes):
        return buf
    if isinstance(buf, bytearray):
        return bytes(buf)
    if isinstance(buf, memoryview):
        return buf.tobytes()
    raise TypeError("a bytes-like object is required, not '%s'" % type(buf).__name__)


def _index_arg(v):
    if isinstance(v, int):
        return int(v)
    index = getattr(v, "__index__", None) if not isinstance(v, (float, str)) else None
    if index is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    return index()


class Struct:
    """Struct(format): a compiled format, with the size it packs to."""

    def __init__(self, format):
        if isinstance(format, (bytes, bytearray)):
            format = bytes(format).decode("ascii")
        elif not isinstance(format, str):
            raise TypeError("Struct() argument 1 must be a str or bytes object, not %s"
                            % type(format).__name__)
        self._order, self._groups, self._size, self._nitems = _parse(format)
        self._format = format

    @property
    def format(self):
        return self._format

    @property
    def size(self):
        return self._size

    def _pack(self, args, out, base):
        order = self._order
        native = order == "native"
        table = _NATIVE if native else _STANDARD
        big = order == "big"
        k = 0
        for code, num, offset in self._groups:
            pos = base + offset
            if code == "x":
                continue    # out is zero-filled already
            if code == "s" or code == "p":
                v = args[k]
                k += 1
                if not isinstance(v, (bytes, bytearray)):
                    raise error("argument for '%s' must be a bytes object" % code)
                if code == "s":
                    data = bytes(v[:num])
                    out[pos:pos + len(data)] = data
                elif num > 0:
                    data = bytes(v[:num - 1])
                    out[pos] = min(len(data), 255)
                    out[pos + 1:pos + 1 + len(data)] = data
                continue
            itemsize = table[code]
            for j in range(num):
                v = args[k]
                k += 1
                p = pos + j * itemsize
                if code == "c":
                    if not isinstance(v, bytes) or len(v) != 1:
                        raise error("char format requires a bytes object of length 1")
                    out[p] = v[0]
                    continue
                if code == "?":
                    out[p] = 1 if v else 0
                    continue
                if code in "efd":
                    data = _float_to_bytes(_float_arg(v), code, native)
                else:
                    data = _int_to_le(_check_int(v, code, order, itemsize), itemsize)
                if big:
                    data = data[::-1]
                out[p:p + itemsize] = data

    def pack(self, *args):
        if len(args) != self._nitems:
            raise error("pack expected %d items for packing (got %d)"
                        % (self._nitems, len(args)))
        out = bytearray(self._size)
        self._pack(args, out, 0)
        return bytes(out)

    def pack_into(self, *args):
        if len(args) != self._nitems + 2:
            if len(args) == 0:
                raise error("pack_into expected buffer argument")
            if len(args) == 1:
                raise error("pack_into expected offset argument")
            raise error("pack_into expected %d items for packing (got %d)"
                        % (self._nitems, len(args) - 2))
        buffer = args[0]
        if isinstance(buffer, memoryview) and not buffer.readonly:
            pass
        elif not isinstance(buffer, bytearray):
            if isinstance(buffer, (bytes, memoryview)):
                raise TypeError("argument must be read-write bytes-like object, not %s"
                                % type(buffer).__name__)
            raise TypeError("argument must be read-write bytes-like object, not %s"
                            % type(buffer).__name__)
        offset = _index_arg(args[1])
        n = len(buffer)
        size = self._size
        if offset < 0:
            if offset + size > 0:
                raise error("no space to pack %d bytes at offset %d" % (size, offset))
            if offset + n < 0:
                raise error("offset %d out of range for %d-byte buffer" % (offset, n))
            offset += n
        if n - offset < size:
            raise error("pack_into requires a buffer of at least %d bytes for packing %d "
                        "bytes at offset %d (actual buffer size is %d)"
                        % (size + offset, size, offset, n))
        out = bytearray(size)
        self._pack(args[2:], out, 0)
        buffer[offset:offset + size] = out

    def _unpack(self, data, base):
        order = self._order
        table = _NATIVE if order == "native" else _STANDARD
        big = order == "big"
        res = []
        for code, num, offset in self._groups:
            pos = base + offset
            if code == "x":
                continue
            if code == "s":
                res.append(data[pos:pos + num])
                continue
            if code == "p":
                if num == 0:
                    res.append(b"")
                    continue
                n = data[pos]
                if n >= num:
                    n = num - 1
                res.append(data[pos + 1:pos + 1 + n])
                continue
            itemsize = table[code]
            for j in range(num):
                p = pos + j * itemsize
                chunk = data[p:p + itemsize]
                if code == "c":
                    res.append(chunk)
                elif code == "?":
                    res.append(chunk[0] != 0)
                else:
                    if big:
                        chunk = chunk[::-1]
                    if code in "efd":
                        res.append(_bytes_to_float(chunk, code))
                    else:
                        res.append(_le_to_int(chunk, code in "bhilqn"))
        return tuple(res)

    def unpack(self, buffer):
        data = _buffer_bytes(buffer)
        if len(data) != self._size:
            raise error("unpack requires a buffer of %d bytes" % self._size)
        return self._unpack(data, 0)

    def unpack_from(self, buffer, offset=0):
        data = _buffer_bytes(buffer)
        offset = _index_arg(offset)
        n = len(data)
        size = self._size
        if offset < 0:
            if offset + size > 0:
                raise error("not enough data to unpack %d bytes at offset %d" % (size, offset))
            if offset + n < 0:
                raise error("offset %d out of range for %d-byte buffer" % (offset, n))
            offset += n
        if n - offset < size:
            raise error("unpack_from requires a buffer of at least %d bytes for unpacking %d "
                        "bytes at offset %d (actual buffer size is %d)"
                        % (size + offset, size, offset, n))
        return self._unpack(data, offset)

    def iter_unpack(self, buffer):
        data = _buffer_bytes(buffer)
        if self._size == 0:
            raise error("cannot iteratively unpack with a struct of length 0")
        if len(data) % self._size:
            raise error("iterative unpacking requires a buffer of a multiple of %d bytes"
                        % self._size)
        return unpack_iterator(self, data)


class unpack_iterator:
    """What iter_unpack returns: yields one tuple per record."""

    def __init__(self, st, data):
        self._st = st
        self._data = data
        self._pos = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._pos >= len(self._data):
            raise StopIteration
        pos = self._pos
        self._pos += self._st._size
        return self._st._unpack(self._data, pos)

    def __length_hint__(self):
        return (len(self._data) - self._pos) // self._st._size


_cache = {}


def _compiled(fmt):
    s = _cache.get(fmt) if isinstance(fmt, (str, bytes)) else None
    if s is None:
        s = Struct(fmt)
        if len(_cache) >= 100:
            _cache.clear()
        _cache[fmt] = s
    return s


def calcsize(format):
    return _compiled(format).size


def pack(*args):
    if not args:
        raise TypeError("missing format argument")
    return _compiled(args[0]).pack(*args[1:])


def pack_into(*args):
    if not args:
        raise TypeError("missing format argument")
    return _compiled(args[0]).pack_into(*args[1:])


def unpack(*args):
    if len(args) != 2:
        raise TypeError("unpack expected 2 arguments, got %d" % len(args))
    return _compiled(args[0]).unpack(args[1])


def unpack_from(format, /, buffer, offset=0):
    return _compiled(format).unpack_from(buffer, offset)


def iter_unpack(format, buffer, /):
    return _compiled(format).iter_unpack(buffer)
