/** Column statistics of unsigned-byte data (idx images) from one 256-bin histogram per column: exact and fast. */
import type { ColumnStats } from './stats';

/**
 * Statistics of N×D bytes, reported for the values byte·scale (e.g. scale 1/255 for pixels in [0, 1]).
 * data: N×D row-major → D ColumnStats (role 'feature', type 'numeric').
 */
export function byteColumnStats(data: Uint8Array, n: number, d: number, names: readonly string[], scale: number): ColumnStats[] {
  if (data.length < n * d) throw new Error(`byteColumnStats: ${data.length} bytes, expected n×d = ${n}×${d}`);
  const hist = new Uint32Array(d * 256);
  for (let i = 0; i < n; i++) {
    const row = i * d;
    for (let j = 0; j < d; j++) hist[j * 256 + data[row + j]]++;
  }
  return names.map((name, j) => {
    let min = -1;
    let max = -1;
    let sum = 0;
    let distinct = 0;
    for (let b = 0; b < 256; b++) {
      const c = hist[j * 256 + b];
      if (c === 0) continue;
      if (min < 0) min = b;
      max = b;
      sum += c * b;
      distinct++;
    }
    const mean = n > 0 ? sum / n : 0;
    let ss = 0;
    for (let b = min; b <= max && b >= 0; b++) ss += hist[j * 256 + b] * (b - mean) ** 2;
    const some = n > 0;
    return {
      name,
      index: j,
      type: 'numeric',
      role: 'feature',
      min: some ? min * scale : null,
      max: some ? max * scale : null,
      mean: some ? mean * scale : null,
      std: some ? Math.sqrt(ss / n) * scale : null,
      missing: 0,
      distinct,
      distinctCapped: false,
    };
  });
}
