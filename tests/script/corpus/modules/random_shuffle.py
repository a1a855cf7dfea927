# shuffle permutes in place, reproducibly for a given seed.
import random
random.seed(123)
deck = list(range(10))
random.shuffle(deck)
print(deck)
words = ["a", "b", "c", "d", "e"]
random.shuffle(words)
print(words)
random.seed(123)
again = list(range(10))
random.shuffle(again)
print(again == deck)
