# Custom exception classes print with their bare name.
class BudgetExceeded(Exception):
    pass

def spend(amount, budget):
    if amount > budget:
        raise BudgetExceeded(f"{amount} > {budget}")
    return budget - amount

left = spend(30, 100)
print(left)
spend(80, left)
