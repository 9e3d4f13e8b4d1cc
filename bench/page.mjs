#!/usr/bin/env node
/**
 * Benchmark of the static index page on the corpus scaled to N entries.
 *
 *   npm run build && node bench/page.mjs [--count 10000] [--runs 5]
 *                                        [--extract-only] [--keep] [--reuse-kb]
 *                                        [--replicate K] [--compare]
 *
 * Measures: build time (`journal-kb build`, and `renderPage` alone), the
 * sizes of page, index and data (embedded, and as the JSON they inflate
 * to), and in headless Chromium from `file://`: time to the
 * first results shown, to ready to answer (index loaded), to the first
 * answer of a query in the URL, and the latency of typed queries (search,
 * filter and drawing, p50/p95). Uses the compiled code in `dist/`.
 *
 * `--extract-only` builds the knowledge base by parse and extraction
 * without lint (for 100,000 entries, where a full build takes long);
 * `--reuse-kb` renders the page again from the kb.json of a kept run;
 * `--replicate K` renders a page of K copies of that kb.json's entries
 * (ids, paths and dates shifted per copy), the way to reach 100,000
 * entries here: the copies share one vocabulary, so the index grows in
 * postings only, which is what load and query time follow (and the
 * copies compress better than distinct entries would). `--compare` also
 * times, on the main thread, loading the shipped packed index against
 * MiniSearch's own serialisation with `loadJS` and against building the
 * index from the entries, and the search alone.
 * Results go to stdout as Markdown and to bench/out/page-N.json.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync, inflateRawSync } from 'node:zlib';
import { loadavg, cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { writeCorpus, MARKER } from './generate.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const OUT = join(HERE, 'out');

/**
 * Queries people type: pasted error lines, misspellings, umlauts with and
 * without, German and English words, prefixes.
 */
export const QUERIES = [
  'E: Unable to locate package socat',
  'Unable to locate package netcat-openbsd',
  'Permission denied',
  'connection refused Port 443',
  '502 Bad Gateway',
  'java.lang.IllegalStateException',
  'Error: Cannot find module',
  'iptables DNAT',
  'iptabels',
  'buildkitd Mirror',
  'bulidkit mirorr',
  'Keycloak Realm-Import',
  'keycloack',
  'Lösung',
  'Loesung',
  'Losung',
  'Ursache Timeout',
  'Zertifikat abgelaufen',
  'Zertifkat',
  'Speicherleck',
  'Härtung Nginx',
  'Haertung',
  'sudo-Recht',
  'Gradle Cache Konflikt',
  'SQLDelight Sync',
  'WebWorkerException',
  'Flyway Migration fehlgeschlagen',
  'erwartet grün',
  'pending',
  'Grafana Prometheus',
  'DNS-Auflösung',
  'dns aufloesung',
  'Kafka',
  'Postman',
  'Pangolin Bypass',
  'doc',
  'ke',
  'Session Log Frontend Auth',
  'Der Gitea-Runner (VM 102, Debian minimal) hat kein socat installiert',
  'ArchUnit Architektur-Guards',
];

/** Command-line options. */
function readOptions() {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '10000' },
      runs: { type: 'string', default: '5' },
      'extract-only': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'reuse-kb': { type: 'boolean', default: false },
      replicate: { type: 'string', default: '1' },
      compare: { type: 'boolean', default: false },
    },
  });
  return {
    count: Number(values.count),
    runs: Number(values.runs),
    extractOnly: values['extract-only'],
    keep: values.keep || values['reuse-kb'],
    reuseKb: values['reuse-kb'],
    replicate: Number(values.replicate),
    compare: values.compare,
  };
}

/** The q-th quantile (0..1) of numbers, nearest rank. */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1];
}

