/**
 * Knowledge-base records: the shape of `kb.json`, shared by extraction,
 * the terminal search and the index page. Every field is described in
 * `docs/kb-schema.md`.
 */

/** Version of the `kb.json` shape; raised when a field changes meaning. */
export const SCHEMA_VERSION = 1;

/** How one attempt of a fix-history table ended. */
export type Outcome = 'failed' | 'succeeded' | 'pending' | 'unknown';

/** A piece of text with the 1-based line of the file it came from. */
export interface TextRef {
  text: string;
  line: number;
}

/** One problem inside an entry, with what caused and what solved it. */
export interface Case {
  /** The problem as written (section body or labelled item). */
  problem: string;
  /** The cause, `''` when the entry names none. */
  cause: string;
  /** The solution, `''` when the entry names none. */
  solution: string;
  /** The result after the solution, `''` when none is written. */
  result: string;
  /** Line where the problem starts. */
  line: number;
  /** Whether the problem is still open: no solution, or last attempt pending. */
  pending: boolean;
}

/** One row of a fix-history table, or one item of an attempts list. */
export interface Attempt {
  /** The version cell as written, such as `v1`. */
  version: string;
  symptom: string;
  fix: string;
  result: string;
  /** Line of the row. */
  line: number;
  outcome: Outcome;
}

/** One journal entry compiled into a record. */
export interface Entry {
  /** The path without `.md`; unique in a knowledge base. */
  id: string;
  /** Path relative to the working directory, with forward slashes. */
  path: string;
  /** Text of the first level-one heading, else the file name. */
  title: string;
  /** Front-matter `type`, or inferred for legacy entries; `''` if unknown. */
  type: string;
  /** Front-matter `status`; `''` if unknown. */
  status: string;
  /** Front-matter `owner`; `''` if unknown. */
  owner: string;
  /** ISO date `YYYY-MM-DD`, or `''` if none can be read. */
  date: string;
  /** Front-matter `tags`, as strings. */
  tags: string[];
  /** First paragraph of the body. */
  summary: string;
  /** Required front-matter keys the entry lacks; `[]` when none. */
  incomplete: string[];
  cases: Case[];
  attempts: Attempt[];
  /** Error messages quoted in code blocks or inline code. */
  errors: TextRef[];
  /** Lessons: items of a `Gelernt`, `Lessons learned`, `Erkenntnisse` section. */
  learned: TextRef[];
  /** Ids of other entries this one links to, sorted, without repeats. */
  links: string[];
}

/** The whole knowledge base, as written to `kb.json`. */
export interface KnowledgeBase {
  schemaVersion: typeof SCHEMA_VERSION;
  /** Entries sorted by path. */
  entries: Entry[];
}
