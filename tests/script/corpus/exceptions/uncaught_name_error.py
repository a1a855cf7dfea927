# NameError for a name with no close match.
def compute():
    return undefined_helper_xyz(3)

print("computing")
compute()