/** Milliseconds spent in `run`. */
async function time(run) {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

/** Write the scaled corpus unless the folder holds it already. */
function ensureCorpus(count) {
  const folder = join(OUT, `page-corpus-${count}`);
  const marker = join(folder, MARKER);
  if (existsSync(marker)) {
    const settings = JSON.parse(readFileSync(marker, 'utf8'));
    if (settings.count === count && settings.tags) return folder;
  }
  writeCorpus({ out: folder, count, tags: true });
  return folder;
}

/** Run `journal-kb build` in-process; returns the output folder. */
async function runBuild(corpus, out) {
  const { main } = await import(pathToFileURL(join(ROOT, 'dist/src/cli.js')).href);
  const errors = [];
  const stderr = { write: (text) => errors.push(text) };
  const code = await main({ argv: ['build', '.', '--out', out], cwd: corpus, stdout: process.stdout, stderr });
  if (code !== 0) throw new Error(`build exited ${code}: ${errors.join('')}`);
}

/** Build kb.json and the page by parse and extraction alone (no lint). */
async function runExtractOnly(corpus, out) {
  const load = (path) => import(pathToFileURL(join(ROOT, 'dist/src', path)).href);
  const { loadSetup } = await load('context.js');
  const { discover } = await load('discover.js');
  const { readEntry } = await load('read.js');
  const { createParser, parseFile } = await load('parse.js');
  const { createExtractOptions, writeKnowledgeBase } = await load('kb/build.js');
  const { extractEntry } = await load('kb/extract.js');
  const { SCHEMA_VERSION } = await load('kb/types.js');
  const { renderPage } = await load('render/page.js');
  const { config } = loadSetup(corpus);
  const { files } = await discover(['.'], config, corpus);
  const parser = createParser();
  const options = createExtractOptions(config);
  const entries = [];
  for (const file of files) {
    const vfile = await readEntry(file.path, file.absolute, config.maxFileSize);
    vfile.data.sections = config.sections;
    const tree = parseFile(parser, vfile);
    entries.push(extractEntry(tree, vfile, file.path, options));
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : 1));
  const kb = { schemaVersion: SCHEMA_VERSION, entries };
  await writeKnowledgeBase(out, kb, renderPage(kb));
}

/** Render the page again from a kept kb.json. */
async function rerender(kbDir) {
  const { renderPage } = await import(pathToFileURL(join(ROOT, 'dist/src/render/page.js')).href);
  const kb = JSON.parse(readFileSync(join(kbDir, 'kb.json'), 'utf8'));
  writeFileSync(join(kbDir, 'index.html'), renderPage(kb));
}

/** K copies of every entry, each copy in its own folder and year. */
function replicateKb(kb, copies) {
  const entries = [];
  for (let copy = 0; copy < copies; copy += 1) {
    const shift = (date) => (date === '' ? '' : `${Number(date.slice(0, 4)) - copy * 30}${date.slice(4)}`);
    for (const entry of kb.entries) {
      const prefix = `copy-${String(copy).padStart(2, '0')}/`;
      const links = entry.links.map((id) => prefix + id);
      entries.push({ ...entry, id: prefix + entry.id, path: prefix + entry.path, date: shift(entry.date), links });
    }
  }
  return { ...kb, entries };
}

/** Write the page of K copies of a kept kb.json into its own folder. */
async function renderReplicated(sourceDir, kbDir, copies) {
  const { renderPage } = await import(pathToFileURL(join(ROOT, 'dist/src/render/page.js')).href);
  const kb = replicateKb(JSON.parse(readFileSync(join(sourceDir, 'kb.json'), 'utf8')), copies);
  mkdirSync(kbDir, { recursive: true });
  writeFileSync(join(kbDir, 'kb.json'), JSON.stringify(kb));
  writeFileSync(join(kbDir, 'index.html'), renderPage(kb));
}

/** Time `renderPage` alone on the written kb.json. */
async function timeRender(kbFile) {
  const { renderPage } = await import(pathToFileURL(join(ROOT, 'dist/src/render/page.js')).href);
  const kb = JSON.parse(readFileSync(kbFile, 'utf8'));
  renderPage(kb);
  const { ms } = await time(() => renderPage(kb));
  return ms;
}

/**
 * Sizes of the page, its gzip size, and of its index and data blocks as
 * embedded (compressed, base64) and as the JSON they inflate to, in bytes.
 */
function measureSizes(pageFile) {
  const html = readFileSync(pageFile, 'utf8');
  const part = (id) => {
    const start = html.indexOf('>', html.indexOf(`id="${id}"`)) + 1;
    return html.slice(start, html.indexOf('</script>', start));
  };
  const size = (text) => Buffer.byteLength(text);
  const inflated = (text) => inflateRawSync(Buffer.from(text, 'base64')).length;
  return {
    page: size(html),
    pageGzip: gzipSync(html).length,
    index: size(part('kb-index')),
    data: size(part('kb-data')),
    indexJson: inflated(part('kb-index')),
    dataJson: inflated(part('kb-data')),
  };
}

