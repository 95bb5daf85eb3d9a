// How fast is nianbao? Prints numbers against the targets; it is not a test and always exits 0.
//   1. in process: median parse+check time per seed report, and per layout family the reader meets
//      (the seeds' figures rendered by test/layouts) (target: under 1 ms);
//   2. the CLI on 2,000 generated reports in one invocation (target: at least 20x faster than
//      markdownlint-cli2 on the same files). markdownlint-cli2 is timed on the same files in the
//      same run, the two taking turns (medians compared, see below), so that a busy machine
//      slows both; it is not a dependency: a pinned version is
//      installed once into a cache folder outside the project (NIANBAO_BENCH_OFFLINE=1 skips
//      that and compares with the reference figure, ~10 s).
//   3. files per second on a reviewer's folder of mixed .md, .html and .docx reports, and on PDFs,
//      with --jobs 1 and 2 (no target: figures for the README);
// Run through `npm run bench`, which builds dist/ first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTs, root } from './loadTs.mjs';

const cliBundle = join(root, 'dist', 'cli.js');
if (!existsSync(cliBundle)) {
  console.error('bench: dist/cli.js is missing; run `npm run build` (or `npm run bench`) first.');
  process.exit(2);
}
// The same bundle the CLI runs, so the in-process figure times exactly the shipped code.
const { check } = createRequire(import.meta.url)(cliBundle);

const TARGET_IN_PROCESS_MS = 1;
const REFERENCE_MARKDOWNLINT_S = 10;
const TARGET_SPEEDUP = 20;
const MARKDOWNLINT = 'markdownlint-cli2@0.22.1';
const FILES = 2000, WARMUP = 200, ITERATIONS = 2000, CLI_RUNS = 3, NIANBAO_RUNS_EACH = 2;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
const ms = (x) => `${x.toFixed(3)} ms`;
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');

// 1. In process.
const seedDir = join(root, 'test', 'fixtures', 'seeds');
const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort()
  .map((name) => ({ name, text: readFileSync(join(seedDir, name), 'utf8') }));
console.log(`In process: parse + check, median of ${ITERATIONS} runs after ${WARMUP} warm-up runs`);
let worst = 0;
for (const { name, text } of seeds) {
  for (let i = 0; i < WARMUP; i++) check(text);
  const times = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t = performance.now();
    check(text);
    times.push(performance.now() - t);
  }
  const m = median(times);
  worst = Math.max(worst, m);
  console.log(`  ${name}  ${(Buffer.byteLength(text) / 1024).toFixed(1).padStart(5)} KB  ${ms(m)}`);
}

// 1b. In process, every layout family the reader meets (test/layouts renders each seed's figures in
// it): median time per report, over the seeds. The renderers are TypeScript: bundled with esbuild first.
{
  const { LAYOUTS, figuresOf, EXPECTED } = await loadTs("export { LAYOUTS } from './test/layouts/render'; export { figuresOf } from './test/layouts/figures'; export { EXPECTED } from './test/core/expected';");
  console.log(`\nIn process, per layout family: median parse + check time per report over the ${Object.keys(EXPECTED).length} seeds' figures`);
  for (const layout of LAYOUTS) {
    const texts = Object.values(EXPECTED).map((e) => layout.render(figuresOf(e)));
    for (let i = 0; i < WARMUP / 4; i++) for (const t of texts) check(t);
    const times = [];
    for (let i = 0; i < ITERATIONS / 10; i++) for (const t of texts) { const s = performance.now(); check(t); times.push(performance.now() - s); }
    const m = median(times);
    worst = Math.max(worst, m);
    console.log(`  ${layout.name.padEnd(40)} ${ms(m)}`);
  }
}

// 2. The CLI on 2,000 reports: seed copies with a few numbers nudged, so most reports have
// findings to print, as a real batch would. A fixed PRNG seed makes runs comparable.
let state = 20240131;
const random = () => ((state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32);
const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
let bytes = 0;
for (let i = 0; i < FILES; i++) {
  const numbers = [];
  const text = seeds[i % seeds.length].text;
  for (const m of text.matchAll(/\d+/g)) numbers.push(m);
  let out = text;
  // Nudge one to three numbers, last first so earlier offsets stay valid.
  const picks = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => Math.floor(random() * numbers.length)))].sort((a, b) => b - a);
  for (const p of picks) {
    const m = numbers[p];
    const value = Math.max(0, Number(m[0]) + (random() < 0.5 ? -1 : 1) * (1 + Math.floor(random() * 3)));
    out = out.slice(0, m.index) + value + out.slice(m.index + m[0].length);
  }
  // .md so that markdownlint-cli2 lints the very same files.
  const path = join(dir, `report-${String(i).padStart(4, '0')}.md`);
  writeFileSync(path, out);
  bytes += statSync(path).size;
}
const mb = bytes / 1024 / 1024;

