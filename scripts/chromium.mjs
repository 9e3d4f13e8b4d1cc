/**
 * How this project starts headless Chromium, for the browser tests and the
 * page benchmark alike: Debian's build (installed by `.ci/run`) with the
 * flags it needs as root on a closed network.
 */

/** Debian's Chromium. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags Chromium needs as root (no sandbox) and without a network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
