/** The project's rng.py: the app's mulberry32 / Box–Muller / Fisher–Yates PRNG ported to Python, bit for bit. */

export const RNG_PY = String.raw`
"""The app's seeded PRNG, ported bit for bit: mulberry32 (uniforms), Box-Muller (normals), Fisher-Yates (shuffles).

mulberry32's state is a counter (state += 0x6D2B79F5 per draw), so a block of draws is one vectorised hash.
Init, the data split, the batch order and the Dropout masks all come from this generator, as in the app.
"""
import math

import numpy as np

MASK = 0xFFFFFFFF
STEP = 0x6D2B79F5


def _mulberry32(states):
    """uint32 states (already advanced) -> uint32 outputs; numpy's uint32 products wrap like Math.imul."""
    t = states.astype(np.uint32)
    t = (t ^ (t >> np.uint32(15))) * (t | np.uint32(1))
    t = t ^ (t + (t ^ (t >> np.uint32(7))) * (t | np.uint32(61)))
    return t ^ (t >> np.uint32(14))


def derive_seed(seed, stream):
    """The seed of an independent stream (e.g. 1 for Dropout), as the app's deriveSeed computes it."""
    a = (((int(seed) & MASK) ^ 0x9E3779B9) * 0x85EBCA6B) & MASK
    return (a + ((int(stream) * 0xC2B2AE35) & MASK)) & MASK


class Rng:
    """One stream: uniforms in [0, 1), standard normals and in-place shuffles, in the app's order of draws."""

    def __init__(self, seed):
        self.state = int(seed) & MASK
        self.spare = None  # the second normal of a Box-Muller pair, used by the next normal() draw

    def uniforms(self, count):
        """The next 'count' uniforms in [0, 1) as float64 (uint32 / 2**32, exactly as the app divides)."""
        k = np.arange(1, count + 1, dtype=np.uint64)
        states = (np.uint64(self.state) + k * np.uint64(STEP)) & np.uint64(MASK)
        self.state = (self.state + count * STEP) & MASK
        return _mulberry32(states).astype(np.float64) / 4294967296.0

    def next(self):
        return float(self.uniforms(1)[0])

    def normals(self, count):
        """The next 'count' N(0, 1) draws; Box-Muller pairs (cos, sin) with u1 = 1 - next() so log(0) never happens."""
        out = []
        if count > 0 and self.spare is not None:
            out.append(self.spare)
            self.spare = None
        pairs = (count - len(out) + 1) // 2
        u = self.uniforms(2 * pairs)
        for k in range(pairs):
            # math.* (the C library) rather than numpy's vector kernels: closest to the app's Math.log/cos/sin
            r = math.sqrt(-2 * math.log(1 - u[2 * k]))
            angle = 2 * math.pi * u[2 * k + 1]
            out.append(r * math.cos(angle))
            if len(out) < count:
                out.append(r * math.sin(angle))
            else:
                self.spare = r * math.sin(angle)
        return np.array(out, dtype=np.float64)

    def shuffle(self, a):
        """Fisher-Yates in place on a 1-D numpy array: for i = n-1 .. 1, swap a[i] with a[floor(next() * (i + 1))]."""
        n = len(a)
        if n < 2:
            return a
        i = np.arange(n - 1, 0, -1)
        j = np.floor(self.uniforms(n - 1) * (i + 1)).astype(np.int64)
        for i_k, j_k in zip(i.tolist(), j.tolist()):
            a[i_k], a[j_k] = a[j_k], a[i_k]
        return a
`;
