# Handlers are tried in order; a tuple catches any of its types; base classes catch subclasses.
def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return f"lookup: {type(e).__name__}"
    except ArithmeticError as e:
        return f"arith: {type(e).__name__}"
    except Exception as e:
        return f"other: {type(e).__name__}"
for exc in [KeyError("k"), IndexError(), ZeroDivisionError(), OverflowError(), ValueError(), TypeError()]:
    print(classify(exc))
try:
    [][0]
except LookupError:
    print("LookupError catches IndexError")
print(issubclass(KeyError, LookupError), issubclass(bool, int))
