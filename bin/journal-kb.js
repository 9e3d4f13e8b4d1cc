#!/usr/bin/env node
// Thin bin: run main() and hand its exit code to Node without process.exit,
// so pending writes to stdout and stderr flush. It runs the esbuild bundle
// (fewer files to load, a faster start) unless the bundle is missing or
// older than the compiled sources, as after a bare `tsc`.
import { statSync } from 'node:fs';

/** The bundle when it is current, else the compiled sources. */
function entry() {
  const bundle = new URL('../dist/bundle/cli.js', import.meta.url);
  const compiled = new URL('../dist/src/cli.js', import.meta.url);
  let built;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    return compiled.href;
  }
  try {
    return built >= statSync(compiled).mtimeMs ? bundle.href : compiled.href;
  } catch {
    return bundle.href;
  }
}

// A reader that stops early (`journal-kb rules | head -1`) closes the pipe;
// that ends the output, it is not an error worth a stack trace. Any other
// failure to write (a full disk, `> /dev/full`) is said in one line and
// exits 2: the output is incomplete.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') return;
    const name = stream === process.stdout ? 'standard output' : 'standard error';
    if (stream !== process.stderr) {
      process.stderr.write(`journal-kb: Cannot write to ${name}: ${error.code ?? error.message}\n`);
    }
    process.exit(2);
  });
}

const { main } = await import(entry());

process.exitCode = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
});
