// Electron security gate: runs Electronegativity on the Electron sources and the page's HTML, writes SARIF, and fails on any finding not in allowed.json.
//
// Usage: node tools/electronegativity/gate.mjs [--root DIR] [--allowed FILE] [--sarif FILE]
//   --root     project folder holding src/main, src/preload, src/renderer/index.html, package.json (default: the repo)
//   --allowed  the allow list (default: tools/electronegativity/allowed.json)
//   --sarif    where the SARIF report goes (default: <root>/reports/electronegativity.sarif)
// Exit status: 0 all findings allowed, 1 a finding not allowed or a file that could not be parsed, 2 bad setup.
//
// Why the sources and not out/: the bundled out/main/index.js hides the window setup from the tool's
// pattern checks (it reported "no navigation limits" and "no permission handler" on a bundle that has both),
// so the sources give the true picture. Electronegativity itself always exits 0 and, when writing SARIF,
// drops its parse errors: this gate calls it programmatically so that an unparsable file fails the gate
// instead of silently going unscanned.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const here = import.meta.dirname;
const { values } = parseArgs({ options: { root: { type: 'string' }, allowed: { type: 'string' }, sarif: { type: 'string' } } });
const root = path.resolve(values.root ?? path.join(here, '../..'));
const allowedPath = path.resolve(values.allowed ?? path.join(here, 'allowed.json'));
const sarifPath = path.resolve(values.sarif ?? path.join(root, 'reports/electronegativity.sarif'));

/** What is scanned, relative to the project root (the renderer's scripts are Svelte, outside the tool's reach; its CSP lives in the HTML). */
const SCANNED = ['src/main', 'src/preload', 'src/renderer/index.html', 'package.json'];

function fail(code, message) {
  console.error(`electronegativity gate: ${message}`);
  process.exit(code);
}

function loadAllowed(file) {
  const list = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(list.allowed) || !Array.isArray(list.excludedChecks)) {
    fail(2, `${file}: expected { "excludedChecks": [...], "allowed": [...] }`);
  }
  for (const [i, entry] of [...list.allowed, ...list.excludedChecks].entries()) {
    if (typeof entry.rule !== 'string' || typeof entry.why !== 'string' || entry.why.trim().length < 10) {
      fail(2, `${file}: entry ${i} needs a "rule" and a one-line "why" (got ${JSON.stringify(entry)})`);
    }
  }
  return list;
}

/** Copy the scanned paths into a private folder so the tool sees exactly those (and the package.json with the Electron version). */
function stage() {
  const dir = mkdtempSync(path.join(tmpdir(), 'electronegativity-'));
  for (const relative of SCANNED) {
    const from = path.join(root, relative);
    if (!existsSync(from)) fail(2, `${from} is missing: nothing to scan there`);
    mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    cpSync(from, path.join(dir, relative), { recursive: true });
  }
  return dir;
}

const require = createRequire(path.join(here, 'package.json'));
let run;
try {
  run = require('@doyensec/electronegativity');
} catch {
  fail(2, `not installed: run  flock /tmp/npm.lock npm ci --prefix tools/electronegativity --ignore-scripts`);
}
const allowed = loadAllowed(allowedPath);
const electronVersion = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies?.electron?.replace(/^[^\d]*/, '');
const staged = stage();
mkdirSync(path.dirname(sarifPath), { recursive: true });
rmSync(sarifPath, { force: true });
let result;
try {
  result = await run(
    {
      input: staged, output: sarifPath, isSarif: true, customScan: [], isRelative: true, isVerbose: false,
      excludeFromScan: allowed.excludedChecks.map((c) => c.rule), electronVersionOverride: electronVersion, parserPlugins: [],
    },
    false,
  );
} finally {
  rmSync(staged, { recursive: true, force: true });
}

/** The tool writes its SARIF with an unawaited fs.writeFile: wait until the file is complete. */
async function readSarif(expectedResults) {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const sarif = JSON.parse(readFileSync(sarifPath, 'utf8'));
      if (sarif.runs.flatMap((r) => r.results).length === expectedResults) return sarif;
    } catch {
      /* not written yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return fail(2, `${sarifPath} was not written with the ${expectedResults} finding(s) the scan returned`);
}

const unparsed = result.errors.filter((e) => !e.tolerable);
const sarif = await readSarif(result.issues.length);
const findings = sarif.runs.flatMap((r) => r.results).map((r) => ({
  rule: r.ruleId,
  file: r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '?',
  line: r.locations?.[0]?.physicalLocation?.region?.startLine ?? 0,
  message: r.message?.text ?? '',
}));
const isAllowed = (f) => allowed.allowed.some((a) => a.rule === f.rule && (a.file === undefined || a.file === f.file));
const refused = findings.filter((f) => !isAllowed(f));
const stale = allowed.allowed.filter((a) => !findings.some((f) => a.rule === f.rule && (a.file === undefined || a.file === f.file)));

console.log(`electronegativity gate: ${findings.length} finding(s), ${findings.length - refused.length} allowed, SARIF in ${sarifPath}`);
for (const a of stale) console.log(`  note: allowed ${a.rule} ${a.file ?? ''} no longer occurs; remove it from ${path.basename(allowedPath)}`);
for (const e of unparsed) console.error(`  NOT SCANNED ${e.file}: ${e.message}`);
for (const f of refused) console.error(`  NOT ALLOWED ${f.rule} at ${f.file}:${f.line}: ${f.message}`);
if (unparsed.length > 0 || refused.length > 0) {
  fail(1, `failed: ${refused.length} finding(s) not in ${allowedPath}, ${unparsed.length} file(s) not parsed`);
}
