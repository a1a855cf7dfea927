# __len__, __getitem__, __contains__ and __bool__.
class Deck:
    def __init__(self, cards):
        self.cards = list(cards)
    def __len__(self):
        return len(self.cards)
    def __getitem__(self, i):
        return self.cards[i]
    def __contains__(self, c):
        return c in self.cards
deck = Deck("AKQJ")
print(len(deck), deck[0], deck[-1], deck[1:3], "Q" in deck, "2" in deck)
print(list(deck), bool(deck), bool(Deck([])))
for card in deck:
    print(card, end=" ")
print()
class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        return self.on
print("yes" if Flag(True) else "no", "yes" if Flag(False) else "no")
