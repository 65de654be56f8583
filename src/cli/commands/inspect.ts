/** `inspect`: print what the importer detects in a dataset (delimiter, header, columns and stats, classes) and every problem. */
import { DATA_FLAG_OPTIONS } from '../data-flag-options';
import { parseCommandArgs, pickFlags } from '../command-args';
import { parseDataFlags } from '../data-flags';
import { importDataset } from '../../main/services/datasets/import';
import { DatasetImportError, formatProblem } from '../../main/services/datasets/errors';
import { sniffCsv } from '../../main/services/datasets/sniff';
import type { CsvSniff, ColumnStats, ImportResult } from '../../shared/datasets';
import { inspectCheckpoint } from './inspect-checkpoint';

export const INSPECT_OPTIONS = { ...DATA_FLAG_OPTIONS, checkpoint: { type: 'string' }, json: { type: 'boolean' } } as const;

const fmt = (v: number | null) => (v === null ? '—' : Number.isInteger(v) ? String(v) : v.toPrecision(4));
const shown = (d: string) => (d === '\t' ? 'tab' : JSON.stringify(d));

function columnTable(columns: ColumnStats[]): string[] {
  const header = ['column', 'type', 'role', 'min', 'max', 'mean', 'std', 'missing', 'distinct'];
  const rows = columns.map((c) => [
    c.name,
    c.type,
    c.role,
    fmt(c.min),
    fmt(c.max),
    fmt(c.mean),
    fmt(c.std),
    String(c.missing),
    `${c.distinct}${c.distinctCapped ? '+' : ''}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  return [header, ...rows].map(
    (cells) =>
      '  ' +
      cells
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
  );
}

function describe(sniff: CsvSniff | null, result: ImportResult): string[] {
  const { dataset, report } = result;
  const lines: string[] = [`dataset     ${dataset.name} (${report.format})`];
  if (sniff) {
    const cands = sniff.candidates.map((c) => `${shown(c.delimiter)} → ${c.columns} columns`).join(', ') || 'none consistent';
    lines.push(`delimiter   ${shown(sniff.delimiter)}${sniff.ambiguous ? ' (ambiguous)' : ''}; candidates: ${cands}`);
    lines.push(`header      ${sniff.header ? 'yes' : 'no'} (${sniff.headerReason})`);
  }
  lines.push(
    `rows        ${report.rows} kept, ${report.droppedRows} dropped${
      Object.keys(report.dropReasons).length
        ? ` (${Object.entries(report.dropReasons)
            .map(([k, v]) => `${k}: ${v}`)
            .join(', ')})`
        : ''
    }`,
  );
  lines.push(`features    ${dataset.d}${dataset.imageShape ? ` (images ${dataset.imageShape.join('×')})` : ''}`);
  const t = dataset.target;
  lines.push(
    t.kind === 'classes'
      ? `task        classification, ${t.classNames.length} classes`
      : `task        regression, target ${t.names.join(', ')}`,
  );
  if (result.publishedTest) lines.push(`test set    ${result.publishedTest.n} rows (published)`);
  const columns = report.columns.length > 40 ? report.columns.slice(0, 40) : report.columns;
  lines.push('columns:', ...columnTable(columns));
  if (columns.length < report.columns.length)
    lines.push(`  … ${report.columns.length - columns.length} more columns (see --json)`);
  if (report.classBalance.length > 0) {
    lines.push(
      'class balance:',
      ...report.classBalance.map(
        (c) => `  ${c.className.padEnd(12)} ${String(c.count).padStart(7)}  ${(100 * c.fraction).toFixed(1)}%`,
      ),
    );
  }
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  return lines;
}

/** Run `inspect`; exit code 0 when the data is clean, 2 for bad input like `train` (problems found, a refused file, bad flags). */
export async function runInspect(argv: string[], out: (line: string) => void): Promise<number> {
  const values = parseCommandArgs('inspect', argv, INSPECT_OPTIONS);
  if (typeof values.checkpoint === 'string') return inspectCheckpoint(values.checkpoint, values.json === true, out);
  const flags = parseDataFlags(pickFlags(values, DATA_FLAG_OPTIONS));
  const json = values.json === true;
  let sniff: CsvSniff | null = null;
  try {
    if (flags.source.kind === 'csv') sniff = await sniffCsv(flags.source.path, flags.import);
    const result = await importDataset(flags.source, { ...flags.import, collectAll: true });
    const { report } = result;
    if (json) {
      const { dataset } = result;
      const target =
        dataset.target.kind === 'classes'
          ? { task: 'classification', classNames: dataset.target.classNames }
          : { task: 'regression', targetNames: dataset.target.names };
      out(
        JSON.stringify({
          ok: report.totalProblems === 0,
          name: dataset.name,
          n: dataset.n,
          d: dataset.d,
          featureNames: dataset.featureNames,
          ...target,
          imageShape: dataset.imageShape ?? null,
          publishedTestRows: result.publishedTest?.n ?? null,
          sniff,
          report,
        }),
      );
    } else {
      describe(sniff, result).forEach((l) => out(l));
      out(
        `problems    ${report.totalProblems}${report.totalProblems > report.problems.length ? ` (first ${report.problems.length} listed)` : ''}`,
      );
      report.problems.forEach((p) => out(`  ${formatProblem(p)}`));
    }
    return report.totalProblems === 0 ? 0 : 2;
  } catch (e) {
    if (!(e instanceof DatasetImportError)) throw e;
    if (json) out(JSON.stringify({ ok: false, error: e.message, sniff, problems: e.problems, totalProblems: e.totalProblems }));
    else {
      out(`error: ${e.message}`);
      e.problems.forEach((p) => out(`  ${formatProblem(p)}`));
    }
    return 2;
  }
}
