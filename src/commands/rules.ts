/**
 * `journal-kb rules`: list every rule with its default severity, whether it
 * fixes, what it asks for and where its docs are.
 */
import { parseCommandArgs } from '../args.js';
import type { MainContext } from '../io.js';
import { docsUrl } from '../rule.js';
import { rules } from '../../rules/index.js';

/** Run `journal-kb rules`. */
export async function rulesCommand(context: MainContext, args: string[]): Promise<number> {
  const { values } = parseCommandArgs('rules', args, { json: { type: 'boolean' } });
  if (values.help) {
    context.stdout.write('Usage: journal-kb rules [--json]\n\nList the rules with their ids, default severity and docs.\n');
    return 0;
  }
  const metas = rules.map((rule) => rule.meta);
  if (values.json) {
    const rows = metas.map((meta) => ({ ...meta, url: docsUrl(meta.id) }));
    context.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...metas.map((meta) => meta.id.length));
  for (const meta of metas) {
    const fix = meta.fixable ? 'fix' : '   ';
    const line = `${meta.id.padEnd(width)}  ${meta.defaultSeverity.padEnd(5)}  ${fix}  ${meta.description}`;
    context.stdout.write(`${line}\n  ${docsUrl(meta.id)}\n`);
  }
  return 0;
}
