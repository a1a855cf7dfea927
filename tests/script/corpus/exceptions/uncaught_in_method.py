# Tracebacks through methods name the method.
class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        self.check(amount)
        self.balance -= amount

    def check(self, amount):
        if amount > self.balance:
            raise ValueError("insufficient funds")

acct = Account(10)
acct.withdraw(5)
print(acct.balance)
acct.withdraw(50)
