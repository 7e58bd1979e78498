"""Counts red pixels (R high, G and B low) in a PPM page image inside a box given in mm.

usage: red_pixels.py page.ppm x1 y1 x2 y2   -> prints the count
"""
import sys

data = open(sys.argv[1], "rb").read()
parts = data.split(maxsplit=4)
assert parts[0] == b"P6", "expected a binary PPM"
w, h, pix = int(parts[1]), int(parts[2]), parts[4]
x1, y1, x2, y2 = (float(v) for v in sys.argv[2:6])
sx, sy = w / 210.0, h / 297.0
n = 0
for y in range(int(y1 * sy), min(h, int(y2 * sy))):
    for x in range(int(x1 * sx), min(w, int(x2 * sx))):
        r, g, b = pix[3 * (y * w + x): 3 * (y * w + x) + 3]
        if r > 180 and g < 120 and b < 120:
            n += 1
print(n)
