#!/usr/bin/env node
/**
 * Scale the real journal corpus to N entries for benchmarks.
 *
 *   node bench/generate.mjs [--count 10000] [--out DIR] [--seed S] [--tags]
 *                           [--per-day K] [--source DIR]
 *
 * `--per-day` defaults to 1 up to about 11,000 entries, then to as many a
 * day as keep the dates within 40 years.
 *
 * Every entry is built from one real entry of the corpus (front matter,
 * title, bold header lines and `##` sections), varied per entry: new date
 * and title, owner, status, error lines, table rows, section order, extra
 * sections borrowed from another entry, a fix-history table, and some
 * deliberate flaws. The same seed gives byte-identical files.
 *
 * Also a module: `generateCorpus(options)` returns the entries in memory,
 * `writeCorpus(options)` writes them (used by the lint and page benchmarks).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync, copyFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createHash } from 'node:crypto';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The corpus this generator scales, relative to the repository. */
export const DEFAULT_SOURCE = resolve(HERE, '../../shared/corpus/meldestelle');
/** Last day any generated entry may carry (the canonical entry's date). */
const LAST_DAY = Date.UTC(2026, 2, 6);
const DAY_MS = 86_400_000;
/** Marker file that says a folder was written by this generator. */
export const MARKER = '.bench-corpus.json';

const OWNERS = [
  'Lead Architect', 'Curator', 'Backend Developer', 'Frontend Expert', 'Domain Expert',
  'DevOps Engineer', 'DevOps & Infrastructure Engineer', 'Senior Backend Developer',
  'Documentation & Knowledge Curator', 'QA Engineer',
];
const STATUSES = ['ACTIVE', 'ACTIVE', 'ACTIVE', 'DRAFT', 'ARCHIVED', 'DEPRECATED', 'active', 'Draft'];
const BAD_STATUSES = ['COMPLETED', 'done', 'WIP', 'erledigt'];
const TYPES = ['journal', 'Journal', 'Journal', 'JOURNAL'];
const COMPONENTS = [
  'Keycloak', 'API-Gateway', 'Ping-Service', 'Gitea-Runner', 'Docker Compose', 'SQLDelight',
  'Zipkin', 'Gradle-Cache', 'BuildKit-Mirror', 'PostgreSQL', 'Redis', 'Consul', 'Web-App',
  'Wasm-Build', 'Nginx', 'Traefik', 'Pangolin', 'CI/CD Pipeline', 'Kotlin Multiplatform',
  'Flyway-Migration', 'JWT-Validierung', 'Prometheus', 'Grafana', 'Kafka', 'ArchUnit',
  'Events Domain', 'Delta-Sync', 'Realm-Import', 'Postman-Tests', 'Reverse Proxy',
];
const PROBLEMS = [
  'Startfehler', 'Timeout', 'Build-Fehler', 'Auth-Probleme', 'Migration', 'Aufräumen',
  'Konfiguration', 'Port-Konflikt', 'Zertifikat abgelaufen', 'DNS-Auflösung', 'Speicherleck',
  'Cache-Konflikt', 'Rechteproblem', 'Versions-Upgrade', 'Netzwerk-Analyse', 'Härtung',
];
const PREFIXES = [
  'Session Log —', 'Session Log:', 'Journal:', 'Troubleshooting', 'Analyse', 'Fix',
  'Incident', 'Inbetriebnahme', 'Pipeline Fix', 'Debugging',
];
const PACKAGES = ['socat', 'netcat-openbsd', 'dnsutils', 'jq', 'curl', 'iproute2', 'tcpdump', 'skopeo', 'yq'];
const TAGS = [
  'ci', 'docker', 'keycloak', 'auth', 'gradle', 'frontend', 'backend', 'network', 'dns',
  'database', 'sync', 'security', 'monitoring', 'docs', 'kotlin', 'registry',
];
const MONTHS = [
  'Jänner', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September',
  'Oktober', 'November', 'Dezember',
];
const LESSONS = [
  'Minimale Runner-Images haben oft kein `{pkg}` installiert',
  'Fehlermeldungen zuerst im Container-Log prüfen, nicht im Gateway',
  'Konfiguration explizit machen statt auf Defaults zu vertrauen',
  'Cache-Mounts pro Service trennen, sonst blockieren sich parallele Builds',
  'Public und interne URLs sauber trennen (Split Horizon)',
  'Ein kleiner Tracer-Bullet-Service deckt Infrastrukturprobleme früh auf',
  'Workarounds im Journal markieren und später wieder entfernen',
  'Rechte des Runner-Users vor dem Umbau prüfen (`sudo -l`)',
];

