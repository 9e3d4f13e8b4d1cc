/**
 * Require `status` to be one of the allowed statuses (DRAFT, ACTIVE,
 * DEPRECATED, ARCHIVED), matched without regard to case by default.
 */
import { getField } from '../src/frontmatter.js';
import { defineRule } from '../src/rule.js';
import {
  allowedValueSchema,
  checkAllowedValue,
  type AllowedValueOptions,
} from './frontmatter-type.js';

export default defineRule<AllowedValueOptions>(
  {
    id: 'frontmatter-status',
    description: 'Require `status` to be one of the allowed statuses',
    defaultSeverity: 'error',
    fixable: true,
    defaults: {
      values: ['DRAFT', 'ACTIVE', 'DEPRECATED', 'ARCHIVED'],
      enforceSpelling: false,
      aliases: {},
    },
    schema: allowedValueSchema,
  },
  (tree, file, options) => {
    checkAllowedValue(file, getField(tree, file, 'status'), options);
  },
);
