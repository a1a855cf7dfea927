class A:
    def __init__(self):
        try:
            super().o
        except AttributeError as e:
            print(e)
A()
print(hasattr(super(A, A()), "x"))
