/**
 * Headless Chromium for the page tests: Debian's `/usr/bin/chromium`
 * driven by playwright-core, with a fresh profile and the flags it needs
 * as root on a closed network. Records every request, console error and
 * page error, so a test can assert there were none.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

/** A running browser with its own profile folder. */
export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** What a page did that a test may check. */
export interface PageLog {
  requests: string[];
  problems: string[];
  dialogs: string[];
}

/** Start headless Chromium with a fresh profile. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'journal-kb-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Open a new tab that logs requests, console errors, page errors and dialogs. */
export async function openLoggedPage(browser: Browser): Promise<{ page: Page; log: PageLog }> {
  const page = await browser.context.newPage();
  const log: PageLog = { requests: [], problems: [], dialogs: [] };
  page.on('request', (request) => log.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      log.problems.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => log.problems.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    log.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { page, log };
}
