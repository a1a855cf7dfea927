from string import Template

t = Template("$who likes ${what}s, costs $$${price}; $who again")
print(t.substitute(who="tim", what="kung pao", price=10))
print(t.substitute({"who": "ann", "what": "tea", "price": 2.5}))
print(t.substitute({"who": "ann", "what": "tea", "price": 1}, who="kw wins"))
print(t.template, t.get_identifiers(), t.is_valid())
print(Template("$a$b${c}d$").is_valid(), Template("100%$ $_x1y.z").safe_substitute(_x1y="ok"))
print(Template("").substitute(), Template("no placeholders").substitute(x=1))
print(Template("${x} $x").substitute(x=[1, 2]))
