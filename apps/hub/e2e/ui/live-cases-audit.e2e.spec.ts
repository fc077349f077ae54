import { Page } from 'playwright-core';
import { FakeClock } from '@hub/testing/fake-clock';
import { fireDue } from '../time/time.fixtures';
import { UiHub, eventually, expectNoSeriousViolations, tileFigure, tileFigures } from './ui-hub';

const HOUR = 3_600_000;

describe('the reporting UI in Chromium, on the demo dataset: live balances, cases, roles, audit', () => {
  // The hub's clock: the real time when the spec starts, then only where the spec moves it.
  const clock = new FakeClock(new Date());
  const start = clock.now().getTime();
  let ui: UiHub;
  let service: string;

  const deliver = async (consumptionId: string, quantity: number) => {
    const response = await fetch(`${ui.base}/v1/consumption`, {
      method: 'POST',
      headers: { authorization: `Bearer ${service}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        consumptionId,
        contractId: ui.seed.contracts.main,
        workspaceId: ui.seed.workspaces.main,
        entitlementId: 'proactive-hours',
        quantity,
        deliveredOn: clock.now().toISOString().slice(0, 10),
        reference: { kind: 'engagement', id: consumptionId },
      }),
    });
    expect(response.status).toBe(201);
  };
  const caseRow = (page: Page, caseId: string, table = 'cases') =>
    page.locator(`[data-testid="${table}"] tr[data-case="${caseId}"]`);

  beforeAll(async () => {
    ui = await UiHub.start({ clock });
    service = ui.hub.token({ sub: 'delivery', roles: ['Service'], orgKind: 'provider' });
    // What follows is recorded after the instant an auditor looks back to.
    await eventually(async () => Date.now() > ui.seededBy.getTime() + 20, 3000);
  }, 180_000);

  afterAll(() => ui?.stop());

  it('shows a balance change live when consumption arrives, without a reload', async () => {
    const page = await ui.open('customerAdministrator');
    await page.locator('[data-testid="tile-proactive-hours"]').waitFor();
    expect(await tileFigures(page, 'proactive-hours')).toEqual({
      consumed: '189',
      total: '200',
      remaining: '11',
    });
    await page.evaluate(() => ((window as any).sameDocument = true));
    await deliver('live-1', 2);
    await eventually(async () => (await tileFigure(page, 'proactive-hours', 'remaining')) === '9');
    expect(await tileFigure(page, 'proactive-hours', 'consumed')).toBe('191');
    expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);
    await page.close();
  });

  it('shows a partner agent the cases its partner filed for the customer (GET /v1/partners/{id}/cases)', async () => {
    const page = await ui.open('partnerAgent', '/cases');
    const row = caseRow(page, ui.seed.cases.partner, 'filed-cases');
    await row.waitFor();
    expect(await row.innerText()).toContain('Virtual machines unreachable after maintenance');
    expect(
      await page.getByRole('region', { name: 'Cases filed by your partner' }).innerText(),
    ).not.toContain('does not list');
    await expectNoSeriousViolations(page);
    await page.close();
  });

  it('tells a member without the Customer Activity role that there is nothing to show; Notifications lists their own', async () => {
    const page = await ui.open('member');
    await page.getByText('There is no Customer Activity you may see here').waitFor();
    expect(await page.locator('[data-testid^="tile-"]').count()).toBe(0);
    await expectNoSeriousViolations(page);
    await page.getByRole('link', { name: 'Notifications' }).click();
    // The member was invited by e-mail: that invitation is theirs to read.
    const list = page.locator('ul.notifications');
    await list.waitFor();
    expect(await list.innerText()).toContain('invitation');
    await expectNoSeriousViolations(page);
    await page.close();
  });

  it('lets an auditor see Customer Activity as it stood on a past day and at a past moment, then the live record again', async () => {
    await deliver('after-the-moment', 1);
    const page = await ui.open('auditor');
    await page.locator('[data-testid="tile-proactive-hours"]').waitFor();
    const live = await tileFigure(page, 'proactive-hours', 'consumed');
    expect(Number(live)).toBeGreaterThan(189);
    // The day before the demo was recorded: nothing of it stood yet.
    const yesterday = new Date(Date.now() - 24 * HOUR).toISOString().slice(0, 10);
    await page.getByLabel('As of').fill(`${yesterday}T23:59:59`);
    await page.getByText('There is no Customer Activity you may see here').waitFor();
    expect(await page.locator('[data-testid^="tile-"]').count()).toBe(0);
    await page.getByLabel('As of').fill(ui.seededBy.toISOString().slice(0, 19));
    await page
      .getByRole('status')
      .filter({ hasText: 'Showing the record as it stood on' })
      .waitFor();
    await eventually(async () => (await tileFigure(page, 'proactive-hours', 'consumed')) === '189');
    expect(await tileFigures(page, 'proactive-hours')).toEqual({
      consumed: '189',
      total: '200',
      remaining: '11',
    });
    await expectNoSeriousViolations(page);
    await page.getByRole('link', { name: 'Cases' }).click();
    await caseRow(page, ui.seed.cases.breached).waitFor();
    await expectNoSeriousViolations(page);
    await page.getByLabel('As of').fill('');
    await page.getByRole('link', { name: 'Customer Activity' }).click();
    await eventually(async () => (await tileFigure(page, 'proactive-hours', 'consumed')) === live);
    await page.close();
  });

  it('is keyboard navigable: skip link first, then the page, its filters labelled', async () => {
    const page = await ui.open('customerAdministrator');
    await page.locator('[data-testid="tile-proactive-hours"]').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    const label = () =>
      page.evaluate(
        () => (document.activeElement as HTMLSelectElement | null)?.labels?.[0]?.textContent,
      );
    await page.keyboard.press('Tab');
    expect(await label()).toMatch(/^Workspace/);
    await page.keyboard.press('Tab');
    expect(await label()).toMatch(/^Contract/);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Details for Proactive (hours)',
    );
    await page.keyboard.press('Enter');
    expect(
      await page
        .getByRole('button', { name: 'Details for Proactive (hours)' })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    await page.close();
  });

  // Last: it moves the hub's clock past the open case's target.
  it("counts a case's response time down by the hub's clock and shows the breach when the hub's clock passes the target; the warning arrives live over SSE", async () => {
    const cases = await ui.open('customerAdministrator', '/cases');
    const open = caseRow(cases, ui.seed.cases.open);
    await open.waitFor();
    // Severity A: 2 hours around the clock, from the hub's (still) clock.
    const countdown = open.getByTestId('countdown');
    expect(await countdown.innerText()).toMatch(/^(2 h 00 min 00 s|1 h 59 min \d\d s) left$/);
    await eventually(async () => (await countdown.innerText()).startsWith('1 h 59 min'));
    expect(await caseRow(cases, ui.seed.cases.breached).innerText()).toContain('Target breached');
    expect(await caseRow(cases, ui.seed.cases.closed).innerText()).toContain('Answered in time');

    const notes = await ui.english.newPage();
    const stream = notes.waitForResponse((r) => r.url().endsWith('/v1/notifications/stream'));
    await notes.goto(ui.link('customerAdministrator', '/notifications'));
    expect((await stream).headers()['content-type']).toMatch(/^text\/event-stream/);
    const list = notes.locator('ul.notifications');
    await list.waitFor();
    const warning = `Case ${ui.seed.cases.open}: 50% of the response target has elapsed`;
    expect(await list.innerText()).not.toContain(warning);
    await notes.evaluate(() => ((window as any).sameDocument = true));

    clock.set(new Date(start + HOUR));
    await fireDue(ui.hub);
    await notes.getByText(warning).waitFor();
    expect(await notes.evaluate(() => (window as any).sameDocument)).toBe(true);
    // The Cases page asked the hub again: an hour left now, by the hub's clock.
    await eventually(async () =>
      /^(1 h 00 min 00 s|59 min \d\d s) left$/.test(await countdown.innerText()),
    );
    await expectNoSeriousViolations(notes);

    clock.set(new Date(start + 2 * HOUR));
    await fireDue(ui.hub);
    await eventually(async () => (await open.innerText()).includes('Target breached'));
    expect(await open.getByTestId('countdown').count()).toBe(0);
    await notes.getByText(`Case ${ui.seed.cases.open} breached its response target`).waitFor();
    await expectNoSeriousViolations(cases);
    await cases.close();
    await notes.close();
  });
});
