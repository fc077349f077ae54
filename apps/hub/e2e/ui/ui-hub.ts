import { AddressInfo } from 'node:net';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { eventually as kitEventually } from '@hub/testing';
import { FakeClock } from '@hub/testing/fake-clock';
import { TestHub } from '../test-hub';
import { DemoSeed, seedDemo } from '../../../../scripts/demo/seed-demo';
import { buildWeb, launch, seriousViolations } from './browser';

export type Person = keyof DemoSeed['people'];

/** The suite's one way to wait, with a longer default: the page updates on its own schedule. */
export const eventually = <T>(probe: () => Promise<T | undefined | false>, ms = 15_000) =>
  kitEventually(probe, ms, 'the page');

/**
 * The hub on a random loopback port with the demo dataset seeded through its HTTP API, the UI
 * built, and Chromium with an English (UTC) context at 1366 px.
 */
export class UiHub {
  private readonly tokens = new Map<string, string>();

  private constructor(
    readonly hub: TestHub,
    readonly base: string,
    readonly seed: DemoSeed,
    /** A whole second after the demo finished seeding (an auditor's past moment). */
    readonly seededBy: Date,
    readonly browser: Browser,
    readonly english: BrowserContext,
  ) {}

  /**
   * `env`: the hub's extra configuration (an OpenID provider); `port`: where it listens (a
   * provider's redirect URI names it before the hub starts; default a free one); `clock`: a
   * fake the spec moves (default the system's, set back only while the breached case opens).
   */
  static async start(
    options: { env?: Record<string, string>; port?: number; clock?: FakeClock } = {},
  ): Promise<UiHub> {
    buildWeb();
    const { clock } = options;
    const hub = await TestHub.start(
      clock ? { SCHEDULE_TICK_MS: '50', ...options.env } : options.env,
      { clock },
    );
    await hub.app.listen(options.port ?? 0, '127.0.0.1');
    const base = `http://127.0.0.1:${(hub.app.getHttpServer().address() as AddressInfo).port}`;
    // The hub's clock is set back while the breached case is opened, so its target has passed.
    const start = clock?.now() ?? new Date();
    const seed = await seedDemo(
      base,
      (claims) => hub.token(claims as any, 600),
      start,
      clock ? (at) => clock.set(at ?? start) : (at) => hub.setNow(at),
      clock && (() => clock.now()),
    );
    const seededBy = new Date(Math.ceil((Date.now() + 1) / 1000) * 1000);
    const browser = await launch();
    const english = await browser.newContext({
      locale: 'en-US',
      timezoneId: 'UTC',
      viewport: { width: 1366, height: 900 },
      acceptDownloads: true,
    });
    return new UiHub(hub, base, seed, seededBy, browser, english);
  }

  /** One token per person for the whole spec (what a sign-in link carries). */
  token(who: Person): string {
    if (!this.tokens.has(who))
      this.tokens.set(who, this.hub.token(this.seed.people[who] as any, 3600));
    return this.tokens.get(who) as string;
  }

  /** The sign-in link of `who`, on a page route (`/cases`) or Customer Activity. */
  link(who: Person, route = ''): string {
    return `${this.base}/app/#${route ? `${route}&` : ''}token=${this.token(who)}`;
  }

  /** Opens the sign-in link of `who` in a new page. */
  async open(who: Person, route = '', context = this.english): Promise<Page> {
    const page = await context.newPage();
    await page.goto(this.link(who, route));
    return page;
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.hub?.stop();
  }
}

export const tileFigure = (page: Page, key: string, figure: string) =>
  page.locator(`[data-testid="tile-${key}"] [data-figure="${figure}"]`).innerText();

export async function tileFigures(page: Page, key: string) {
  return {
    consumed: await tileFigure(page, key, 'consumed'),
    total: await tileFigure(page, key, 'total'),
    remaining: await tileFigure(page, key, 'remaining'),
  };
}

export async function expectNoSeriousViolations(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}
