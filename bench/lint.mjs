#!/usr/bin/env node
/**
 * Lint benchmark: journal-kb against its peers on the same generated files.
 *
 *   node bench/lint.mjs [--count 2000] [--runs 3] [--tools a,b,...] [--seed S]
 *                       [--out DIR] [--ref HEAD | --worktree] [--json FILE]
 *
 * Tools: journal-kb, markdownlint-cli2, eslint, rumdl, remark. For each tool
 * and scenario (cold, cache fill, warm, 3 files) it runs the command `--runs`
 * times, checks the exit code and that every file was really linted, and
 * prints medians, ratios against journal-kb and peak memory as Markdown.
 *
 * journal-kb is measured as committed: `git archive <ref>` into the output
 * folder, built there (`npm run build`), unless `--worktree` says to use this
 * checkout's `bin/journal-kb.js` and `dist/` as they are.
 *
 * Peak memory: GNU time's `%M` (the kernel's high-water mark of resident
 * memory of the largest process; worker threads are in their process) and a
 * 20 ms poll of /proc summing VmRSS over the whole process tree; the larger
 * of the two is reported.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MARKER, writeCorpus } from './generate.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..');
const BIN = join(REPO, 'node_modules', '.bin');
const GNU_TIME = '/usr/bin/time';
const PAGE = 4096;

/** Command-line options with their defaults. */
function readOptions() {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '2000' },
      runs: { type: 'string', default: '3' },
      'three-runs': { type: 'string' },
      tools: { type: 'string', default: 'journal-kb,markdownlint-cli2,eslint,rumdl,remark' },
      scenarios: { type: 'string', default: 'cold,fill,warm,three' },
      'cold-runs': { type: 'string' },
      skip: { type: 'string', default: '' },
      seed: { type: 'string', default: 'journal-kb' },
      out: { type: 'string' },
      ref: { type: 'string', default: 'HEAD' },
      worktree: { type: 'boolean', default: false },
      json: { type: 'string' },
      timeout: { type: 'string', default: '3600' },
    },
  });
  const count = Number(values.count);
  const runs = Number(values.runs);
  return {
    count,
    runs,
    threeRuns: Number(values['three-runs'] ?? Math.max(5, runs)),
    tools: values.tools.split(',').map((name) => name.trim()).filter(Boolean),
    scenarios: values.scenarios.split(',').map((name) => name.trim()).filter(Boolean),
    coldRuns: Number(values['cold-runs'] ?? runs),
    skip: values.skip.split(',').map((name) => name.trim()).filter(Boolean),
    seed: values.seed,
    out: resolve(values.out ?? join(HERE, 'out', `lint-${count}`)),
    ref: values.ref,
    worktree: values.worktree,
    json: values.json,
    timeoutMs: Number(values.timeout) * 1000,
  };
}

/** Generate the corpus unless the folder already holds the same one. */
function prepareCorpus(options) {
  const dir = join(options.out, 'corpus');
  const marker = join(dir, MARKER);
  if (existsSync(marker)) {
    const made = JSON.parse(readFileSync(marker, 'utf8'));
    if (made.count === options.count && made.seed === options.seed && made.generator === generatorStamp()) return { dir, ...made };
  }
  log(`generating ${options.count} entries in ${dir}`);
  const result = writeCorpus({ out: dir, count: options.count, seed: options.seed });
  const made = { ...JSON.parse(readFileSync(marker, 'utf8')), generator: generatorStamp() };
  writeFileSync(marker, `${JSON.stringify(made, null, 2)}\n`);
  return { dir, ...made, bytes: result.bytes };
}

/** A stamp of the generator's source, so a changed generator regenerates. */
function generatorStamp() {
  const text = readFileSync(join(HERE, 'generate.mjs'), 'utf8');
  let hash = 0;
  for (let i = 0; i < text.length; i += 1) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) >>> 0;
  return hash.toString(16);
}