function wallTime(command, args, env = process.env) {
  const t = performance.now();
  const r = spawnSync(command, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { seconds: (performance.now() - t) / 1000, status: r.status, stdout: r.stdout, stderr: r.stderr, error: r.error };
}

// markdownlint-cli2, pinned, from a cache folder outside the project (installed on first use).
function markdownlintBin() {
  if (process.env.NIANBAO_BENCH_OFFLINE) return undefined;
  const prefix = join(tmpdir(), 'nianbao-bench-tools');
  const bin = join(prefix, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  if (!existsSync(bin)) {
    mkdirSync(prefix, { recursive: true });
    console.log(`  (installing ${MARKDOWNLINT} into ${prefix} to compare with)`);
    const npm = spawnSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', MARKDOWNLINT], { encoding: 'utf8' });
    if (npm.status !== 0 || !existsSync(bin)) return undefined;
  }
  return bin;
}
const markdownlint = markdownlintBin();

// The two tools take turns, so that a machine whose speed drifts (this one does, by ±15%) slows both alike;
// each is judged by its median. nianbao runs twice before each markdownlint-cli2 run and once after the last:
// a one-second run can fall wholly into a slow spell that a twenty-second run averages out, so it needs more
// samples for an equally steady median.
// nianbao runs as the installed command, so the Node options of its #! line apply (Windows cannot run it
// directly: there it runs without them).
const bin = join(root, 'bin', 'nianbao');
const [command, args] = process.platform === 'win32' ? [process.execPath, [bin]] : [bin, []];
const runs = [], references = [];
const runNianbao = () => runs.push(wallTime(command, [...args, 'check', dir]));
for (let i = 0; i < CLI_RUNS; i++) {
  for (let k = 0; k < NIANBAO_RUNS_EACH; k++) runNianbao();
  if (!markdownlint) continue;
  const r = wallTime(process.execPath, [markdownlint, join(dir, '*.md')]);
  if (!r.error && r.status !== 2) references.push(r.seconds);
}
runNianbao();
const cli = median(runs.map((r) => r.seconds));
/** How long Node takes to start and do nothing, median of CLI_RUNS. */
const nodeStart = (env) => median(Array.from({ length: CLI_RUNS }, () => wallTime(process.execPath, ['-e', '0'], env).seconds));
const startup = nodeStart(process.env);
const last = runs[runs.length - 1];
const seconds = (xs) => xs.map((x) => x.toFixed(2)).join(', ');
console.log(`\nCLI: nianbao check on ${FILES} files (${mb.toFixed(1)} MB) in one invocation, median of ${runs.length} (${seconds(runs.map((r) => r.seconds))} s)`);
console.log(`  exit ${last.status}, ${last.stdout.split('\n').filter(Boolean).length} findings; ${last.stderr.trim().split('\n').pop()}`);
console.log(`  wall time ${cli.toFixed(3)} s  (${(mb / cli).toFixed(1)} MB/s; of which ${startup.toFixed(3)} s is starting Node itself)`);
if (process.env.NODE_EXTRA_CA_CERTS) {
  // Node loads the extra certificates (and its own root store) before running anything: a start-up
  // cost both tools pay here, which a machine without the variable does not have.
  const { NODE_EXTRA_CA_CERTS: _, ...env } = process.env;
  const bare = nodeStart(env);
  console.log(`  (NODE_EXTRA_CA_CERTS is set here: Node starts in ${bare.toFixed(3)} s without it; both tools pay the difference)`);
}
const measured = references.length > 0;
const reference = measured ? median(references) : REFERENCE_MARKDOWNLINT_S;
console.log(measured
  ? `  ${MARKDOWNLINT} on the same files, in turn with it: ${reference.toFixed(3)} s (${(mb / reference).toFixed(1)} MB/s), median of ${references.length} (${seconds(references)} s)`
  : `  markdownlint-cli2 on the same files: ~${REFERENCE_MARKDOWNLINT_S} s (~${(mb / REFERENCE_MARKDOWNLINT_S).toFixed(1)} MB/s) — the issue's reference figure, not measured here`);
console.log(`  nianbao is ${(reference / cli).toFixed(1)}x faster`);
rmSync(dir, { recursive: true, force: true });

// 3. What a reviewer checks: a folder of 2,000 mixed reports (a third each Markdown text, web pages and
// Word files: the seeds' figures rendered by test/layouts, one cell nudged in each), with --jobs 1 and 2;
// and PDFs apart, since each costs far more (the Huaian PDF of the corpus, copied). Files per second.
{
  const { renderReport, renderHtml, renderDocx, figuresOf, EXPECTED } = await loadTs("export { renderReport } from './test/layouts/render'; export { renderHtml } from './test/layouts/html'; export { renderDocx } from './test/layouts/docx'; export { figuresOf } from './test/layouts/figures'; export { EXPECTED } from './test/core/expected';");
  const tmp = mkdtempSync(join(tmpdir(), 'nianbao-bench-mixed-'));
  const mixed = join(tmp, 'mixed');
  mkdirSync(mixed);
  const TABS = { family: 'tabs', merges: 'pad' };
  const figures = Object.values(EXPECTED).map(figuresOf);
  for (let i = 0; i < FILES; i++) {
    const f = structuredClone(figures[i % figures.length]);
    const rows = Object.values(f.cells.t3);
    const row = rows[Math.floor(random() * rows.length)];
    row.natural = String(Number(row.natural) + 1);
    const name = join(mixed, `report-${String(i).padStart(4, '0')}`);
    if (i % 3 === 0) writeFileSync(`${name}.md`, renderReport(f, { t2: TABS, t3: TABS, t4: TABS }));
    else if (i % 3 === 1) writeFileSync(`${name}.html`, renderHtml(f, { seed: i }).html);
    else writeFileSync(`${name}.docx`, await renderDocx(f, i));
  }
  const pdfs = join(tmp, 'pdf');
  mkdirSync(pdfs);
  const PDFS = 20;
  for (let i = 0; i < PDFS; i++) writeFileSync(join(pdfs, `report-${i}.pdf`), readFileSync(join(root, 'test', 'fixtures', 'corpus', 'huaian-city_2024.pdf')));
  const rate = (folder, n, jobs) => {
    const times = Array.from({ length: CLI_RUNS }, () => wallTime(command, [...args, 'check', '--jobs', String(jobs), folder]));
    const t = median(times.map((r) => r.seconds));
    return `${(n / t).toFixed(0).padStart(5)} files/s  (${t.toFixed(2)} s, median of ${CLI_RUNS}; ${times.at(-1).stderr.trim().split('\n').at(-1)})`;
  };
  console.log(`\nCLI on a reviewer's folder: ${FILES} reports, a third each .md, .html, .docx`);
  for (const jobs of [1, 2]) console.log(`  --jobs ${jobs}  ${rate(mixed, FILES, jobs)}`);
  console.log(`CLI on ${PDFS} PDFs (the corpus's 6-page Huaian report)`);
  for (const jobs of [1, 2]) console.log(`  --jobs ${jobs}  ${rate(pdfs, PDFS, jobs)}`);
  rmSync(tmp, { recursive: true, force: true });
}

const target = reference / TARGET_SPEEDUP;
console.log(`\n${verdict(worst < TARGET_IN_PROCESS_MS)}  in process: slowest median, seed or layout, ${ms(worst)} (target < ${TARGET_IN_PROCESS_MS} ms per report)`);
console.log(`${verdict(cli < target)}  CLI: ${cli.toFixed(3)} s for ${FILES} files, ${(reference / cli).toFixed(1)}x markdownlint-cli2 (target ${TARGET_SPEEDUP}x: < ${target.toFixed(3)} s against its ${reference.toFixed(1)} s${measured ? ' measured' : ' reference'})`);
if (measured) {
  const absolute = REFERENCE_MARKDOWNLINT_S / TARGET_SPEEDUP;
  console.log(`${verdict(cli < absolute)}  CLI against the issue's figure: < ${absolute} s (${TARGET_SPEEDUP}x its ~${REFERENCE_MARKDOWNLINT_S} s for markdownlint-cli2)`);
}
