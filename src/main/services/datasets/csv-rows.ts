/** CsvRowSink: validates each CSV row against the column plan and appends it to growing typed arrays (no strings kept). */
import { parseStrictNumber, numberProblem } from '../../../core/datasets/number';
import { ColumnAccumulator } from '../../../core/datasets/stats';
import type { ColumnPlan } from '../../../core/datasets/columns';
import { SharedRows, float64Column, int32Column, type GrowingColumn } from './growable';
import type { CsvProblem } from '../../../shared/datasets';

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

const IGNORED = -1;
const LABEL = -2;
const ONE_HOT = -3;

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
  /** The current row's parsed numbers in double precision (for exact statistics); set by add/addLine, read by commitRow. */
  private readonly rowValues: Float64Array;
  private readonly labelNumeric: boolean;
  /** Per source column: k ≥ 0 numeric feature slot, LABEL, ONE_HOT − t for one-hot column t, IGNORED. */
  private readonly roles: Int32Array;
  /** The current row's one-hot cell texts; set by add/addLine, read by commitRow. */
  private readonly oneHotValues: string[];
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
    this.roles = new Int32Array(names.length).fill(IGNORED);
    plan.numericFeatures.forEach((j, k) => (this.roles[j] = k));
    plan.oneHotFeatures.forEach((j, t) => (this.roles[j] = ONE_HOT - t));
    this.roles[plan.label] = LABEL;
    this.oneHotValues = plan.oneHotFeatures.map(() => '');
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

  /** Reject a whole row for one problem (e.g. malformed quotes). */
  rejectRow(p: CsvProblem): void {
    this.rowProblems = 0;
    this.problem(p);
    this.endRow(false);
  }

  private badCell(line: number, j: number, raw: string, expected: string): void {
    const reason = numberProblem(raw) ?? 'not a number';
    if (reason === 'empty cell') this.stats[j].missing++;
    this.problem({ line, column: this.names[j], value: raw, expected, reason });
  }

  /** Validate and append one row (already split into fields) that starts on physical line `line`. */
  add(row: string[], line: number): void {
    const ncol = this.names.length;
    if (row.length === 1 && row[0] === '' && ncol > 1) {
      this.emptyLines++;
      return;
    }
    this.rowProblems = 0;
    if (row.length !== ncol) {
      this.problem({
        line,
        column: null,
        value: row.join(',').slice(0, 80),
        expected: `${ncol} fields like the header, found ${row.length}`,
        reason: 'ragged row',
      });
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
    } else if (label.trim() === '') this.badCell(line, this.plan.label, label, 'a class name');
    this.plan.oneHotFeatures.forEach((j, t) => {
      if (row[j].trim() === '') this.badCell(line, j, row[j], 'a category (text feature)');
      this.oneHotValues[t] = row[j];
    });
    if (this.rowProblems > 0) this.endRow(false);
    else this.commitRow(labelValue, label);
  }

  /**
   * Fast path for a line without quotes: text[start, end) is scanned in place and short unsigned integers are
   * parsed from character codes (no string per cell). Anything unusual falls back to add() on the split line.
   */
  addLine(text: string, start: number, end: number, delimiter: string, line: number): void {
    const ncol = this.names.length;
    if (start === end && ncol > 1) {
      this.emptyLines++;
      return;
    }
    const values = this.rowValues;
    const roles = this.roles;
    const delim = delimiter.charCodeAt(0);
    let col = 0;
    let pos = start;
    let labelValue = 0;
    let label = '';
    let ok = true;
    while (ok) {
      if (col >= ncol) {
        ok = false;
        break;
      }
      const role = roles[col];
      // Scan the cell: digits accumulate into v; any other character sends it to the strict parser.
      let v = 0;
      let i = pos;
      let c = 0;
      for (; i < end; i++) {
        c = text.charCodeAt(i);
        if (c === delim) break;
        const digit = c - 48;
        if (digit < 0 || digit > 9) break;
        v = v * 10 + digit;
      }
      let fe = i;
      const simple = fe > pos && fe - pos < 16 && (fe === end || c === delim);
      if (!simple) {
        fe = text.indexOf(delimiter, i);
        if (fe < 0 || fe > end) fe = end;
      }
      if (role >= 0 || (role === LABEL && this.labelNumeric)) {
        if (!simple) v = parseStrictNumber(text.slice(pos, fe));
        if (v !== v) ok = false;
        else if (role >= 0) values[role] = v;
        else labelValue = v;
      } else if (role === LABEL || role <= ONE_HOT) {
        const cell = text.slice(pos, fe);
        if (cell.trim() === '') ok = false;
        else if (role === LABEL) label = cell;
        else this.oneHotValues[ONE_HOT - role] = cell;
      }
      col++;
      if (fe >= end) break;
      pos = fe + 1;
    }
    if (!ok || col !== ncol) this.add(text.slice(start, end).split(delimiter), line);
    else {
      this.matrix.data.set(values, this.matrix.reserveRow());
      this.commitRow(labelValue, label);
    }
  }

  /** Append the validated row: statistics, label and one-hot codes (the numbers are already in the matrix). */
  private commitRow(labelValue: number, label: string): void {
    const idx = this.numIdx;
    const values = this.rowValues;
    for (let k = 0; k < idx.length; k++) this.stats[idx[k]].addNumber(values[k]);
    if (this.labelNumeric) {
      this.labelNumbers.push(labelValue);
      this.stats[this.plan.label].addNumber(labelValue);
    } else {
      this.labelText.codes.push(this.labelText.code(label));
      this.stats[this.plan.label].addText(label);
    }
    this.plan.oneHotFeatures.forEach((j, t) => {
      const v = this.oneHotValues[t];
      this.oneHot[t].codes.push(this.oneHot[t].code(v));
      this.stats[j].addText(v);
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
