/**
 * The knowledge base of the real corpus: `journal-kb build` over
 * `../shared/corpus/meldestelle` (read-only; output goes to a temporary
 * folder). Expected values were read off the corpus files by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entry, KnowledgeBase } from '../src/kb/types.js';
import { listedAttempt } from './helpers/attempts.js';
import { makeTempDir, run } from './helpers/cli.js';

const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'meldestelle');
const CANONICAL = '99_Journal/2026-03-06_Session_Log_Pipeline_Fix_v3';
const ARCHIVE = '99_Journal/_archive';

let kb: KnowledgeBase;

/** The entry with `id`. */
function entryOf(id: string): Entry {
  const entry = kb.entries.find((item) => item.id === id);
  if (!entry) throw new Error(`No entry ${id}`);
  return entry;
}

/** Lines of an entry's cases, the quickest view of how it was split. */
function caseLines(id: string): number[] {
  return entryOf(id).cases.map((item) => item.line);
}

beforeAll(async () => {
  const out = makeTempDir();
  const result = await run(['build', '.', '--out', out], CORPUS);
  expect(result.code).toBe(0);
  expect(result.stdout).toBe('');
  kb = JSON.parse(readFileSync(join(out, 'kb.json'), 'utf8')) as KnowledgeBase;
});

describe('the corpus knowledge base', () => {
  it('holds every dated entry, sorted by path, and no monthly file', () => {
    expect(kb.schemaVersion).toBe(1);
    expect(kb.entries).toHaveLength(37);
    const paths = kb.entries.map((entry) => entry.path);
    expect(paths).toEqual([...paths].sort());
    expect(paths).not.toContain(`${ARCHIVE}/2026-01.md`);
    expect(paths).not.toContain('99_Journal/README.md');
  });

  it('reads the canonical entry: 4 attempts, the apt error and 4 lessons', () => {
    const entry = entryOf(CANONICAL);
    expect(entry.title).toBe('Session Log — Pipeline Fix v3: socat nicht verfügbar → iptables DNAT');
    expect([entry.type, entry.status, entry.owner, entry.date]).toEqual([
      'journal',
      'active',
      'Lead Architect',
      '2026-03-06',
    ]);
    expect(entry.incomplete).toEqual([]);
    expect(entry.attempts.map((attempt) => [attempt.version, attempt.line, attempt.outcome])).toEqual([
      ['v1', 69, 'failed'],
      ['v2', 70, 'failed'],
      ['v3', 71, 'failed'],
      ['v4', 72, 'pending'],
    ]);
    expect(entry.errors).toContainEqual({ text: 'E: Unable to locate package socat', line: 22 });
    expect(entry.learned.map((lesson) => lesson.line)).toEqual([117, 118, 119, 120]);
    expect(entry.learned[0]?.text).toBe(
      'Minimale Runner-Images haben oft kein `socat` — APT-Repos auf Air-Gapped Systemen sind limitiert',
    );
  });

  it('gives the canonical entry one pending case with both solutions', () => {
    const [only, ...rest] = entryOf(CANONICAL).cases;
    expect(rest).toEqual([]);
    expect(only?.line).toBe(16);
    expect(only?.problem).toContain('E: Unable to locate package socat');
    expect(only?.solution.startsWith('iptables DNAT\n')).toBe(true);
    expect(only?.solution).toContain('buildkitd Mirror — die Root-freie Lösung');
    expect(only?.pending).toBe(true);
  });

  it('splits the legacy troubleshooting entry into its three labelled cases', () => {
    const id = 'legacy/2026-01-13_backend-startup-troubleshooting';
    const entry = entryOf(id);
    expect(caseLines(id)).toEqual([16, 22, 26]);
    expect(entry.cases[1]?.problem).toBe(
      'Ein Tippfehler im Pfad (`/opt/keykeycloak/` statt `/opt/keycloak/`) verhinderte den Build des Keycloak-Images.',
    );
    expect(entry.cases[1]?.solution).toBe('Der Pfad wurde in `config/docker/keycloak/Dockerfile` korrigiert.');
    expect(entry.errors).toEqual([
      { text: 'Timeout waiting to lock journal cache', line: 26 },
      {
        text: 'java.lang.IllegalArgumentException: Unable to find GatewayFilterFactory with name CircuitBreaker',
        line: 34,
      },
    ]);
    expect([entry.date, entry.owner]).toEqual(['2026-01-13', 'Senior Backend Developer']);
    expect(entry.incomplete).toEqual(['type', 'status', 'owner', 'date']);
  });

  it('splits the archived session logs with labelled items into several cases', () => {
    expect(caseLines(`${ARCHIVE}/2026-01-27_Session_Log`)).toEqual([20, 22, 26]);
    expect(caseLines(`${ARCHIVE}/2026-01-28_Session_Log`)).toEqual([19, 26]);
    expect(caseLines(`${ARCHIVE}/2026-01-29_Session_Log_Arch_Guards`)).toEqual([20, 29, 32]);
    expect(caseLines(`${ARCHIVE}/2026-01-23_Session_Log_Auth_Fixes`)).toEqual([20, 24, 26, 30]);
    const third = entryOf(`${ARCHIVE}/2026-01-27_Session_Log`).cases[2];
    expect(third?.cause.startsWith('Trotz `generateAsync = true`')).toBe(true);
    expect(third?.solution.startsWith('Bypass in `PingEventRepositoryImpl.getLatestSince()`.')).toBe(true);
    expect(third?.result.startsWith('Der Sync (`upsert`) läuft nun erfolgreich durch!')).toBe(true);
  });

  it('finds quoted tool messages in inline code, not class names in prose', () => {
    expect(entryOf(`${ARCHIVE}/2026-01-26_Session_Log`).errors).toEqual([
      { text: "export 'default' ... was not found", line: 28 },
    ]);
    expect(entryOf(`${ARCHIVE}/2026-01-29_Session_Log_Arch_Guards`).errors).toEqual([
      { text: "Rule '...' failed to check any classes", line: 32 },
    ]);
  });

  it('finds a message the prose introduces as an error (`Laufzeitfehler \`…\``)', () => {
    expect(entryOf(`${ARCHIVE}/2026-01-27_Session_Log`).errors).toEqual([
      {
        text: 'The driver used with SQLDelight is asynchronous, so SQLDelight should be configured for asynchronous usage',
        line: 26,
      },
    ]);
    expect(entryOf(`${ARCHIVE}/2026-01-28_Session_Log`).errors).toEqual([
      { text: 'The driver used with SQLDelight is asynchronous...', line: 21 },
    ]);
  });

  it('reads the attempts the archived session logs write as labelled lists', () => {
    const pick = (id: string) => entryOf(id).attempts;
    expect(pick(`${ARCHIVE}/2026-01-27_Session_Log`)).toEqual([
      listedAttempt('Transaktion entfernt/hinzugefügt', 'Kein Effekt.', 29, 'failed'),
      listedAttempt('`executeAsList()` statt `executeAsOneOrNull()`', 'Kein Effekt.', 30, 'failed'),
      listedAttempt('Explizites `await()`', 'Kompilierfehler (da `upsert` bereits `suspend Unit` ist).', 31, 'unknown'),
      listedAttempt('Hinzufügen von `libs.sqldelight.coroutines` zu `ping-feature`', 'Kein Effekt auf den Laufzeitfehler.', 32, 'failed'),
    ]);
    expect(pick(`${ARCHIVE}/2026-01-26_Session_Log`)).toEqual([
      listedAttempt('Aktivierung des Wasm-Targets (revertiert, da zu viele Folgefehler).', '', 23, 'failed'),
      listedAttempt(
        'Anpassung der Gradle-Tasks (`copySqliteAssetsToWebpackSource`, `copySqliteAssetsToDist`), um Assets korrekt zu kopieren.',
        '',
        24,
        'unknown',
      ),
      listedAttempt('Anpassung des Workers (`sqlite.worker.js`) für manuelles Laden der WASM-Datei via `fetch`.', '', 25, 'unknown'),
      listedAttempt(
        '**Webpack-Hacks:** Umfangreiche Anpassungen in `webpack.config.d/ignore-sqlite-wasm.js`, um Webpack daran zu hindern, `sqlite3.wasm` als Modul zu parsen (was fehlschlug) und stattdessen auf ein `dummy.js` umzuleiten.',
        '',
        26,
        'failed',
      ),
    ]);
  });

  it('marks a problem without a solution as pending', () => {
    const cases = entryOf(`${ARCHIVE}/2026-01-26_Session_Log`).cases;
    expect(cases.map((item) => [item.line, item.pending])).toEqual([
      [21, true],
      [33, false],
      [37, false],
    ]);
  });

  it('marks archived stubs without `date` as incomplete, dated by file name', () => {
    const entry = entryOf(`${ARCHIVE}/2026-01-13_backend-startup-troubleshooting`);
    expect(entry.incomplete).toEqual(['date']);
    expect([entry.type, entry.status, entry.date]).toEqual(['journal', 'archived', '2026-01-13']);
  });

  it('resolves a relative link between legacy entries', () => {
    expect(entryOf('legacy/2026-01-13_request-for-project-structure-analysis').links).toEqual([
      'legacy/2026-01-13_initial-curator-analysis',
    ]);
  });
});
