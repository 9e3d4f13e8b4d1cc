/**
 * Severities as configuration writes them and as reports number them.
 */
import type { SeverityLabel } from './rule.js';

/** Numeric severity of a report: 1 warning, 2 error (0 is off). */
export type SeverityNumber = 0 | 1 | 2;

const BY_VALUE = new Map<unknown, SeverityNumber>([
  ['off', 0],
  [0, 0],
  ['warn', 1],
  [1, 1],
  ['error', 2],
  [2, 2],
]);

/** The number of a configured severity, or `undefined` when not one. */
export function toSeverityNumber(value: unknown): SeverityNumber | undefined {
  return BY_VALUE.get(value);
}

/** The label of a numeric severity. */
export function toSeverityLabel(value: SeverityNumber): SeverityLabel {
  if (value === 2) return 'error';
  return value === 1 ? 'warn' : 'off';
}
