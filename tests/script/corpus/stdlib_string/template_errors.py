from string import Template

for text, kw in [("$who is $missing", {"who": "x"}), ("Give $", {}), ("a\nb $1", {}),
                 ("line1\nline2\n  ${bad name}", {}), ("${unclosed", {}), ("é$", {})]:
    t = Template(text)
    try:
        print(t.substitute(**kw))
    except KeyError as e:
        print("KeyError:", e)
    except ValueError as e:
        print("ValueError:", e)
    print(repr(t.safe_substitute(**kw)))


class Percent(Template):
    delimiter = "%"


print(Percent("%name costs %%5 %{name}s").substitute(name="pie"))
try:
    Template("$x").substitute({"x": 1}, {"y": 2})
except TypeError as e:
    print("TypeError")
