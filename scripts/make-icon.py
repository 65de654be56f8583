"""Draws resources/icon.png (256×256): a tiny three-layer network, forward edges blue, one backward path orange."""
import math, struct, zlib, pathlib

S = 256
img = [[(24, 32, 48, 255)] * S for _ in range(S)]
layers = [[(64, 80), (64, 176)], [(128, 64), (128, 128), (128, 192)], [(192, 96), (192, 160)]]

def line(a, b, color, width):
    (x0, y0), (x1, y1) = a, b
    for y in range(S):
        for x in range(S):
            dx, dy = x1 - x0, y1 - y0
            t = max(0, min(1, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)))
            if math.hypot(x - (x0 + t * dx), y - (y0 + t * dy)) <= width:
                img[y][x] = color

for i in range(2):
    for a in layers[i]:
        for b in layers[i + 1]:
            line(a, b, (70, 130, 230, 255), 2.5)
line(layers[2][0], layers[1][1], (245, 140, 40, 255), 4)
line(layers[1][1], layers[0][0], (245, 140, 40, 255), 4)
for layer in layers:
    for (cx, cy) in layer:
        for y in range(cy - 20, cy + 21):
            for x in range(cx - 20, cx + 21):
                d = math.hypot(x - cx, y - cy)
                if d <= 18: img[y][x] = (235, 240, 250, 255)
                elif d <= 20: img[y][x] = (70, 130, 230, 255)

raw = b''.join(b'\x00' + b''.join(struct.pack('BBBB', *p) for p in row) for row in img)
def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', S, S, 8, 6, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')
out = pathlib.Path(__file__).resolve().parent.parent / 'resources' / 'icon.png'
out.write_bytes(png)
print(out, len(png))