/** Open the page once; times from navigation start, in ms. */
async function measureLoad(context, url, query) {
  const page = await context.newPage();
  const problems = watchPage(page, url);
  const { ms: wall } = await time(async () => {
    await page.goto(`${url}#q=${encodeURIComponent(query)}`, { waitUntil: 'commit', timeout: 600_000 });
    await page.waitForFunction(
      (text) => document.getElementById('results')?.dataset.query === text,
      query,
      { timeout: 600_000 },
    );
  });
  const marks = await page.evaluate(() => {
    const get = (name) => performance.getEntriesByName(name)[0];
    const queries = performance.getEntriesByName('kb-query');
    const answer = queries[queries.length - 1];
    return {
      shown: get('kb-shown').startTime,
      ready: get('kb-ready').startTime,
      answer: answer.startTime + answer.duration,
      answerQuery: answer.duration,
      loadIndex: get('kb-ready').startTime - get('kb-shown').startTime,
    };
  });
  const first = await page.locator('article.entry h2').first().textContent();
  await page.close();
  return { ...marks, wall, first, problems };
}

/** Collect console errors and requests other than the page itself. */
function watchPage(page, url) {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  page.on('request', (request) => {
    // The search worker comes from a `blob:` URL the page makes of its own text.
    const own = request.url().split('#')[0] === url || request.url().startsWith('blob:null/');
    if (!own) problems.push(`request: ${request.url()}`);
  });
  return problems;
}

/** Type each query as a user would and read the page's own timing. */
async function measureQueries(context, url, rounds) {
  const page = await context.newPage();
  const problems = watchPage(page, url);
  await page.goto(url, { waitUntil: 'commit', timeout: 600_000 });
  await page.waitForSelector('html[data-state=ready]', { timeout: 600_000 });
  const { first, samples, parseRate } = await page.evaluate(
    async ({ queries, rounds }) => {
      const input = document.getElementById('query');
      const last = (name) => {
        const all = performance.getEntriesByName(name);
        return all[all.length - 1].duration;
      };
      const run = async (query) => {
        const answered = new Promise((resolve) => {
          document.addEventListener('kb-answer', resolve, { once: true });
        });
        input.value = query;
        input.dispatchEvent(new Event('input'));
        await answered;
        return { total: last('kb-query'), search: last('kb-search'), query };
      };
      // The page's own reader lives inside its script; the same steps here.
      const readBlock = async (id) => {
        const bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(document.getElementById(id).textContent) : Uint8Array.from(atob(document.getElementById(id).textContent), (char) => char.charCodeAt(0));
        const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
        return new Response(stream).text();
      };
      const data = await readBlock('kb-data');
      const start = performance.now();
      JSON.parse(data);
      const parseRate = data.length / 1e3 / (performance.now() - start);
      const first = (await run(queries[0])).total;
      const samples = [];
      for (let round = 0; round < rounds; round += 1) {
        for (const query of queries) samples.push(await run(query));
      }
      return { first, samples, parseRate };
    },
    { queries: QUERIES, rounds },
  );
  await page.close();
  return { first, samples, parseRate, problems };
}

/** The five queries with the highest median time, slowest first. */
function slowestQueries(samples) {
  const byQuery = new Map();
  for (const { query, total } of samples) {
    byQuery.set(query, [...(byQuery.get(query) ?? []), total]);
  }
  const medians = [...byQuery].map(([query, times]) => ({ query, ms: quantile(times, 0.5) }));
  return medians.sort((a, b) => b.ms - a.ms).slice(0, 5);
}

/**
 * Ways to get the index into the page, timed on the main thread of one
 * tab: the shipped one (`JSON.parse` of the embedded packed index, then
 * `unpackSearchIndex`) against MiniSearch's own serialisation loaded with
 * `MiniSearch.loadJS` (what the page shipped before) and against building
 * the index in the browser from the entries (`addAll`); and the search
 * alone on the shipped index, without worker or drawing (its first
 * queries include turning the terms they touch into Maps).
 */