/** Every entry file of the corpus, relative to it, sorted. */
function listEntries(dir) {
  const found = [];
  const walk = (rel) => {
    for (const item of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = `${rel}/${item.name}`;
      if (item.isDirectory()) walk(path);
      else if (item.name.endsWith('.md')) found.push(path);
    }
  };
  walk('99_Journal');
  return found.sort();
}

/** Export `ref` of this repository and build it; the folder with its bin. */
function prepareJournalKb(options) {
  if (options.worktree) {
    if (!existsSync(join(REPO, 'dist'))) throw new Error('No dist/ in this checkout: run `npx tsc -p .` first');
    return { dir: REPO, label: 'working tree', commit: git(['rev-parse', '--short', 'HEAD']) };
  }
  const commit = git(['rev-parse', options.ref]);
  const dir = join(options.out, `journal-kb-${commit.slice(0, 10)}`);
  if (!existsSync(join(dir, '.built'))) {
    for (const name of readdirSync(options.out)) {
      if (name.startsWith('journal-kb-')) rmSync(join(options.out, name), { recursive: true, force: true });
    }
    mkdirSync(dir, { recursive: true });
    log(`exporting journal-kb ${commit.slice(0, 10)} and building it`);
    const archive = spawnSync('git', ['archive', '--format=tar', commit], { cwd: REPO, maxBuffer: 1 << 30 });
    if (archive.status !== 0) throw new Error(`git archive failed: ${archive.stderr}`);
    const untar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
    if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
    symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: dir, encoding: 'utf8' });
    if (build.status !== 0) {
      const errors = `${build.stdout}${build.stderr}`.trim().split('\n').slice(0, 5).join('\n');
      if (!existsSync(join(dir, 'dist', 'src', 'cli.js'))) throw new Error(`journal-kb ${commit.slice(0, 10)} does not build:\n${errors}`);
      log(`warning: journal-kb ${commit.slice(0, 10)} has type errors; measuring what tsc emitted:\n${errors}`);
    }
    writeFileSync(join(dir, '.built'), `${commit}\n`);
  }
  return { dir, label: `commit ${commit.slice(0, 10)}`, commit: commit.slice(0, 10) };
}

