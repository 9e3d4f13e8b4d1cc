/**
 * The rule registry: every rule journal-kb ships, in the order `rules`
 * lists them. A test checks each has its fixtures and docs page.
 */
import type { Rule } from '../src/rule.js';
import filenameDate from './filename-date.js';
import filenameFormat from './filename-format.js';
import frontmatterDate from './frontmatter-date.js';
import frontmatterOwner from './frontmatter-owner.js';
import frontmatterPresent from './frontmatter-present.js';
import frontmatterRequiredKeys from './frontmatter-required-keys.js';
import frontmatterSchema from './frontmatter-schema.js';
import frontmatterStatus from './frontmatter-status.js';
import frontmatterType from './frontmatter-type.js';
import frontmatterYaml from './frontmatter-yaml.js';
import fixHistoryCells from './fix-history-cells.js';
import fixHistoryColumns from './fix-history-columns.js';
import fixHistoryHeadings from './fix-history-headings.js';
import fixHistoryResults from './fix-history-results.js';
import fixHistoryVersions from './fix-history-versions.js';
import headingTitle from './heading-title.js';
import sectionRequired from './section-required.js';

/** All rules, grouped by prefix. */
export const rules: readonly Rule[] = [
  frontmatterPresent,
  frontmatterYaml,
  frontmatterRequiredKeys,
  frontmatterType,
  frontmatterStatus,
  frontmatterOwner,
  frontmatterDate,
  frontmatterSchema,
  filenameFormat,
  filenameDate,
  headingTitle,
  sectionRequired,
  fixHistoryColumns,
  fixHistoryCells,
  fixHistoryVersions,
  fixHistoryResults,
  fixHistoryHeadings,
] as unknown as readonly Rule[];
