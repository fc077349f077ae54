// The browser kit of the UI's e2e specs: Debian's Chromium driven by playwright-core (never a
// downloaded browser), the hub listening on a random loopback port, axe-core injected into pages.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Browser, Page, chromium } from 'playwright-core';

export const REPO = resolve(__dirname, '../../../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Builds apps/web into dist/web unless the stamped source hash says it is current. */
export function buildWeb(): void {
  const built = spawnSync(process.execPath, [join(REPO, 'scripts/build-web.mjs')], {
    cwd: REPO,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`build-web failed: ${built.stderr}`);
}

export function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium), as .ci/run does, or set CHROMIUM_PATH`,
    );
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/**
 * The built JavaScript, gzipped, in bytes: all of it, and what the page loads before its first
 * render (the entry index.html names; the charts load after).
 */
export function gzippedJs(): { total: number; initial: number } {
  const web = join(REPO, 'dist/web');
  const size = (file: string) => gzipSync(readFileSync(join(web, file)), { level: 9 }).length;
  const scripts = readdirSync(join(web, 'assets')).filter((file) => file.endsWith('.js'));
  const html = readFileSync(join(web, 'index.html'), 'utf8');
  const entries = scripts.filter((file) => html.includes(`/app/assets/${file}`));
  const sum = (files: string[]) => files.reduce((total, file) => total + size(`assets/${file}`), 0);
  return { total: sum(scripts), initial: sum(entries) };
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core's critical and serious violations on the page as it is now (WCAG 2.x A and AA). */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<any> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    });
    return result.violations
      .filter((v: any) => v.impact === 'critical' || v.impact === 'serious')
      .map((v: any) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n: any) => String(n.target)),
      }));
  });
}
