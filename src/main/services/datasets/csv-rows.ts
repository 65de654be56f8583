/** CsvRowSink: validates each CSV row against the column plan and appends it to growing typed arrays (no strings kept). */
import { parseStrictNumber, numberProblem } from '../../../core/datasets/number';
import { ColumnAccumulator } from '../../../core/datasets/stats';
import type { ColumnPlan } from '../../../core/datasets/columns';
import { SharedRows, float64Column, int32Column, type GrowingColumn } from './growable';
import type { CsvProblem } from './types';

/** A text column's values as codes in order of first appearance, plus the names. */
export class TextCodes {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  readonly codes: GrowingColumn<Int32Array> = int32Column();
  code(s: string): number {
    let c = this.index.get(s);
    if (c === undefined) {
      c = this.names.length;
      this.index.set(s, c);
      this.names.push(s);
    }
    return c;
  }
}

export class CsvRowSink {
  readonly matrix: SharedRows;
  /** Label as numbers (numeric label column) or as text codes. */
  readonly labelNumbers = float64Column();
  readonly labelText = new TextCodes();
  readonly oneHot: TextCodes[];
  readonly stats: ColumnAccumulator[];
  readonly problems: CsvProblem[] = [];
  totalProblems = 0;
  droppedRows = 0;
  readonly dropReasons: Record<string, number> = {};
  emptyLines = 0;
  private readonly numIdx: Int32Array;
  /** The current row's parsed numbers in double precision (for exact statistics); set by add, read by add. */
  private readonly rowValues: Float64Array;
  private readonly labelNumeric: boolean;
  private rowProblems = 0;
  private firstReason = '';

  constructor(
    private readonly names: readonly string[],
    types: readonly ('numeric' | 'text')[],
    private readonly plan: ColumnPlan,
    private readonly keepProblems: number,
    maxMatrixBytes: number,
  ) {
    this.numIdx = Int32Array.from(plan.numericFeatures);
    this.rowValues = new Float64Array(plan.numericFeatures.length);
    this.labelNumeric = types[plan.label] === 'numeric';
    this.matrix = new SharedRows(plan.numericFeatures.length, maxMatrixBytes);
    this.oneHot = plan.oneHotFeatures.map(() => new TextCodes());
    const role = (j: number) =>
      j === plan.label ? 'label' : plan.numericFeatures.includes(j) || plan.oneHotFeatures.includes(j) ? 'feature' : 'ignored';
    this.stats = names.map((name, j) => new ColumnAccumulator(name, j, types[j], role(j)));
  }

  get rows(): number {
    return this.matrix.rows;
  }

  /** Record a problem at a physical line (1-based). */
  problem(p: CsvProblem): void {
    this.totalProblems++;
    this.rowProblems++;
    if (this.rowProblems === 1) this.firstReason = p.reason;
    if (this.problems.length < this.keepProblems) this.problems.push(p);
  }

  private badCell(line: number, j: number, raw: string, expected: string): void {
    const reason = numberProblem(raw) ?? 'not a number';
    if (reason === 'empty cell') this.stats[j].missing++;
    this.problem({ line, column: this.names[j], value: raw, expected, reason });
  }

  /** Validate and append one row that starts on physical line `line`. */
  add(row: string[], line: number): void {
    const ncol = this.names.length;
    if (row.length === 1 && row[0] === '' && ncol > 1) {
      this.emptyLines++;
      return;
    }
    this.rowProblems = 0;
    if (row.length !== ncol) {
      this.problem({ line, column: null, value: row.join(',').slice(0, 80), expected: `${ncol} fields like the header, found ${row.length}`, reason: 'ragged row' });
      this.endRow(false);
      return;
    }
    const start = this.matrix.reserveRow();
    const data = this.matrix.data;
    const idx = this.numIdx;
    const values = this.rowValues;
    for (let k = 0; k < idx.length; k++) {
      const v = parseStrictNumber(row[idx[k]]);
      if (v !== v) this.badCell(line, idx[k], row[idx[k]], 'a number');
      else data[start + k] = values[k] = v;
    }
    const label = row[this.plan.label];
    let labelValue = 0;
    if (this.labelNumeric) {
      labelValue = parseStrictNumber(label);
      if (labelValue !== labelValue) this.badCell(line, this.plan.label, label, 'a number (the label column is numeric)');
    } else if (label.trim() === '') this.badCell(line, this.plan.label, label, 'a class name (the label is empty)');
    this.plan.oneHotFeatures.forEach((j) => {
      if (row[j].trim() === '') this.badCell(line, j, row[j], 'a category (text feature)');
    });
    if (this.rowProblems > 0) {
      this.endRow(false);
      return;
    }
    for (let k = 0; k < idx.length; k++) this.stats[idx[k]].addNumber(values[k]);
    if (this.labelNumeric) {
      this.labelNumbers.push(labelValue);
      this.stats[this.plan.label].addNumber(labelValue);
    } else {
      this.labelText.codes.push(this.labelText.code(label));
      this.stats[this.plan.label].addText(label);
    }
    this.plan.oneHotFeatures.forEach((j, t) => {
      this.oneHot[t].codes.push(this.oneHot[t].code(row[j]));
      this.stats[j].addText(row[j]);
    });
    this.endRow(true);
  }

  private endRow(ok: boolean): void {
    if (ok) this.matrix.rows++;
    else {
      this.droppedRows++;
      this.dropReasons[this.firstReason] = (this.dropReasons[this.firstReason] ?? 0) + 1;
    }
  }
}
