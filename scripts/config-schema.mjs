// Write docs/journalkbrc.schema.json from the compiled rule registry.
import { writeFileSync } from 'node:fs';
import { createConfigSchema } from '../dist/src/config-schema.js';
import { rules } from '../dist/rules/index.js';

const target = new URL('../docs/journalkbrc.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(createConfigSchema(rules), null, 2)}\n`);
