// `npm run demo`: seeds a realistic dataset on a running hub (npm start) through its HTTP
// commands, then prints sign-in links for four kinds of user. Tokens are signed with the hub's
// secret (HUB_JWT_SECRET or the one in DATA_DIR) and live DEMO_TOKEN_HOURS hours (default 8).
import { mintToken } from '@hub/access';
import { loadConfig } from '@hub/runtime/config/hub-config';
import { seedDemo } from './demo/seed-demo';

async function main(): Promise<void> {
  const config = loadConfig();
  const base = process.env.HUB_URL ?? `http://${config.host}:${config.port}`;
  const hours = Number(process.env.DEMO_TOKEN_HOURS ?? 8);
  const lifetime = Math.max(60, Math.min(24 * 3600, Math.round(hours * 3600)));
  try {
    await fetch(`${base}/health`);
  } catch {
    console.error(`No hub answers at ${base}: start it with \`npm start\` first (or set HUB_URL).`);
    process.exit(1);
  }
  const started = Date.now();
  const seed = await seedDemo(base, (claims) => mintToken(claims, config.jwt.secret, lifetime));
  console.log(`Seeded the demo (agreement ${seed.agreementId}) in ${Date.now() - started} ms.\n`);
  const labels = {
    customerAdministrator: 'Customer Administrator',
    member: 'Member (no Customer Activity role)',
    partnerAgent: 'Partner agent (AdminAgent under GDAP)',
    auditor: 'Auditor (pick an "As of" day)',
  } as const;
  for (const [who, label] of Object.entries(labels) as [keyof typeof labels, string][]) {
    const token = mintToken(seed.people[who], config.jwt.secret, lifetime);
    console.log(`${label}, ${seed.people[who].name}:\n  ${base}/app/#token=${token}\n`);
  }
  console.log(`The links sign in for ${lifetime / 3600} hours; open one in a browser.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