/** A seeded random source (mulberry32 on a SHA-256 derived seed). */
function createRandom(...parts) {
  let state = createHash('sha256').update(parts.join('\u0000')).digest().readUInt32LE(0);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  const chance = (p) => next() < p;
  const shuffle = (list) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = int(i + 1);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };
  return { next, int, pick, chance, shuffle };
}

/** All entry files of the corpus (name starts with a date), sorted. */
function listSources(source) {
  const found = [];
  const walk = (dir) => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, item.name);
      if (item.isDirectory()) walk(path);
      else if (/^\d{4}-\d{2}-\d{2}.*\.md$/.test(item.name)) found.push(path);
    }
  };
  for (const top of ['99_Journal', 'legacy']) {
    if (existsSync(join(source, top))) walk(join(source, top));
  }
  return found.sort();
}

/** Split text into front matter lines (or null) and body lines. */
function splitFrontmatter(text) {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n').split('\n');
  if (lines[0] !== '---') return { frontmatter: null, body: lines };
  const end = lines.indexOf('---', 1);
  if (end < 0) return { frontmatter: null, body: lines };
  return { frontmatter: lines.slice(1, end), body: lines.slice(end + 1) };
}

/** Read `key: value` pairs and the `participants` list of front matter lines. */
function readFields(lines) {
  const fields = {};
  let list = null;
  for (const line of lines ?? []) {
    const item = /^\s+-\s+(.*)$/.exec(line);
    if (item && list) list.push(item[1]);
    const pair = /^([A-Za-z_]+):\s*(.*)$/.exec(line);
    if (!pair) continue;
    if (pair[2] === '') fields[pair[1]] = list = [];
    else [fields[pair[1]], list] = [pair[2], null];
  }
  return fields;
}

/** Split body lines into title, header lines, preamble and `##` sections. */
function splitBody(lines) {
  const parsed = { title: null, header: [], preamble: [], sections: [] };
  let fenced = false;
  let current = null;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (!fenced && parsed.title === null && /^# /.test(line)) {
      parsed.title = line.slice(2).trim();
    } else if (!fenced && /^## /.test(line)) {
      current = { heading: line.slice(3).trim(), lines: [] };
      parsed.sections.push(current);
    } else if (current) {
      current.lines.push(line);
    } else if (/^\*\*[^*]+:\*\*/.test(line)) {
      parsed.header.push(line);
    } else {
      parsed.preamble.push(line);
    }
  }
  return parsed;
}

/** Read one source entry into its parts. */
function readSource(path, source) {
  const text = readFileSync(path, 'utf8');
  const { frontmatter, body } = splitFrontmatter(text);
  const parts = splitBody(body);
  const stub = parts.sections.length === 0;
  return {
    path: relative(source, path).split(sep).join('/'),
    fields: readFields(frontmatter),
    hasFrontmatter: frontmatter !== null,
    stub,
    ...parts,
  };
}

/** Load and split every source entry of the corpus. */
export function loadSources(source = DEFAULT_SOURCE) {
  const sources = listSources(source).map((path) => readSource(path, source));
  if (sources.filter((item) => !item.stub).length === 0) {
    throw new Error(`No journal entries with sections under ${source}`);
  }
  return sources;
}

/** ISO date of a UTC day number. */
function isoDay(day) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `count` dates, at most `perDay` a day, spread over distinct real days. */
function allocateDates(count, perDay, random) {
  const days = Math.ceil(count / perDay);
  const span = Math.ceil(days * 1.3);
  const last = LAST_DAY / DAY_MS;
  const chosen = random.shuffle(Array.from({ length: span }, (_, i) => last - i)).slice(0, days);
  chosen.sort((a, b) => a - b);
  const dates = [];
  for (const day of chosen) {
    for (let k = 0; k < perDay && dates.length < count; k += 1) dates.push(isoDay(day));
  }
  return dates;
}

