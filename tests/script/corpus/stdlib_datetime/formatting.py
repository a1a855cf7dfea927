# time / datetime: repr, str, isoformat(timespec), strftime directives, ctime
from datetime import date, time, datetime, timedelta, timezone

ts = [time(), time(1), time(1, 2), time(1, 2, 3), time(1, 2, 3, 4), time(23, 59, 59, 999999),
      time(12, 0, tzinfo=timezone.utc), time(5, 6, 7, 8000, timezone(timedelta(hours=-3, minutes=-30))),
      time(1, fold=1), time.min, time.max]
for t in ts:
    print(repr(t), str(t), t.isoformat(), t.hour, t.minute, t.second, t.microsecond, t.fold)
    for spec in ("auto", "hours", "minutes", "seconds", "milliseconds", "microseconds"):
        print(" ", spec, t.isoformat(spec), t.isoformat(timespec=spec))
    print(" ", t.strftime("%H:%M:%S.%f %I %p %z|%Z| %Y-%m-%d %a %j"), t.utcoffset(), t.tzname(), t.dst())
print(repr(time.resolution), bool(time()), bool(time(0, tzinfo=timezone.utc)))

dts = [datetime(2020, 1, 2), datetime(2020, 1, 2, 3), datetime(2020, 1, 2, 3, 4, 5),
       datetime(2020, 1, 2, 3, 4, 0, 6), datetime(1999, 12, 31, 23, 59, 59, 999999),
       datetime(2021, 6, 15, 14, 30, tzinfo=timezone.utc),
       datetime(2021, 6, 15, 14, 30, 15, 250, tzinfo=timezone(timedelta(hours=5, minutes=30), "IST")),
       datetime(2021, 6, 15, 14, 30, tzinfo=timezone(-timedelta(hours=8))),
       datetime(2021, 6, 15, 14, 30, tzinfo=timezone(timedelta(seconds=3725))),
       datetime(5, 3, 4, 1, 2, 3), datetime(2020, 1, 1, fold=1), datetime.min, datetime.max]
for dt in dts:
    print(repr(dt))
    print(" ", str(dt), dt.isoformat(), dt.isoformat(" "), dt.isoformat("x", "minutes"), dt.ctime())
    print(" ", dt.isoformat(timespec="milliseconds"), dt.isoformat(timespec="hours"), dt.isoformat(timespec="microseconds"))
    print(" ", dt.strftime("%a %A %w %d %b %B %m %y %Y %H %I %p %M %S %f %z %Z %j %U %W %%"))
    print(" ", dt.strftime("%c | %x | %X | %G-W%V-%u | %e | %D %T %F %R %r %h %C"))
    print(" ", f"{dt:%Y/%m/%d %H.%M}", format(dt, ""), "{0:%B}".format(dt), dt.date(), dt.time(), repr(dt.timetz()))
    print(" ", dt.timetuple()[:], dt.utcoffset(), dt.tzname(), dt.dst(), dt.toordinal(), dt.weekday())
for h in (0, 1, 11, 12, 13, 23):
    print(h, time(h).strftime("%I %p %l %k|%P"))
print(date(2020, 5, 17).strftime("%H:%M:%S %f %z [%Z] %Q literal %% end %"))
print(datetime(2024, 12, 30).strftime("%G %V %g %u"), datetime(2027, 1, 1).strftime("%G %V %u %U %W"))
for y in range(2015, 2030):
    x = date(y, 1, 1)
    print(y, x.strftime("%a %U %W %V %G %j"), date(y, 12, 31).strftime("%a %U %W %V %G %j"))
print(repr(datetime.resolution))
print(datetime(2020, 1, 2, 3, 4, 5).utctimetuple()[:])
print(datetime(2020, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=5))).utctimetuple()[:])
print(datetime(2020, 1, 2, 3, 4, 5, tzinfo=timezone.utc).timetuple()[:])
print(tuple(datetime(2020, 6, 1).isocalendar()), date(2020, 1, 1).timetuple().tm_yday if hasattr(date(2020, 1, 1).timetuple(), "tm_yday") else None)
