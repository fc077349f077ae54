import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { TestHub } from '@hub/api/testing/test-hub';
import { DemoSeed, seedDemo } from '../../../scripts/demo/seed-demo';
import { REPO, buildWeb, gzippedJsBytes, launch, seriousViolations } from './testing/browser';

/** Polls a condition with a deadline (the page updates on its own schedule). */
async function eventually<T>(probe: () => Promise<T | undefined | false>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the reporting UI in Chromium, on the demo dataset', () => {
  let hub: TestHub;
  let base: string;
  let seed: DemoSeed;
  let browser: Browser;
  let english: BrowserContext;
  /** A second after the demo finished seeding: what an auditor's past moment looks back to. */
  let seededBy: Date;

  const tokens = new Map<string, string>();
  /** One token per person for the whole spec (what a sign-in link carries). */
  const token = (who: keyof DemoSeed['people']) => {
    if (!tokens.has(who)) tokens.set(who, hub.token(seed.people[who] as any, 3600));
    return tokens.get(who) as string;
  };
  const open = async (who: keyof DemoSeed['people'], route = '', context = english): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(`${base}/app/#${route ? `${route}&` : ''}token=${token(who)}`);
    return page;
  };
  const tile = (page: Page, key: string, figure: string) =>
    page.locator(`[data-testid="tile-${key}"] [data-figure="${figure}"]`).innerText();
  const figures = async (page: Page, key: string) => ({
    consumed: await tile(page, key, 'consumed'),
    total: await tile(page, key, 'total'),
    remaining: await tile(page, key, 'remaining'),
  });
  const noSeriousViolations = async (page: Page) => expect(await seriousViolations(page)).toEqual([]);

  beforeAll(async () => {
    buildWeb();
    hub = await TestHub.start();
    await hub.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${hub.app.getHttpServer().address().port}`;
    seed = await seedDemo(base, (claims) => hub.token(claims as any, 600));
    seededBy = new Date(Math.ceil((Date.now() + 1) / 1000) * 1000);
    browser = await launch();
    english = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('serves the UI at /app/ and sends / there; the built JavaScript stays under 300 KB gzipped', async () => {
    const root = await fetch(`${base}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/app/');
    const bytes = gzippedJsBytes();
    console.log(`web UI JavaScript: ${(bytes / 1024).toFixed(1)} KB gzipped`);
    expect(bytes).toBeLessThanOrEqual(300 * 1024);
  });

  it("signs in through the fragment, clears it, and shows the agreement's tiles with their exact figures within 1 s", async () => {
    const page = await open('customerAdministrator');
    await page.locator('[data-testid="tile-proactive-hours"]').waitFor();
    expect(new URL(page.url()).hash).toBe('#/activity');
    expect(await page.evaluate(() => sessionStorage.getItem('hub.token'))).toBe(token('customerAdministrator'));
    const firstRender = await page.evaluate(() => performance.getEntriesByName('activity-rendered')[0]?.startTime);
    console.log(`Customer Activity first render on the demo dataset: ${Math.round(firstRender)} ms after navigation start`);
    expect(firstRender).toBeLessThanOrEqual(1000);
    expect(await page.getByLabel('Workspace').inputValue()).toBe(seed.workspaces.main);
    expect(await figures(page, 'proactive-hours')).toEqual({ consumed: '189', total: '200', remaining: '11' });
    expect(await figures(page, 'reactive-hours')).toEqual({ consumed: '138', total: '120', remaining: '0' });
    expect(await tile(page, 'reactive-hours', 'overage')).toBe('18');
    expect(await figures(page, 'advisory-hours')).toEqual({ consumed: '54', total: '80', remaining: '26' });
    expect(await figures(page, 'education-seats')).toEqual({ consumed: '11', total: '25', remaining: '14' });
    const active = page.locator(`[data-testid="package-${seed.packages.active}"]`);
    expect(await active.innerText()).toContain('15 used of 20 credits, 5 remaining');
    expect(await page.locator(`[data-testid="package-${seed.packages.expired}"]`).innerText()).toContain('inactive');
    await page.getByLabel('State').selectOption('active');
    await eventually(async () => (await page.locator('[data-testid^="package-"]').count()) === 1);
    await page.locator(`[data-testid="burndown-${seed.contracts.main}-proactive-hours"] canvas`).waitFor();
    await noSeriousViolations(page);
    const shot = process.env.UPDATE_SCREENSHOT ? join(REPO, 'apps/web/screenshot.png') : join(REPO, 'dist/web-screenshot.png');
    await page.getByLabel('State').selectOption('');
    await eventually(async () => (await page.locator('[data-testid^="package-"]').count()) === 2);
    await page.screenshot({ path: shot, fullPage: true });
    await page.close();
  });

  it('opens a drill-down with its full grid and exports it as CSV', async () => {
    const page = await open('customerAdministrator');
    await page.getByRole('button', { name: 'Details for Reactive (hours)' }).click();
    await page.getByRole('button', { name: 'Open the drill-down of Reactive' }).click();
    const rows = page.locator('[data-testid="drilldown-records"] tbody tr');
    await eventually(async () => (await rows.count()) === 24);
    expect(await page.locator('[data-testid="drilldown-records"] tr.reversed').count()).toBe(1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export Reactive as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^customer-activity-reactive-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe('deliveredOn,consumptionId,contractId,entitlementId,service,quantity,unit,referenceKind,referenceId,workspaceId,source,reversed');
    expect(csv).toHaveLength(25);
    await noSeriousViolations(page);
    await page.close();
  });

  it('switches to "All workspaces" and adds the Europe contract; in French the figures read the French way', async () => {
    const page = await open('customerAdministrator');
    await page.locator('[data-testid="tile-proactive-hours"]').waitFor();
    await page.getByLabel('Workspace').selectOption({ label: 'All workspaces' });
    await page.locator('[data-testid="tile-proactive-credits"]').waitFor();
    expect(await figures(page, 'proactive-credits')).toEqual({ consumed: '19.5', total: '40', remaining: '20.5' });
    expect(await figures(page, 'reactive-hours')).toEqual({ consumed: '178', total: '180', remaining: '20' });
    await page.close();
    const french = await browser.newContext({ locale: 'fr-FR', timezoneId: 'UTC', viewport: { width: 390, height: 844 } });
    const small = await open('customerAdministrator', '', french);
    await small.locator('[data-testid="tile-proactive-hours"]').waitFor();
    await small.getByLabel('Workspace').selectOption('all');
    await small.locator('[data-testid="tile-proactive-credits"]').waitFor();
    expect(await tile(small, 'proactive-credits', 'consumed')).toBe('19,5');
    const width = await small.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await noSeriousViolations(small);
    await french.close();
  });
});