/** `DD.MM.YYYY` of an ISO date. */
function germanDate(iso) {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** `27. Jänner 2026` of an ISO date. */
function longGermanDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}. ${MONTHS[m - 1]} ${y}`;
}

/** Replace dates written in the source's title or header with `iso`. */
function redate(text, iso) {
  return text
    .replace(/\d{1,2}\. (Jänner|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}/g, longGermanDate(iso))
    .replace(/\b\d{2}\.\d{2}\.\d{4}\b/g, germanDate(iso))
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, iso);
}

/** The file-name part of a title: ASCII words joined by `_`. */
function slug(title) {
  const folded = title
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue');
  const words = folded.replace(/[^A-Za-z0-9-]+/g, ' ').trim().split(/\s+/).filter(Boolean);
  return words.slice(0, 7).join('_') || 'Session_Log';
}

/** A new title for an entry, sometimes the source's own. */
function makeTitle(sourceItem, date, random) {
  if (sourceItem.title && random.chance(0.3)) return redate(sourceItem.title, date);
  const component = random.pick(COMPONENTS);
  const problem = random.pick(PROBLEMS);
  const version = random.chance(0.25) ? ` v${1 + random.int(5)}` : '';
  return `${random.pick(PREFIXES)} ${component}: ${problem}${version}`;
}

/** A tool error line of the kinds the corpus quotes. */
function errorLine(random, pkg) {
  const ip = `10.0.${random.int(4)}.${20 + random.int(30)}`;
  const kinds = [
    () => `E: Unable to locate package ${pkg}`,
    () => `Error: connect ECONNREFUSED ${ip}:${random.pick([80, 443, 3000, 5432, 8080, 8180])}`,
    () => `java.lang.IllegalArgumentException: Unable to find GatewayFilterFactory with name ${random.pick(['CircuitBreaker', 'Retry', 'RequestRateLimiter'])}`,
    () => `HTTP/1.1 ${random.pick(['502 Bad Gateway', '401 Unauthorized', '404 Not Found', '503 Service Unavailable'])}`,
    () => `iptables: Permission denied (you must be root).`,
    () => `Timeout waiting to lock journal cache (/root/.gradle/caches/journal-1). It is currently in use by another Gradle instance.`,
    () => `ERROR: failed to solve: failed to push ${ip}:3000/meldestelle/${random.pick(['api-gateway', 'ping-service', 'web-app'])}: connection reset by peer`,
    () => `org.postgresql.util.PSQLException: FATAL: password authentication failed for user "${random.pick(['meldestelle', 'keycloak', 'ping'])}"`,
  ];
  return random.pick(kinds)();
}

/** Whether a code block's lines look like tool output. */
function looksLikeError(lines) {
  return lines.some((line) => /(^E: |Error|Exception|denied|refused|\b[45]\d\d\b)/.test(line));
}

/** Vary code blocks that quote errors: their lines become new error lines. */
function varyErrors(lines, random, pkg) {
  const out = [];
  let block = null;
  for (const line of lines) {
    if (/^\s*```/.test(line)) {
      if (block === null) {
        block = { open: line, lines: [] };
        continue;
      }
      const plain = block.open.trim() === '```' || block.open.trim() === '```text';
      const body = plain && looksLikeError(block.lines)
        ? block.lines.map((item) => (item.trim() ? errorLine(random, pkg) : item))
        : block.lines;
      out.push(block.open, ...body, line);
      block = null;
      continue;
    }
    if (block) block.lines.push(line);
    else out.push(line);
  }
  if (block) out.push(block.open, ...block.lines);
  return out;
}

/** Vary the body rows of tables: drop, repeat or reorder a few. */
function varyTables(lines, random) {
  const out = [];
  let i = 0;
  while (i < lines.length) {
    if (!/^\s*\|/.test(lines[i])) {
      out.push(lines[i]);
      i += 1;
      continue;
    }
    const table = [];
    while (i < lines.length && /^\s*\|/.test(lines[i])) table.push(lines[i++]);
    const head = table.slice(0, 2);
    let rows = table.slice(2);
    if (/Version|Versuch/.test(head[0] ?? '')) {
      out.push(...head, ...rows);
      continue;
    }
    if (rows.length > 2 && random.chance(0.4)) rows = rows.filter(() => !random.chance(0.25));
    if (rows.length > 0 && random.chance(0.3)) rows.push(random.pick(rows));
    if (random.chance(0.3)) rows = random.shuffle(rows);
    out.push(...head, ...rows);
  }
  return out;
}

