# fromisoformat / strptime over many generated strings (deterministic)
from datetime import datetime, date, time

def res(f, s):
    try:
        return repr(f(s))
    except (ValueError, TypeError) as e:
        return type(e).__name__ + ": " + str(e)

pieces_date = ["2021-03-04", "20210304", "2021-W09-4", "2021W094", "2021-W09", "2021W09", "2021-W53-1",
               "2020-W53-7", "2021-3-04", "2021-03-4", "0000-01-01", "9999-12-31", "2021-02-29", "2020-02-29"]
pieces_sep = ["T", " ", "t", "x", "TT"]
pieces_time = ["", "05", "0506", "050607", "05:06", "05:06:07", "05:06:07.1", "05:06:07.12345",
               "05:06:07.123456", "05:06:07.1234567", "050607.5", "05:0607", "0506:07", "5:06",
               "24:00", "23:59:59,999", "05:06:07.", "05:06:07.a"]
pieces_tz = ["", "Z", "z", "+00:00", "-00:00", "+05", "+0530", "+05:30", "-05:30:15", "+05:30:15.5",
             "+053015", "+05:3015", "+5", "+24:00", "-23:59", "Z+01"]
n = 0
for d in pieces_date:
    for sep in pieces_sep:
        for t in pieces_time:
            for z in pieces_tz:
                n += 1
                if n % 7 and not (d == pieces_date[0] and sep == "T"):
                    continue
                s = d + sep + t + z
                print(s, "=>", res(datetime.fromisoformat, s))
for t in pieces_time:
    for z in pieces_tz:
        s = t + z
        print(s, "=>", res(time.fromisoformat, s), "|", res(time.fromisoformat, "T" + s))
for d in pieces_date:
    print(d, "=>", res(date.fromisoformat, d))

fmts = ["%Y-%m-%d", "%d/%m/%Y %H:%M", "%b %d, %Y", "%I:%M:%S %p", "%Y%m%d%H%M%S", "%y-%j", "%A %B %d",
        "%H:%M:%S.%f", "%Y-%m-%dT%H:%M:%S%z", "%d%m%y", "%m/%d/%y %I%p", "%U %w %Y", "%G-W%V-%u", "%a, %d %b %Y %H:%M:%S %Z"]
inputs = ["2021-03-04", "04/03/2021 05:06", "Mar 04, 2021", "05:06:07 PM", "20210304050607", "21-063",
          "Thursday March 04", "05:06:07.123", "2021-03-04T05:06:07+0100", "040321", "03/04/21 5PM",
          "09 4 2021", "2021-W09-4", "Thu, 04 Mar 2021 05:06:07 GMT", "2021-3-4", "4/3/2021 5:6", "mar 4, 2021",
          "5:06:07 am", "2021030405060", "21-366", "thursday MARCH 4", "05:06:07.1234567", "2021-03-04T05:06:07Z",
          "3321", "12/31/99 12AM", "53 6 2021", "2020-W53-7", "Thu, 04 Mar 2021 05:06:07 UTC", " 2021-03-04",
          "2021-03-04 ", "2021 -03-04", "1/1/1 1:1"]
for f in fmts:
    for s in inputs:
        r = res(lambda x: datetime.strptime(x, f), s)
        if "does not match" not in r:
            print(repr(f), repr(s), "=>", r)
