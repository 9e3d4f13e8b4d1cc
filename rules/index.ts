/**
 * The rule registry: every rule journal-kb ships, in the order `rules`
 * lists them. A test checks each has its fixtures and docs page.
 */
import type { Rule } from '../src/rule.js';
import frontmatterPresent from './frontmatter-present.js';

/** All rules, grouped by prefix. */
export const rules: readonly Rule[] = [
  frontmatterPresent,
] as unknown as readonly Rule[];
