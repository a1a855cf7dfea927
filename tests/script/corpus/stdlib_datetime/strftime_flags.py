# strftime: glibc flags (- _ 0 ^ #), widths, E/O modifiers, unknown conversions
from datetime import date, datetime, time, timedelta, timezone
vals = [datetime(2020, 1, 5, 7, 8, 9, 12), datetime(2021, 11, 23, 19, 45, 3, 999999),
        datetime(7, 3, 9, 0, 0, 1), datetime(2020, 1, 5, 7, 8, 9, 12, tzinfo=timezone(-timedelta(seconds=30)))]
specs = ["%-d|%-m|%-H|%-I|%-M|%-S|%-j|%-y|%-Y|%-U|%-W|%-V|%-G|%-e|%-k|%-l|%-C",
         "%_d|%_m|%_H|%_I|%_M|%_S|%_j|%_y|%_Y|%_e|%_V",
         "%0e|%0k|%0l|%05e|%3d|%10Y|%5d|%1j|%_5m|%-5m|%03u|%2w",
         "%^a|%^A|%^b|%^B|%^h|%^p|%^P|%#a|%#A|%#b|%#B|%#p|%^c|%^x|%^r",
         "%10a|%-10a|%010B|%_10b|%3p|%20c|%12F|%9T",
         "%Ec|%EC|%Ex|%EX|%Ey|%EY|%Od|%Oe|%OH|%OI|%Om|%OM|%OS|%Ou|%OU|%OV|%Ow|%OW|%Oy",
         "%E|%O|%Ed|%Oa|%Q|%q|%i|%J|%K|%L|%N|%o|%v|%-f|%10f|%+|%!|%.|%-",
         "%#Z|%^Z|%-z|%_z|%5z|%Z|%z|%f|%%|%%%%|%%d|100%",
         "%D|%T|%F|%R|%r|%h|%C|%n|%t|%g|%G|%V|%u|%w"]
for v in vals:
    for s in specs:
        print(repr(v.strftime(s)))
    print(repr(v.date().strftime(specs[0])), repr(v.time().strftime(specs[1])), repr(v.timetz().strftime(specs[7])))
print(repr(date(2020, 1, 1).strftime("trailing %")), repr(date(2020, 1, 1).strftime("%-")), repr(date(2020, 1, 1).strftime("%5")))
print(repr(date(2020, 1, 1).strftime("")), repr(time(1).strftime("%c")), repr(time(13).strftime("%x %X %j %U")))
print(repr(datetime(2020, 1, 1, tzinfo=timezone(timedelta(hours=1), "A%dB")).strftime("%Z %z")))
