# binascii for aio-py: conversions between binary data and ASCII encodings.
# Covers: hexlify/b2a_hex (sep, bytes_per_sep), unhexlify/a2b_hex, b2a_base64 (newline),
# a2b_base64 (strict_mode too), b2a_uu/a2b_uu, a2b_qp/b2a_qp (quoted-printable), crc32
# (with a start value), crc_hqx, Error, Incomplete.
# Leaves out: nothing of 3.11's public API (the hqx functions were removed in 3.11).

class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


_HEX = b"0123456789abcdef"
_B64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
# byte value -> base64 digit value, or -1 when not in the alphabet
_B64_REV = [-1] * 256
for _i, _c in enumerate(_B64):
    _B64_REV[_c] = _i
del _i, _c


def _bytes_arg(data):
    # Encoders accept any bytes-like object, but not str.
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    if isinstance(data, memoryview):
        return data.tobytes()
    raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)


def _ascii_arg(data):
    # Decoders (a2b_*) also accept a str holding only ASCII characters.
    if isinstance(data, str):
        for ch in data:
            if ord(ch) > 127:
                raise ValueError("string argument should contain only ASCII characters")
        return data.encode("ascii")
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    if isinstance(data, memoryview):
        return data.tobytes()
    raise TypeError("argument should be bytes, buffer or ASCII string, not '%s'"
                    % type(data).__name__)


_NOSEP = object()


def hexlify(data, sep=_NOSEP, bytes_per_sep=1):
    data = _bytes_arg(data)
    out = bytearray()
    for b in data:
        out.append(_HEX[b >> 4])
        out.append(_HEX[b & 15])
    if sep is _NOSEP:
        return bytes(out)
    # Same checks, in the same order, as CPython's C implementation.
    if len(sep) != 1:   # len() raises CPython's TypeError for sep=1 / sep=None
        raise ValueError("sep must be length 1.")
    if type(sep) is str:
        if ord(sep) > 255:
            raise ValueError("sep must be ASCII.")
        sepb = ord(sep)
    elif type(sep) is bytes:
        sepb = sep[0]
    else:
        raise TypeError("sep must be str or bytes.")
    if not isinstance(bytes_per_sep, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(bytes_per_sep).__name__)
    n = len(data)
    step = bytes_per_sep if bytes_per_sep >= 0 else -bytes_per_sep
    if step == 0 or step >= n:
        return bytes(out)
    # Group sizes: positive counts from the right, negative from the left.
    groups = []
    if bytes_per_sep > 0:
        first = n % step
        pos = 0
        if first:
            groups.append((0, first))
            pos = first
        while pos < n:
            groups.append((pos, pos + step))
            pos += step
    else:
        pos = 0
        while pos < n:
            groups.append((pos, min(pos + step, n)))
            pos += step
    res = bytearray()
    for k, (a, b) in enumerate(groups):
        if k:
            res.append(sepb)
        res += out[2 * a:2 * b]
    return bytes(res)


b2a_hex = hexlify


def unhexlify(hexstr):
    data = _ascii_arg(hexstr)
    if len(data) % 2:
        raise Error("Odd-length string")
    out = bytearray()
    for i in range(0, len(data), 2):
        hi = _hexval(data[i])
        lo = _hexval(data[i + 1])
        if hi < 0 or lo < 0:
            raise Error("Non-hexadecimal digit found")
        out.append(hi * 16 + lo)
    return bytes(out)


a2b_hex = unhexlify


def _hexval(c):
    if 48 <= c <= 57:
        return c - 48
    if 97 <= c <= 102:
        return c - 87
    if 65 <= c <= 70:
        return c - 55
    return -1


