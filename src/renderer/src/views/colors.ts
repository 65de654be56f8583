/** Colour scales of the insight views: the diverging orange–grey–blue scale, class colours and the NaN colour. */

export const ORANGE = [245, 147, 34] as const;
export const GREY = [232, 234, 235] as const;
export const BLUE = [8, 119, 189] as const;
/** NaN is drawn in magenta: never mistaken for zero (grey) or any class. */
export const NAN_COLOR = [214, 0, 214] as const;

export type Rgb = readonly [number, number, number];

/** Class colours: orange and blue first (TensorFlow Playground's two classes), then distinct hues. */
export const CLASS_COLORS: Rgb[] = [
  ORANGE,
  BLUE,
  [46, 160, 67],
  [214, 39, 40],
  [148, 103, 189],
  [140, 86, 75],
  [23, 190, 207],
  [188, 189, 34],
  [127, 127, 127],
  [227, 119, 194],
];

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

/** v in [−1, 1] → orange (−1), grey (0), blue (+1); NaN → the NaN colour; values outside are clamped. */
export function diverging(v: number): Rgb {
  if (Number.isNaN(v)) return NAN_COLOR;
  const t = Math.max(-1, Math.min(1, v));
  return t < 0 ? mix(GREY, ORANGE, -t) : mix(GREY, BLUE, t);
}

/** The colour of class c (cycling through the palette). */
export function classColor(c: number): Rgb {
  return CLASS_COLORS[((c % CLASS_COLORS.length) + CLASS_COLORS.length) % CLASS_COLORS.length];
}

/** A lighter tint of `color`: t = 0 → white-ish grey, t = 1 → the colour itself. */
export function tint(color: Rgb, t: number): Rgb {
  return mix(GREY, color, Math.max(0, Math.min(1, t)));
}

export const css = (c: Rgb, alpha = 1): string => `rgba(${Math.round(c[0])}, ${Math.round(c[1])}, ${Math.round(c[2])}, ${alpha})`;