async function compareLoading(context, url) {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit', timeout: 600_000 });
  await page.waitForSelector('html[data-state=ready]', { timeout: 600_000 });
  const result = await page.evaluate(async (queries) => {
    const clock = (run) => {
      const start = performance.now();
      const value = run();
      return { ms: performance.now() - start, value };
    };
    // The page's own reader lives inside its script; the same steps here.
    const readBlock = async (id) => {
      const bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(document.getElementById(id).textContent) : Uint8Array.from(atob(document.getElementById(id).textContent), (char) => char.charCodeAt(0));
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
      return new Response(stream).text();
    };
    const inflateStart = performance.now();
    const indexText = await readBlock('kb-index');
    const inflate = performance.now() - inflateStart;
    const parsed = clock(() => JSON.parse(indexText));
    const loaded = clock(() => unpackSearchIndex(MiniSearch, parsed.value, PAGE_SEARCH_OPTIONS));
    const entries = JSON.parse(await readBlock('kb-data')).entries;
    const built = clock(() => {
      const index = new MiniSearch(PAGE_SEARCH_OPTIONS);
      index.addAll(entries);
      return index;
    });
    const own = JSON.stringify(built.value);
    const ownParsed = clock(() => JSON.parse(own));
    const ownLoaded = clock(() => MiniSearch.loadJS(ownParsed.value, PAGE_SEARCH_OPTIONS));
    const times = [];
    for (let round = 0; round < 3; round += 1) {
      for (const query of queries) times.push(clock(() => loaded.value.search(query)).ms);
    }
    return {
      inflate,
      parse: parsed.ms,
      unpack: loaded.ms,
      ownSize: own.length,
      ownParse: ownParsed.ms,
      ownLoad: ownLoaded.ms,
      addAll: built.ms,
      searchTimes: times,
    };
  }, QUERIES);
  await page.close();
  return {
    inflate: result.inflate,
    parse: result.parse,
    unpack: result.unpack,
    ownSize: result.ownSize,
    ownParse: result.ownParse,
    ownLoad: result.ownLoad,
    addAll: result.addAll,
    searchP50: quantile(result.searchTimes, 0.5),
    searchP95: quantile(result.searchTimes, 0.95),
  };
}

/** Median of the runs' values of `key`. */
function median(runs, key) {
  return quantile(runs.map((run) => run[key]), 0.5);
}

/** Rounds of the query set: three, one past 20,000 entries. */
function figuresRounds(options) {
  return options.count * options.replicate > 20_000 ? 1 : 3;
}

/** Table rows of the loading comparison, when it ran. */
function describeLoading(loading) {
  if (loading === null) return [];
  return [
    `| main thread: index block decoded and inflated + \`JSON.parse\` + \`unpackSearchIndex\` (shipped) | ${Math.round(loading.inflate)} + ${Math.round(loading.parse)} + ${Math.round(loading.unpack)} ms |`,
    `| main thread: MiniSearch's own serialisation (${(loading.ownSize / 1e6).toFixed(1)} MB): \`JSON.parse\` + \`loadJS\` (not shipped) | ${Math.round(loading.ownParse)} + ${Math.round(loading.ownLoad)} ms |`,
    `| main thread: \`addAll\` of the entries instead (not shipped) | ${Math.round(loading.addAll)} ms |`,
    `| main thread: MiniSearch search alone p50 / p95 | ${loading.searchP50.toFixed(1)} / ${loading.searchP95.toFixed(1)} ms |`,
  ];
}

/** What the build figure covers. */
function describeBuild(figures) {
  if (figures.replicate > 1) return `${figures.replicate} copies of a kept kb.json, page rendered`;
  if (figures.reuse) return 'page rendered again from a kept kb.json';
  return figures.extractOnly ? 'parse + extract + page, no lint' : '`journal-kb build`';
}

