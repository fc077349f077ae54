import { UiHub, eventually, expectNoSeriousViolations, tileFigure, tileFigures } from './ui-hub';

describe('the reporting UI in Chromium, on the demo dataset: live balances, cases, roles, audit', () => {
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
        deliveredOn: new Date().toISOString().slice(0, 10),
        reference: { kind: 'engagement', id: consumptionId },
      }),
    });
    expect(response.status).toBe(201);
  };

  beforeAll(async () => {
    ui = await UiHub.start();
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
    await deliver('live-1', 2);
    await eventually(async () => (await tileFigure(page, 'proactive-hours', 'remaining')) === '9');
    expect(await tileFigure(page, 'proactive-hours', 'consumed')).toBe('191');
    await page.close();
  });

  it("shows each case's response countdown, ticking, and a breach badge; readable at 390 px", async () => {
    const page = await ui.open('customerAdministrator', '/cases');
    const row = (caseId: string) => page.locator(`[data-testid="cases"] tr[data-case="${caseId}"]`);
    await row(ui.seed.cases.open).waitFor();
    const countdown = row(ui.seed.cases.open).getByTestId('countdown');
    const first = await countdown.innerText();
    expect(first).toMatch(/^1 h \d\d min \d\d s left$/);
    await eventually(async () => (await countdown.innerText()) !== first);
    expect(await row(ui.seed.cases.breached).innerText()).toContain('Target breached');
    expect(await row(ui.seed.cases.closed).innerText()).toContain('Answered in time');
    await expectNoSeriousViolations(page);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await page.close();
  });

  it("shows a partner agent its partner's filed cases, or says the hub does not list them", async () => {
    const page = await ui.open('partnerAgent', '/cases');
    const section = page.getByRole('region', { name: 'Cases filed by your partner' });
    await section.waitFor();
    await eventually(async () => {
      const text = await section.innerText();
      return text.includes('Virtual machines unreachable') || text.includes('does not list');
    });
    await expectNoSeriousViolations(page);
    await page.close();
  });

  it('tells a member without the Customer Activity role that there is nothing to show; Notifications says what it has', async () => {
    const page = await ui.open('member');
    await page.getByText('There is no Customer Activity you may see here').waitFor();
    expect(await page.locator('[data-testid^="tile-"]').count()).toBe(0);
    await expectNoSeriousViolations(page);
    await page.getByRole('link', { name: 'Notifications' }).click();
    // Without GET /v1/notifications on this hub the page says so; with it, the member's list.
    await eventually(async () => {
      const text = await page.locator('main').innerText();
      return /does not offer notifications|no notifications|\d{4}/.test(
        text.replace('Notifications', ''),
      );
    });
    await expectNoSeriousViolations(page);
    await page.close();
  });

  it('lets an auditor see Customer Activity as it stood at a past moment, then the live record again', async () => {
    await deliver('after-the-moment', 1);
    const page = await ui.open('auditor');
    await page.locator('[data-testid="tile-proactive-hours"]').waitFor();
    const live = await tileFigure(page, 'proactive-hours', 'consumed');
    expect(Number(live)).toBeGreaterThan(189);
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
    await page.locator(`[data-testid="cases"] tr[data-case="${ui.seed.cases.breached}"]`).waitFor();
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
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(
        () => (document.activeElement as HTMLSelectElement | null)?.labels?.[0]?.textContent,
      ),
    ).toMatch(/^Workspace/);
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(
        () => (document.activeElement as HTMLSelectElement | null)?.labels?.[0]?.textContent,
      ),
    ).toMatch(/^Contract/);
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
});