/** A fix-history table of `attempts` rows, possibly with a flaw. */
function fixHistory(random, pkg, flaws) {
  const attempts = 1 + random.int(6);
  const gap = attempts > 2 && random.chance(0.08);
  const shortRow = random.chance(0.05);
  if (gap) flaws.push('fix-history-gap');
  if (shortRow) flaws.push('fix-history-short-row');
  const rows = ['| Version | Symptom | Fix | Ergebnis |', '|---------|---------|-----|----------|'];
  for (let n = 1; n <= attempts; n += 1) {
    const version = gap && n > 1 ? n + 1 : n;
    const last = n === attempts;
    const result = last
      ? random.pick(['✅ funktioniert', '⏳ erwartet grün', '✅ Build grün', '⏳ pending'])
      : random.pick(['❌ Port 443 refused', '❌ Permission denied', `❌ ${pkg} nicht da`, '❌ failed', '❌ fehlgeschlagen']);
    const symptom = errorLine(random, pkg).slice(0, 48).replace(/\|/g, '/');
    const fix = `\`${random.pick(['iptables', pkg, 'buildkitd', 'docker compose', 'gradle', 'keycloak'])}\` ${random.pick(['angepasst', 'ersetzt', 'neu konfiguriert', 'entfernt'])}`;
    if (shortRow && n === 1) rows.push(`| v${version} | ${symptom} | ${fix} |`);
    else rows.push(`| v${version} | ${symptom} | ${fix} | ${result} |`);
  }
  return ['## Fix-Verlauf', '', ...rows, ''];
}

/** Front matter lines for an entry, with the flaws it was given. */
function frontmatterLines(meta, random, flaws) {
  const lines = [`type: ${meta.type}`, `status: ${meta.status}`, `owner: ${meta.owner}`];
  if (meta.legacyDateKey) lines.push(`last_update: ${meta.frontmatterDate}`);
  else lines.push(`date: ${meta.frontmatterDate}`);
  if (meta.summary) lines.push(`summary: ${meta.summary}`);
  if (meta.participants.length > 0) {
    lines.push('participants:', ...meta.participants.map((name) => `  - ${name}`));
  }
  if (meta.tags.length > 0) lines.push(`tags: [${meta.tags.join(', ')}]`);
  if (random.chance(0.02)) {
    flaws.push('frontmatter-invalid-yaml');
    lines.push(`owner: [${meta.owner}`);
  }
  const closed = !random.chance(0.02);
  if (!closed) flaws.push('frontmatter-unclosed');
  return ['---', ...lines, ...(closed ? ['---'] : []), ''];
}

/** Shift an ISO date by `days`. */
function shiftDate(iso, days) {
  return isoDay(Date.parse(`${iso}T00:00:00Z`) / DAY_MS + days);
}

/** Decide an entry's metadata: owner, status, type, front-matter date, tags. */
function makeMeta(sourceItem, date, random, options, flaws) {
  const badStatus = random.chance(0.06);
  if (badStatus) flaws.push('status-unknown');
  const owner = random.chance(0.02) ? '' : random.pick(OWNERS);
  if (owner === '') flaws.push('owner-empty');
  let frontmatterDate = date;
  if (random.chance(0.03)) {
    frontmatterDate = shiftDate(date, 1 + random.int(30));
    flaws.push('date-mismatch');
  } else if (random.chance(0.02)) {
    frontmatterDate = `${date.slice(0, 4)}-02-30`;
    flaws.push('date-impossible');
  }
  const participants = random.chance(0.35)
    ? random.shuffle(OWNERS).slice(0, 1 + random.int(3))
    : [];
  const tags = options.tags ? random.shuffle(TAGS).slice(0, random.int(4)).sort() : [];
  const legacyDateKey = random.chance(0.08);
  if (legacyDateKey) flaws.push('last-update-instead-of-date');
  return {
    type: random.pick(TYPES),
    status: badStatus ? random.pick(BAD_STATUSES) : random.pick(STATUSES),
    owner,
    frontmatterDate,
    legacyDateKey,
    participants,
    tags,
    summary: random.chance(0.3) ? `${random.pick(COMPONENTS)} — ${random.pick(PROBLEMS)} behoben` : '',
  };
}

