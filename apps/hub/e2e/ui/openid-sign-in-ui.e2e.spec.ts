import { BrowserContext } from 'playwright-core';
import { TestOpenIdProvider, freePort, signingKey } from '@hub/access/testing/openid-provider';
import { UiHub, expectNoSeriousViolations, tileFigures } from './ui-hub';

const AUDIENCE = 'https://hub.example/api';
const CLIENT_ID = 'hub-reporting-ui';

describe('the reporting UI signs people in through the OpenID provider the hub trusts', () => {
  let ui: UiHub;
  let provider: TestOpenIdProvider;
  let context: BrowserContext;

  beforeAll(async () => {
    const [providerPort, hubPort] = [await freePort(), await freePort()];
    const issuer = `http://127.0.0.1:${providerPort}`;
    // The hub fetches the provider's keys on first use, so the provider may start after it,
    // once the demo's people (its accounts) and the hub's address (the redirect URI) are known.
    ui = await UiHub.start({
      port: hubPort,
      env: {
        HUB_JWKS_URL: `${issuer}/jwks`,
        HUB_JWT_ISSUER: issuer,
        HUB_JWT_AUDIENCE: AUDIENCE,
        HUB_OIDC_CLIENT_ID: CLIENT_ID,
        HUB_OIDC_SCOPE: 'openid hub',
      },
    });
    const { sub, ...claims } = ui.seed.people.customerAdministrator;
    provider = await TestOpenIdProvider.start({
      port: providerPort,
      keys: [signingKey('ui-key')],
      audience: AUDIENCE,
      clients: {},
      browser: { clientId: CLIENT_ID, redirectUri: `${ui.base}/app/`, accounts: { [sub]: claims } },
    });
    context = await ui.browser.newContext({ locale: 'en-US', timezoneId: 'UTC' });
    // The provider's development login page imports a web font; nothing leaves the machine.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  }, 180_000);

  afterAll(async () => {
    await ui?.stop();
    await provider?.stop();
  });

  it('publishes the issuer and the public client id at GET /v1/sign-in, without a token', async () => {
    const answer = await fetch(`${ui.base}/v1/sign-in`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({
      openId: {
        issuer: provider.issuer,
        clientId: CLIENT_ID,
        audience: AUDIENCE,
        scope: 'openid hub',
      },
    });
  });

  it('signs in through the redirect (authorization code with PKCE) and lands on Customer Activity as that person', async () => {
    const page = await context.newPage();
    await page.goto(`${ui.base}/app/`);
    const button = page.getByRole('button', { name: 'Sign in with your organisation' });
    await button.waitFor();
    await expectNoSeriousViolations(page);
    await button.click();
    // The provider's own pages: its login form, then its consent.
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').fill(ui.seed.people.customerAdministrator.sub);
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.origin === ui.base);
    await page.locator('[data-testid="tile-proactive-hours"]').waitFor();
    // The code and state are gone from the address; the page is Customer Activity.
    expect(new URL(page.url()).search).toBe('');
    expect(new URL(page.url()).hash).toBe('#/activity');
    expect(await page.locator('header .who').innerText()).toContain('Camille Martin');
    const token = (await page.evaluate(() => sessionStorage.getItem('hub.token'))) as string;
    const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString());
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(header).toMatchObject({ alg: 'RS256', kid: 'ui-key' });
    expect(claims).toMatchObject({
      iss: provider.issuer,
      aud: AUDIENCE,
      sub: ui.seed.people.customerAdministrator.sub,
      org: ui.seed.orgId,
    });
    expect(await tileFigures(page, 'proactive-hours')).toEqual({
      consumed: '189',
      total: '200',
      remaining: '11',
    });
    // The hub answers this person's own workspaces to the provider's token.
    const workspaces = await fetch(`${ui.base}/v1/workspaces`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(workspaces.status).toBe(200);
    await page.close();
  });

  it('refuses an answer that was not for this tab (another state), and says so', async () => {
    const page = await context.newPage();
    await page.goto(`${ui.base}/app/?code=forged-code&state=not-this-tabs#/cases`);
    await page.getByRole('alert').filter({ hasText: 'not for this tab' }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    expect(await page.evaluate(() => sessionStorage.getItem('hub.token'))).toBeNull();
    await page.goto(`${ui.base}/app/?error=access_denied&error_description=The+user+said+no`);
    await page.getByRole('alert').filter({ hasText: 'The user said no' }).waitFor();
    await page.close();
  });
});