/** Print the figures as Markdown. */
function report(figures) {
  const ms = (value) => `${Math.round(value)} ms`;
  const mb = (value) => `${(value / 1e6).toFixed(1)} MB`;
  const lines = [
    `## ${figures.count} entries`,
    '',
    `Machine: ${figures.cpus} CPUs, load average ${figures.load.toFixed(1)} at start; Chromium headless; median of ${figures.runs} runs.`,
    `Speed reference: \`JSON.parse\` of the page's data in this Chromium ran at ${figures.parseRate.toFixed(0)} MB/s.`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| build (${describeBuild(figures)}) | ${ms(figures.build)} |`,
    `| \`renderPage\` alone | ${ms(figures.render)} |`,
    `| page size (gzip) | ${mb(figures.sizes.page)} (${mb(figures.sizes.pageGzip)}) |`,
    `| index / data inside the page (as JSON) | ${mb(figures.sizes.index)} / ${mb(figures.sizes.data)} (${mb(figures.sizes.indexJson)} / ${mb(figures.sizes.dataJson)}) |`,
    `| first results shown | ${ms(figures.shown)} |`,
    `| ready to answer (index loaded) | ${ms(figures.ready)} |`,
    `| first answer of a query in the URL | ${ms(figures.answer)} |`,
    `| first typed query | ${ms(figures.firstQuery)} |`,
    `| typed query p50 / p95 / max (${figures.samples} samples) | ${figures.p50.toFixed(1)} / ${figures.p95.toFixed(1)} / ${figures.max.toFixed(1)} ms |`,
    `| of which search (worker round trip) and filter p50 / p95 | ${figures.searchP50.toFixed(1)} / ${figures.searchP95.toFixed(1)} ms |`,
    `| slowest queries (median) | ${figures.slowest.map((item) => `\`${item.query}\` ${item.ms.toFixed(0)} ms`).join(', ')} |`,
    ...describeLoading(figures.loading),
    `| first hit for \`${QUERIES[0]}\` | ${figures.first} |`,
    `| console errors and foreign requests | ${figures.problems.length} |`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

/** Run the benchmark. */
async function run() {
  const options = readOptions();
  const load = loadavg()[0];
  mkdirSync(OUT, { recursive: true });
  const kept = join(OUT, `page-kb-${options.count}`);
  const replicated = options.replicate > 1;
  const kbDir = replicated ? join(OUT, `page-kb-${options.count}x${options.replicate}`) : kept;
  const build = options.extractOnly ? runExtractOnly : runBuild;
  let buildMs;
  if (replicated && options.reuseKb && existsSync(join(kbDir, 'index.html'))) {
    buildMs = Number.NaN;
  } else if (replicated) {
    ({ ms: buildMs } = await time(() => renderReplicated(kept, kbDir, options.replicate)));
  } else if (options.reuseKb) {
    ({ ms: buildMs } = await time(() => rerender(kbDir)));
  } else {
    const corpus = ensureCorpus(options.count);
    ({ ms: buildMs } = await time(() => build(corpus, kbDir)));
  }
  // A replicated page is rendered once: its build figure is the render.
  const render = replicated ? buildMs : await timeRender(join(kbDir, 'kb.json'));
  const pageFile = join(kbDir, 'index.html');
  const sizes = measureSizes(pageFile);

  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'journal-kb-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const url = pathToFileURL(pageFile).href;
  try {
    const loads = [];
    for (let index = 0; index < options.runs; index += 1) {
      loads.push(await measureLoad(context, url, QUERIES[0]));
    }
    const queries = await measureQueries(context, url, figuresRounds(options));
    const loading = options.compare ? await compareLoading(context, url) : null;
    const figures = {
      count: options.count * options.replicate,
      replicate: options.replicate,
      runs: options.runs,
      extractOnly: options.extractOnly,
      reuse: options.reuseKb,
      cpus: cpus().length,
      load,
      build: buildMs,
      render,
      sizes,
      shown: median(loads, 'shown'),
      ready: median(loads, 'ready'),
      answer: median(loads, 'answer'),
      loads,
      loading,
      firstQuery: queries.first,
      parseRate: queries.parseRate,
      samples: queries.samples.length,
      p50: quantile(queries.samples.map((item) => item.total), 0.5),
      p95: quantile(queries.samples.map((item) => item.total), 0.95),
      max: Math.max(...queries.samples.map((item) => item.total)),
      searchP50: quantile(queries.samples.map((item) => item.search), 0.5),
      searchP95: quantile(queries.samples.map((item) => item.search), 0.95),
      slowest: slowestQueries(queries.samples),
      first: loads[0].first,
      problems: [...loads.flatMap((item) => item.problems), ...queries.problems],
    };
    report(figures);
    writeFileSync(join(OUT, `page-${figures.count}.json`), `${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    if (!options.keep) rmSync(kbDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await run();
}