/** Output of a git command in this repository. */
function git(args) {
  const result = spawnSync('git', args, { cwd: REPO, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}

/** The module URL of an installed package entry, for generated configs. */
function moduleUrl(specifier) {
  return import.meta.resolve(specifier);
}

/** Write each peer's configuration into the corpus folder. */
function writePeerConfigs(dir) {
  writeFileSync(join(dir, '.journalkbrc.yaml'), 'journal:\n  - 99_Journal\n');
  writeFileSync(join(dir, '.markdownlint-cli2.jsonc'), '{\n  "config": { "default": true }\n}\n');
  writeFileSync(join(dir, '.remarkrc.mjs'), [
    `import remarkFrontmatter from '${moduleUrl('remark-frontmatter')}';`,
    `import remarkGfm from '${moduleUrl('remark-gfm')}';`,
    `import remarkLintFrontmatterSchema from '${moduleUrl('remark-lint-frontmatter-schema')}';`,
    'export default {',
    '  plugins: [',
    '    remarkFrontmatter,',
    '    remarkGfm,',
    "    [remarkLintFrontmatterSchema, { schemas: { './frontmatter.schema.json': ['99_Journal/**/*.md'] } }],",
    '  ],',
    '};',
    '',
  ].join('\n'));
  writeFileSync(join(dir, 'eslint.config.mjs'), [
    `import markdown from '${moduleUrl('@eslint/markdown')}';`,
    'export default [',
    '  ...markdown.configs.recommended.map((config) => ({',
    '    ...config,',
    "    language: 'markdown/gfm',",
    "    languageOptions: { frontmatter: 'yaml' },",
    '  })),',
    '];',
    '',
  ].join('\n'));
  writeFileSync(join(dir, 'eslint-count-formatter.cjs'), [
    '// Prints only how many files ESLint linted and how many messages it found.',
    'module.exports = (results) => {',
    '  const messages = results.reduce((sum, result) => sum + result.messages.length, 0);',
    '  const fatal = results.reduce((sum, result) => sum + result.fatalErrorCount, 0);',
    '  return JSON.stringify({ files: results.length, messages, fatal });',
    '};',
    '',
  ].join('\n'));
}

/** Find `name` in text by regex and return the numeric groups. */
function numbers(text, regex) {
  const match = regex.exec(text);
  return match ? match.slice(1).map((value) => (value === undefined ? undefined : Number(value))) : undefined;
}

/** Strip terminal colour codes. */
function plain(text) {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** journal-kb: `--format json` on stdout, one object per file. */
function checkJournalKb(out) {
  try {
    const results = JSON.parse(out.stdout);
    const messages = results.reduce((sum, result) => sum + result.messages.length, 0);
    return { files: results.length, messages };
  } catch (error) {
    return { error: `no JSON report (${error.message.slice(0, 60)}): ${out.stderr.slice(0, 300)}` };
  }
}

/** markdownlint-cli2: `Linting: N file(s)` and `Summary: M error(s)`. */
function checkMarkdownlint(out) {
  const text = plain(out.stdout + out.stderr);
  const files = numbers(text, /Linting: (\d+) file/);
  const summary = numbers(text, /Summary: (\d+) error/);
  if (!files || !summary) return { error: `no summary: ${text.slice(0, 300)}` };
  return { files: files[0], messages: summary[0] };
}

/** ESLint: the counting formatter's JSON. */
function checkEslint(out) {
  try {
    const counts = JSON.parse(out.stdout);
    if (counts.fatal > 0) return { error: `${counts.fatal} fatal parse errors`, ...counts };
    return { files: counts.files, messages: counts.messages };
  } catch {
    return { error: `no counts: ${plain(out.stdout + out.stderr).slice(0, 300)}` };
  }
}

/** rumdl: `Found X issues in Y/Z files` or `No issues found in Z files`. */
function checkRumdl(out) {
  const text = plain(out.stdout + out.stderr);
  const found = numbers(text, /Found (\d+) issues? in (\d+)(?:\/(\d+))? files?/);
  if (found) return { files: found[2] ?? found[1], messages: found[0] };
  const clean = numbers(text, /No issues found in (\d+) files?/);
  if (clean) return { files: clean[0], messages: 0 };
  return { error: `no summary: ${text.slice(0, 300)}` };
}

/** remark-cli: one line per file naming it, and the warning count. */
function checkRemark(out) {
  const text = plain(out.stderr);
  const files = text.split('\n').filter((line) => /^\S.*\.md(: no issues found)?$/.test(line)).length;
  const tail = text.trimEnd().split('\n').slice(-2).join('\n');
  const warnings = numbers(tail, /(\d+) warnings?/);
  const errors = numbers(tail, /(\d+) errors?/);
  if (files === 0) return { error: `no files listed: ${text.slice(0, 300)}` };
  return { files, messages: (warnings?.[0] ?? 0) + (errors?.[0] ?? 0) };
}

/** The scenarios of every tool: command, arguments and check. */
function defineTools(jkb, corpus, three, cacheDir) {
  const node = process.execPath;
  const jkbBin = join(jkb.dir, 'bin', 'journal-kb.js');
  const jkbCache = ['--cache', '--cache-location', join(cacheDir, 'journal-kb.cache')];
  const eslintCache = ['--cache', '--cache-location', join(cacheDir, 'eslint.cache')];
  const rumdlCache = ['--cache-dir', join(cacheDir, 'rumdl')];
  const eslintBase = [join(BIN, 'eslint'), '--config', 'eslint.config.mjs', '--format', './eslint-count-formatter.cjs'];
  const rumdl = join(REPO, 'node_modules', '@rumdl', 'cli-linux-x64', 'rumdl');
  const rumdlBase = ['check', '--respect-gitignore=false', '--color', 'never'];
  return {
    'journal-kb': {
      check: checkJournalKb,
      cold: [node, jkbBin, 'lint', '99_Journal', '--format', 'json'],
      fill: [node, jkbBin, 'lint', '99_Journal', '--format', 'json', ...jkbCache],
      warm: [node, jkbBin, 'lint', '99_Journal', '--format', 'json', ...jkbCache],
      three: [node, jkbBin, 'lint', ...three, '--format', 'json'],
      cache: join(cacheDir, 'journal-kb.cache'),
    },
    'markdownlint-cli2': {
      check: checkMarkdownlint,
      cold: [node, join(BIN, 'markdownlint-cli2'), '99_Journal/**/*.md'],
      three: [node, join(BIN, 'markdownlint-cli2'), ...three],
    },
    eslint: {
      check: checkEslint,
      cold: [node, ...eslintBase, '99_Journal'],
      fill: [node, ...eslintBase, ...eslintCache, '99_Journal'],
      warm: [node, ...eslintBase, ...eslintCache, '99_Journal'],
      three: [node, ...eslintBase, ...three],
      cache: join(cacheDir, 'eslint.cache'),
    },
    rumdl: {
      check: checkRumdl,
      cold: [rumdl, ...rumdlBase, '--no-cache', '99_Journal'],
      fill: [rumdl, ...rumdlBase, ...rumdlCache, '99_Journal'],
      warm: [rumdl, ...rumdlBase, ...rumdlCache, '99_Journal'],
      three: [rumdl, ...rumdlBase, '--no-cache', ...three],
      cache: join(cacheDir, 'rumdl'),
    },
    remark: {
      check: checkRemark,
      cold: [node, join(BIN, 'remark'), '99_Journal', '--no-stdout', '--no-color'],
      three: [node, join(BIN, 'remark'), ...three, '--no-stdout', '--no-color'],
    },
  };
}

/** Resident memory of every process, and each one's children. */
function processTable() {
  const children = new Map();
  const rss = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const parent = Number(fields[1]);
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(Number(name));
      rss.set(Number(name), Number(fields[21]) * PAGE);
    } catch {
      // The process ended while we read it.
    }
  }
  return { children, rss };
}

/** Sum of resident memory of `root` and all its descendants. */
function treeRss(root) {
  const { children, rss } = processTable();
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop();
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Run one command under GNU time, polling its tree's memory. */
function runOnce(argv, cwd, timeoutMs) {
  const timeFile = join(cwd, '..', '.time.txt');
  rmSync(timeFile, { force: true });
  const started = performance.now();
  const load = Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  const child = spawn(GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, ...argv], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout = [];
  const stderr = [];
  child.stdout.on('data', (chunk) => stdout.push(chunk));
  child.stderr.on('data', (chunk) => stderr.push(chunk));
  let polled = 0;
  const poll = setInterval(() => {
    polled = Math.max(polled, treeRss(child.pid));
  }, 20);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((done) => {
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      clearInterval(poll);
      clearTimeout(timer);
      let fields = [0, 0, 0];
      try {
        fields = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
      } catch {
        // time wrote nothing: the child was killed.
      }
      const [gnuKb, user, system] = fields;
      done({
        code: signal ? `signal ${signal}` : code,
        seconds,
        peakBytes: Math.max(polled, (gnuKb || 0) * 1024),
        cpuSeconds: (user || 0) + (system || 0),
        load,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

/** Median of numbers. */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The verdict on one run: a problem, or undefined when it really linted. */
function judge(out, verdict, scenario, expected) {
  if (![0, 1].includes(out.code)) return `exit ${out.code}: ${plain(out.stderr).trim().slice(0, 300)}`;
  if (verdict.error) return verdict.error;
  if (verdict.files !== expected) return `linted ${verdict.files} files, expected ${expected}`;
  if (scenario !== 'three' && verdict.messages === 0) return 'reported no message on files with known flaws';
  return undefined;
}

/** A fresh record for one tool and scenario. */
function record(tool, scenario) {
  return { tool, scenario, runs: 0, times: [], cpu: [], load: [], peakMB: 0, files: undefined, messages: undefined, problem: undefined };
}

/** Run one scenario of one tool once, verify it, and add it to `entry`. */
async function runInto(entry, context) {
  const argv = context.tools[entry.tool][entry.scenario];
  const expected = entry.scenario === 'three' ? 3 : context.count;
  const out = await runOnce(argv, context.corpus, context.timeoutMs);
  const verdict = context.tools[entry.tool].check(out);
  entry.problem = judge(out, verdict, entry.scenario, expected);
  entry.runs += 1;
  entry.times.push(out.seconds);
  entry.cpu.push(out.cpuSeconds);
  entry.load.push(out.load);
  entry.peakMB = Math.max(entry.peakMB, out.peakBytes / 1e6);
  entry.files = verdict.files;
  entry.messages = verdict.messages;
  entry.median = median(entry.times);
  entry.cpuMedian = median(entry.cpu);
  const detail = `${out.seconds.toFixed(2)} s (cpu ${out.cpuSeconds.toFixed(2)} s, load ${out.load.toFixed(1)}), ${(out.peakBytes / 1e6).toFixed(0)} MB, exit ${out.code}, ${verdict.files ?? '?'} files, ${verdict.messages ?? '?'} messages`;
  log(`  ${entry.tool} ${entry.scenario} run ${entry.runs}: ${detail}${entry.problem ? ` — ${entry.problem}` : ''}`);
}

/**
 * Run every scenario of the chosen tools. Runs of one scenario go round the
 * tools in turn, so a change in machine load hits every tool alike.
 */
async function runAll(context) {
  for (const tool of context.selected) {
    if (!context.tools[tool]) throw new Error(`Unknown tool \`${tool}\`, expected one of ${Object.keys(context.tools).join(', ')}`);
  }
  const results = [];
  const phases = [['cold', context.coldRuns], ['fill', 1], ['warm', context.runs], ['three', context.threeRuns]];
  for (const [scenario, runs] of phases) {
    if (!context.scenarios.includes(scenario)) continue;
    const entries = [];
    for (const tool of context.selected) {
      const spec = context.tools[tool];
      if (!spec[scenario] || context.skip.includes(`${tool}:${scenario}`)) continue;
      const fill = results.find((r) => r.tool === tool && r.scenario === 'fill');
      if (scenario === 'warm' && (!fill || fill.problem)) continue;
      if (scenario === 'fill') rmSync(spec.cache, { recursive: true, force: true });
      entries.push(record(tool, scenario));
    }
    for (let round = 0; round < runs; round += 1) {
      for (const entry of entries) {
        if (!entry.problem) await runInto(entry, context);
      }
    }
    results.push(...entries);
  }
  const order = context.selected;
  return results.sort((a, b) => order.indexOf(a.tool) - order.indexOf(b.tool));
}

/** `12.3` style seconds. */
function secs(value) {
  if (value === undefined) return '—';
  return value < 1 ? value.toFixed(3) : value.toFixed(2);
}

/** The ratio peer/journal-kb of `key` as `2.4×` (journal-kb that many times faster). */
function ratio(peer, own, key = 'median') {
  if (!peer || !own || peer.problem || own.problem) return '—';
  return `${(peer[key] / own[key]).toFixed(2)}×`;
}

/** The results as a Markdown table. */
function table(results, count) {
  const own = new Map(results.filter((r) => r.tool === 'journal-kb').map((r) => [r.scenario, r]));
  const names = { cold: `cold, ${count} files`, fill: `cache fill, ${count} files`, warm: `warm cache, ${count} files`, three: '3 files' };
  const lines = [
    '| tool | scenario | median wall s | runs (wall s) | wall: peer ÷ journal-kb | median CPU s | CPU: peer ÷ journal-kb | peak RSS MB | files | messages | check |',
    '| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of results) {
    const coldFromFill = r.scenario === 'cold' && !own.has('cold');
    const base = coldFromFill ? own.get('fill') : own.get(r.scenario);
    const mark = coldFromFill && base ? ' †' : '';
    const versus = r.tool === 'journal-kb' ? '1.00×' : `${ratio(r, base)}${mark}`;
    const cpuVersus = r.tool === 'journal-kb' ? '1.00×' : `${ratio(r, base, 'cpuMedian')}${mark}`;
    const all = r.times.map((t) => secs(t)).join(', ');
    const check = r.problem ? `FAILED: ${r.problem.replace(/\|/g, '/').replace(/\n/g, ' ')}` : 'ok';
    lines.push(`| ${r.tool} | ${names[r.scenario]} | ${secs(r.median)} | ${all} | ${versus} | ${secs(r.cpuMedian)} | ${cpuVersus} | ${r.peakMB.toFixed(0)} | ${r.files ?? '—'} | ${r.messages ?? '—'} | ${check} |`);
  }
  if (results.some((r) => r.scenario === 'cold' && r.tool !== 'journal-kb') && !own.has('cold') && own.has('fill')) {
    lines.push('', '† journal-kb had no cold run here: compared with its cache-fill run, a cold run that also writes the cache.');
  }
  const loads = results.flatMap((r) => r.load);
  lines.push('', `Load average before the runs: median ${median(loads).toFixed(1)}, max ${Math.max(...loads).toFixed(1)} (2 cores: above 2 means other work competed).`);
  return lines.join('\n');
}

/** Progress on stderr. */
function log(message) {
  process.stderr.write(`bench: ${message}\n`);
}

/** Versions of the peers, for the report. */
function versions() {
  const read = (name) => {
    try {
      return JSON.parse(readFileSync(join(REPO, 'node_modules', name, 'package.json'), 'utf8')).version;
    } catch {
      return 'unknown';
    }
  };
  return {
    node: process.version,
    nproc: cpus().length,
    memoryGB: Math.round(totalmem() / 1e9),
    'markdownlint-cli2': read('markdownlint-cli2'),
    eslint: read('eslint'),
    '@eslint/markdown': read('@eslint/markdown'),
    rumdl: read('@rumdl/cli-linux-x64'),
    'remark-cli': read('remark-cli'),
    'remark-lint-frontmatter-schema': read('remark-lint-frontmatter-schema'),
  };
}

/** Run the benchmark. */
async function mainBench() {
  const options = readOptions();
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} is missing: apt-get install time`);
  mkdirSync(options.out, { recursive: true });
  const corpus = prepareCorpus(options);
  writePeerConfigs(corpus.dir);
  const entries = listEntries(corpus.dir);
  if (entries.length !== options.count) throw new Error(`Corpus has ${entries.length} entries, expected ${options.count}`);
  const three = entries.slice(-3);
  const jkb = prepareJournalKb(options);
  const cacheDir = join(options.out, 'caches');
  mkdirSync(cacheDir, { recursive: true });
  const tools = defineTools(jkb, corpus.dir, three, cacheDir);
  const context = { ...options, corpus: corpus.dir, tools, selected: options.tools };
  log(`${options.count} entries (${(corpus.bytes / 1e6).toFixed(1)} MB), journal-kb ${jkb.label}, ${options.runs} runs (${options.threeRuns} for 3 files)`);
  const results = await runAll(context);
  const report = {
    date: new Date().toISOString(),
    count: options.count,
    bytes: corpus.bytes,
    seed: options.seed,
    journalKb: jkb.label,
    machine: versions(),
    results,
  };
  const jsonPath = options.json ?? join(options.out, 'results.json');
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${table(results, options.count)}\n`);
  log(`results in ${jsonPath}`);
  return results.some((result) => result.problem) ? 1 : 0;
}

mainBench().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    log(error.message);
    process.exitCode = 2;
  },
);
