# Format specs for floats.
x = 3.14159265
print(f"{x:.2f} {x:.0f} {x:10.3f}| {x:<10.3f}| {x:+.1f}")
print(f"{2.675:.2f} {0.5:.0f} {1.5:.0f} {2.5:.0f} {-0.001:.2f}")
print(f"{1234.5678:,.2f} {x:e} {x:.2e} {0.000123:.3e}")
print(f"{x:g} {1e-5:g} {123456789.0:g} {0.0001:g} {100.0:g} {x:.3g}")
print(f"{0.256:.1%} {1.0:%}")
print(f"{x} {1e20} {float('inf'):.2f} {float('nan'):8.2f}|")
print(f"{7.0:08.3f} {-7.0:08.3f}")
