/** Per-column statistics (min, max, mean, std, missing, distinct) gathered in one streaming pass, and class balance. */
import type { Dataset, Target } from './dataset';

export interface ColumnStats {
  name: string;
  /** 0-based position in the source (CSV column or feature index). */
  index: number;
  type: 'numeric' | 'text';
  role: 'label' | 'feature' | 'ignored';
  /** Numeric columns only (null for text or when no value was seen). */
  min: number | null;
  max: number | null;
  mean: number | null;
  /** Population standard deviation. */
  std: number | null;
  /** Empty cells (only non-zero when invalid rows were dropped or problems collected). */
  missing: number;
  /** Distinct values, counted exactly up to DISTINCT_CAP; `distinctCapped` says the true count is higher. */
  distinct: number;
  distinctCapped: boolean;
}

export const DISTINCT_CAP = 1000;

/** One column's running statistics (Welford mean/variance; integers 0..4095 counted in a bitmap, others in a Set). */
export class ColumnAccumulator {
  private count = 0;
  private mean = 0;
  private m2 = 0;
  private min = Infinity;
  private max = -Infinity;
  missing = 0;
  /** Distinct small integers 0..4095, by bitmap (cheap for pixel and class columns). */
  private readonly small = new Uint8Array(4096);
  private smallCount = 0;
  private readonly others = new Set<number | string>();
  private capped = false;

  constructor(
    readonly name: string,
    readonly index: number,
    readonly type: 'numeric' | 'text',
    public role: ColumnStats['role'],
  ) {}

  addNumber(v: number): void {
    this.count++;
    const delta = v - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (v - this.mean);
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    if (this.capped) return;
    if (v >= 0 && v < 4096 && (v | 0) === v) {
      if (this.small[v] === 0) {
        this.small[v] = 1;
        this.smallCount++;
      }
    } else this.others.add(v);
    this.checkCap();
  }

  addText(s: string): void {
    this.count++;
    if (this.capped) return;
    this.others.add(s);
    this.checkCap();
  }

  private checkCap(): void {
    if (this.smallCount + this.others.size > DISTINCT_CAP) {
      this.capped = true;
      this.others.clear();
    }
  }

  result(): ColumnStats {
    const numeric = this.type === 'numeric' && this.count > 0;
    return {
      name: this.name,
      index: this.index,
      type: this.type,
      role: this.role,
      min: numeric ? this.min + 0 : null, // + 0: -0 becomes 0 (JSON-safe)
      max: numeric ? this.max + 0 : null,
      mean: numeric ? this.mean + 0 : null,
      std: numeric ? Math.sqrt(this.m2 / this.count) : null,
      missing: this.missing,
      distinct: this.capped ? DISTINCT_CAP : this.smallCount + this.others.size,
      distinctCapped: this.capped,
    };
  }
}

/** Statistics of every feature column of a dataset (x: N×D → D entries, role 'feature'). */
export function datasetColumnStats(data: Dataset): ColumnStats[] {
  const acc = data.featureNames.map((name, j) => new ColumnAccumulator(name, j, 'numeric', 'feature'));
  for (let i = 0; i < data.n; i++) {
    const row = i * data.d;
    for (let j = 0; j < data.d; j++) acc[j].addNumber(data.x[row + j]);
  }
  return acc.map((a) => a.result());
}

export interface ClassCount {
  className: string;
  count: number;
  fraction: number;
}

/** Rows per class (empty for regression targets). */
export function classBalance(target: Target): ClassCount[] {
  if (target.kind !== 'classes') return [];
  const counts = new Array<number>(target.classNames.length).fill(0);
  for (let i = 0; i < target.y.length; i++) counts[target.y[i]]++;
  const n = target.y.length;
  return target.classNames.map((className, k) => ({ className, count: counts[k], fraction: n > 0 ? counts[k] / n : 0 }));
}
