# Integer literal spellings.
print(0, 00, 0x1F, 0X1f, 0o17, 0b1011)
print(1_000_000, 0x_ff, 0b_1111_0000)
print(-0x10, +42, - - 3)
print(0xFFFFFFFF, 0o777)
