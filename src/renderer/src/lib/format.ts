/** Number and duration formatting for the UI (tabular, short, never "NaN" without saying so). */

/** 83 s → "1:23", 3725 s → "1:02:05". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** A metric value with `digits` significant decimals, "–" for null and "NaN"/"∞" spelled out. */
export function formatNumber(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined) return '–';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e5)) return value.toExponential(2);
  return value.toFixed(digits);
}

/** 0.9731 → "97.3 %"; null, undefined or non-finite → `missing` ("–"). The one percent format of the UI. */
export function formatPercent(value: number | null | undefined, missing = '–'): string {
  return value === null || value === undefined || !Number.isFinite(value) ? missing : `${(value * 100).toFixed(1)} %`;
}

/** 0 → "0 B", 1536 → "1.5 KB", 3 × 2²⁰ → "3.0 MB" (binary multiples). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '–';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}
