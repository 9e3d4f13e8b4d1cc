#!/usr/bin/env node
// Thin bin: run main() and hand its exit code to Node without process.exit,
// so pending writes to stdout and stderr flush.
import { main } from '../dist/src/cli.js';

process.exitCode = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
});