/** Sections of the entry: the source's, reordered and mixed with another's. */
function makeSections(sourceItem, donors, random, flaws) {
  let sections = sourceItem.sections.map((section) => ({ ...section, lines: [...section.lines] }));
  if (sections.length > 3 && random.chance(0.5)) {
    const [first, ...rest] = sections;
    sections = [first, ...random.shuffle(rest)];
  }
  if (random.chance(0.5)) {
    const donor = random.pick(donors);
    const borrowed = random.shuffle(donor.sections).slice(0, 1 + random.int(2));
    sections.push(...borrowed.map((section) => ({ ...section, lines: [...section.lines] })));
  }
  if (sections.length > 2 && random.chance(0.04)) {
    const index = sections.findIndex((section) => /^(\d+\.\s*)?(Lösung|Solution|Fix)/i.test(section.heading));
    if (index >= 0) {
      sections.splice(index, 1);
      flaws.push('solution-missing');
    }
  }
  return sections;
}

/** Replace the corpus's own package and address names by the entry's. */
function substitute(text, pkg, ip) {
  return text.replace(/\bsocat\b/g, pkg).replace(/10\.0\.0\.22/g, ip);
}

/** The Markdown text of one generated entry. */
function renderEntry(sourceItem, donors, date, random, options) {
  const flaws = [];
  const pkg = random.pick(PACKAGES);
  const ip = `10.${random.int(8)}.${random.int(8)}.${10 + random.int(40)}`;
  const title = makeTitle(sourceItem, date, random);
  const withFrontmatter = sourceItem.hasFrontmatter ? !random.chance(0.08) : random.chance(0.6);
  const metaFlaws = [];
  const meta = makeMeta(sourceItem, date, random, options, metaFlaws);
  const out = [];
  if (withFrontmatter) {
    flaws.push(...metaFlaws);
    out.push(...frontmatterLines(meta, random, flaws));
  } else {
    flaws.push('no-frontmatter');
  }
  out.push(`# ${title}`, '');
  if (random.chance(0.03)) {
    out.push(`# ${random.pick(COMPONENTS)}`, '');
    flaws.push('second-title');
  }
  const header = sourceItem.header.map((line) => redate(line, date));
  if (!withFrontmatter && header.length === 0) header.push(`**Datum:** ${germanDate(date)}`);
  if (header.length > 0) out.push(...header, '');
  out.push(...trimBlank(sourceItem.preamble), '');
  if (sourceItem.stub) return { text: finish(out, pkg, ip), meta, flaws, withFrontmatter, title };
  const sections = makeSections(sourceItem, donors, random, flaws);
  const hasHistory = sections.some((section) => /Fix-Verlauf|Versuche|Fix history/i.test(section.heading));
  for (const [index, section] of sections.entries()) {
    let lines = varyTables(varyErrors(section.lines, random, pkg), random);
    if (random.chance(0.05)) lines = lines.map((line) => (line.startsWith('*') ? `${line}  ` : line));
    out.push(`## ${section.heading}`, ...trimTrailing(lines), '');
    if (index === 0 && random.chance(0.25)) out.push('```', errorLine(random, pkg), '```', '');
  }
  if (!hasHistory && random.chance(0.3)) out.push(...fixHistory(random, pkg, flaws));
  if (random.chance(0.3)) {
    const lessons = random.shuffle(LESSONS).slice(0, 2 + random.int(3));
    out.push('## Gelernt', '', ...lessons.map((line) => `- ${line.replace('{pkg}', pkg)}`), '');
  }
  return { text: finish(out, pkg, ip), meta, flaws, withFrontmatter, title };
}

/** Lines without leading and trailing blank lines. */
function trimBlank(lines) {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].trim() === '') start += 1;
  while (end > start && lines[end - 1].trim() === '') end -= 1;
  return lines.slice(start, end);
}

/** Lines without trailing blank lines (a blank line after a heading stays). */
function trimTrailing(lines) {
  let end = lines.length;
  while (end > 0 && lines[end - 1].trim() === '') end -= 1;
  return lines.slice(0, end);
}

/** Join lines into the final text: one blank line at most in a row. */
function finish(lines, pkg, ip) {
  const text = lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd();
  return `${substitute(text, pkg, ip)}\n`;
}

/** Folder of an entry relative to the output: recent ones at the top. */
function folderFor(date, newest) {
  if (date >= newest) return '99_Journal';
  return `99_Journal/_archive/${date.slice(0, 4)}`;
}

/** Entries a day by default: 1, or more when one a day would reach back over 40 years. */
export function autoPerDay(count) {
  const days = Math.floor((40 * 365.25) / 1.3);
  return Math.max(1, Math.ceil(count / days));
}