def b2a_base64(data, *, newline=True):
    data = _bytes_arg(data)
    out = bytearray()
    n = len(data)
    full = n - n % 3
    for i in range(0, full, 3):
        v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out.append(_B64[v >> 18])
        out.append(_B64[(v >> 12) & 63])
        out.append(_B64[(v >> 6) & 63])
        out.append(_B64[v & 63])
    rest = n - full
    if rest == 1:
        v = data[full] << 16
        out += bytes([_B64[v >> 18], _B64[(v >> 12) & 63], 61, 61])
    elif rest == 2:
        v = (data[full] << 16) | (data[full + 1] << 8)
        out += bytes([_B64[v >> 18], _B64[(v >> 12) & 63], _B64[(v >> 6) & 63], 61])
    if newline:
        out.append(10)
    return bytes(out)


def a2b_base64(data, *, strict_mode=False):
    data = _ascii_arg(data)
    if strict_mode and data and data[0] == 61:
        raise Error("Leading padding not allowed")
    out = bytearray()
    left = 0          # bits of the current digit not yet written out
    quad = 0          # position inside the current group of four digits
    pads = 0          # '=' seen at the end of an incomplete group
    padding_started = False
    n = len(data)
    for i in range(n):
        c = data[i]
        if c == 61:   # '='
            padding_started = True
            # Padding only counts once at least two digits of the group are in.
            if quad >= 2:
                pads += 1
                if quad + pads >= 4:
                    if strict_mode and i + 1 < n:
                        raise Error("Excess data after padding")
                    return bytes(out)
            continue
        v = _B64_REV[c]
        if v < 0:
            if strict_mode:
                raise Error("Only base64 data is allowed")
            continue
        if strict_mode and padding_started:
            raise Error("Discontinuous padding not allowed")
        pads = 0
        if quad == 0:
            quad = 1
            left = v
        elif quad == 1:
            quad = 2
            out.append(((left << 2) | (v >> 4)) & 255)
            left = v & 15
        elif quad == 2:
            quad = 3
            out.append(((left << 4) | (v >> 2)) & 255)
            left = v & 3
        else:
            quad = 0
            out.append(((left << 6) | v) & 255)
            left = 0
    if quad == 1:
        raise Error("Invalid base64-encoded string: number of data characters (%d) "
                    "cannot be 1 more than a multiple of 4" % (len(out) // 3 * 4 + 1))
    if quad != 0:
        raise Error("Incorrect padding")
    return bytes(out)


def _make_crc_table():
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            if c & 1:
                c = 0xEDB88320 ^ (c >> 1)
            else:
                c >>= 1
        table.append(c)
    return table


_CRC_TABLE = None


def crc32(data, crc=0):
    global _CRC_TABLE
    data = _bytes_arg(data)
    if _CRC_TABLE is None:
        _CRC_TABLE = _make_crc_table()
    table = _CRC_TABLE
    c = (crc & 0xFFFFFFFF) ^ 0xFFFFFFFF
    for b in data:
        c = table[(c ^ b) & 255] ^ (c >> 8)
    return c ^ 0xFFFFFFFF


def crc_hqx(data, crc):
    data = _bytes_arg(data)
    c = crc & 0xFFFF
    for b in data:
        c ^= b << 8
        for _ in range(8):
            if c & 0x8000:
                c = ((c << 1) ^ 0x1021) & 0xFFFF
            else:
                c = (c << 1) & 0xFFFF
    return c


def b2a_uu(data, *, backtick=False):
    data = _bytes_arg(data)
    n = len(data)
    if n > 45:
        raise Error("At most 45 bytes at once")
    out = bytearray()
    out.append(96 if backtick and n == 0 else 32 + n)
    # Bits go out six at a time; after the data, zero bits until none are left over.
    left = 0
    leftbits = 0
    i = 0
    while i < n or leftbits != 0:
        left = (left << 8) | (data[i] if i < n else 0)
        leftbits += 8
        i += 1
        while leftbits >= 6:
            c = (left >> (leftbits - 6)) & 63
            leftbits -= 6
            out.append(96 if backtick and c == 0 else 32 + c)
        left &= (1 << leftbits) - 1
    out.append(10)
    return bytes(out)


def a2b_uu(data):
    data = _ascii_arg(data)
    n = len(data)
    if n == 0:
        return b"\0" * 32
    bin_len = (data[0] - 32) & 63
    out = bytearray()
    left = 0
    leftbits = 0
    i = 1
    while bin_len > 0:
        c = data[i] if i < n else 0
        if c == 10 or c == 13 or i >= n:
            c = 0   # spaces eaten at the end of the line count as zeros
        else:
            if c < 32 or c > 96:
                raise Error("Illegal char")
            c = (c - 32) & 63
        left = (left << 6) | c
        leftbits += 6
        if leftbits >= 8:
            leftbits -= 8
            out.append((left >> leftbits) & 255)
            left &= (1 << leftbits) - 1
            bin_len -= 1
        i += 1
    while i < n:
        c = data[i]
        if c != 32 and c != 96 and c != 10 and c != 13:
            raise Error("Trailing garbage")
        i += 1
    return bytes(out)


def a2b_qp(data, header=False):
    data = _ascii_arg(data)
    n = len(data)
    out = bytearray()
    i = 0
    while i < n:
        c = data[i]
        if c == 61:   # '='
            i += 1
            if i >= n:
                break
            c = data[i]
            if c == 10 or c == 13:
                # Soft line break: drop everything up to and including the newline.
                if c != 10:
                    while i < n and data[i] != 10:
                        i += 1
                if i < n:
                    i += 1
            elif c == 61:
                out.append(61)
                i += 1
            elif i + 1 < n and _hexval(c) >= 0 and _hexval(data[i + 1]) >= 0:
                out.append(_hexval(c) * 16 + _hexval(data[i + 1]))
                i += 2
            else:
                out.append(61)
        elif header and c == 95:   # '_'
            out.append(32)
            i += 1
        else:
            out.append(c)
            i += 1
    return bytes(out)


_QP_MAXLINE = 76
_HEX_UPPER = b"0123456789ABCDEF"


def b2a_qp(data, quotetabs=False, istext=True, header=False):
    data = _bytes_arg(data)
    n = len(data)
    # Lines end in CRLF when the first newline of the input is preceded by CR.
    p = data.find(b"\n")
    crlf = p > 0 and data[p - 1] == 13
    brk = b"=\r\n" if crlf else b"=\n"
    out = bytearray()
    linelen = 0
    i = 0
    while i < n:
        c = data[i]
        nxt = data[i + 1] if i + 1 < n else -1
        if (c > 126 or c == 61 or (header and c == 95)
                or (c == 46 and linelen == 0 and (nxt in (-1, 10, 13, 0)))
                or (not istext and (c == 13 or c == 10))
                or ((c == 9 or c == 32) and i + 1 == n)
                or (c < 33 and c != 13 and c != 10
                    and (quotetabs or (c != 9 and c != 32)))):
            if linelen + 3 >= _QP_MAXLINE:
                out += brk
                linelen = 0
            out.append(61)
            out.append(_HEX_UPPER[c >> 4])
            out.append(_HEX_UPPER[c & 15])
            i += 1
            linelen += 3
        elif istext and (c == 10 or (c == 13 and nxt == 10)):
            linelen = 0
            # Whitespace at the end of a line would be lost: encode it.
            if out and (out[-1] == 32 or out[-1] == 9):
                ch = out[-1]
                out[-1] = 61
                out.append(_HEX_UPPER[ch >> 4])
                out.append(_HEX_UPPER[ch & 15])
            out += b"\r\n" if crlf else b"\n"
            i += 2 if c == 13 else 1
        else:
            if i + 1 != n and nxt != 10 and linelen + 1 >= _QP_MAXLINE:
                out += brk
                linelen = 0
            linelen += 1
            if header and c == 32:
                out.append(95)
            else:
                out.append(c)
            i += 1
    return bytes(out)
