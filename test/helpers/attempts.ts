/**
 * Expected values for attempts in extraction tests.
 */
import type { Attempt } from '../../src/kb/types.js';

/** An attempt told in a list item: no version, no symptom. */
export function listedAttempt(fix: string, result: string, line: number, outcome: Attempt['outcome']): Attempt {
  return { version: '', symptom: '', fix, result, line, outcome };
}