/**
 * Generate `count` entries in memory.
 * Returns `[{ path, text, date, title, type, status, owner, tags, frontmatter, flaws, source }]`.
 */
export function generateCorpus({ count = 10_000, seed = 'journal-kb', tags = false, perDay = autoPerDay(count), source = DEFAULT_SOURCE } = {}) {
  if (!Number.isInteger(count) || count < 1) throw new Error(`Unexpected count \`${count}\`, expected a positive integer`);
  if (!Number.isInteger(perDay) || perDay < 1) throw new Error(`Unexpected per-day \`${perDay}\`, expected a positive integer`);
  const sources = loadSources(source);
  const donors = sources.filter((item) => !item.stub);
  const weights = sources.map((item) => (item.stub ? 0.1 : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const dates = allocateDates(count, perDay, createRandom(seed, 'dates'));
  const newest = shiftDate(isoDay(LAST_DAY / DAY_MS), -60);
  const names = new Set();
  return dates.map((date, index) => {
    const random = createRandom(seed, 'entry', String(index));
    let roll = random.next() * total;
    const sourceItem = sources.find((_, i) => (roll -= weights[i]) < 0) ?? sources[sources.length - 1];
    const entry = renderEntry(sourceItem, donors, date, random, { tags });
    const base = `${date}_${slug(entry.title)}`;
    let name = `${base}.md`;
    for (let n = 2; names.has(name.toLowerCase()); n += 1) name = `${base}_${n}.md`;
    names.add(name.toLowerCase());
    return {
      path: `${folderFor(date, newest)}/${name}`,
      text: entry.text,
      date,
      title: entry.title,
      type: entry.meta.type,
      status: entry.meta.status,
      owner: entry.meta.owner,
      tags: entry.withFrontmatter ? entry.meta.tags : [],
      frontmatter: entry.withFrontmatter,
      flaws: entry.flaws,
      source: sourceItem.path,
    };
  });
}

/**
 * Write a generated corpus to `out` (the journal under `out/99_Journal`, the
 * corpus's schema as `out/frontmatter.schema.json`). A folder that exists must
 * be one this generator wrote. Returns `{ out, count, bytes, entries }`.
 */
export function writeCorpus({ out, ...options }) {
  const dir = resolve(out);
  if (existsSync(dir) && readdirSync(dir).length > 0 && !existsSync(join(dir, MARKER))) {
    throw new Error(`Refusing to write into ${dir}: not empty and not a generated corpus`);
  }
  rmSync(join(dir, '99_Journal'), { recursive: true, force: true });
  const entries = generateCorpus(options);
  let bytes = 0;
  for (const entry of entries) {
    const path = join(dir, entry.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, entry.text);
    bytes += Buffer.byteLength(entry.text);
  }
  const source = options.source ?? DEFAULT_SOURCE;
  copyFileSync(join(source, 'frontmatter.schema.json'), join(dir, 'frontmatter.schema.json'));
  const perDay = options.perDay ?? autoPerDay(entries.length);
  const settings = { count: entries.length, seed: options.seed ?? 'journal-kb', tags: Boolean(options.tags), perDay, bytes };
  writeFileSync(join(dir, MARKER), `${JSON.stringify(settings, null, 2)}\n`);
  return { out: dir, count: entries.length, bytes, entries };
}

/** Command line: parse arguments, write, and say what was written on stderr. */
function cli() {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '10000' },
      out: { type: 'string' },
      seed: { type: 'string', default: 'journal-kb' },
      tags: { type: 'boolean', default: false },
      'per-day': { type: 'string' },
      source: { type: 'string' },
    },
  });
  const count = Number(values.count);
  const out = values.out ?? join(HERE, 'out', `corpus-${count}`);
  const started = performance.now();
  const result = writeCorpus({
    out,
    count,
    seed: values.seed,
    tags: values.tags,
    perDay: values['per-day'] === undefined ? undefined : Number(values['per-day']),
    source: values.source ? resolve(values.source) : DEFAULT_SOURCE,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const mb = (result.bytes / 1e6).toFixed(1);
  process.stderr.write(`generate: ${result.count} entries, ${mb} MB in ${result.out} (${seconds} s)\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    cli();
  } catch (error) {
    process.stderr.write(`generate: ${error.message}\n`);
    process.exitCode = 2;
  }
}
