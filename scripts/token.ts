// `npm run token -- --sub alice --email alice@example.com --roles CSAM,AC [--org o1 --org-kind provider]`
// prints a bearer token signed with the hub's secret (HUB_JWT_SECRET or the one in DATA_DIR).
import { parseArgs } from 'node:util';
import { OrgKind, mintToken } from '@hub/access';
import { loadConfig } from '@hub/runtime/config/hub-config';

const { values } = parseArgs({
  options: {
    sub: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
    org: { type: 'string' },
    'org-kind': { type: 'string' },
    roles: { type: 'string', default: '' },
    'account-type': { type: 'string', default: 'work' },
    'expires-in': { type: 'string', default: '3600' },
  },
});
if (!values.sub) {
  console.error(
    'usage: npm run token -- --sub <userId> [--email e] [--name n] [--org id] [--org-kind customer|partner|provider] [--roles CSAM,AC,...] [--account-type work|personal] [--expires-in seconds]',
  );
  process.exit(2);
}
const config = loadConfig();
const token = mintToken(
  {
    sub: values.sub,
    email: values.email,
    name: values.name,
    org: values.org,
    orgKind: values['org-kind'] as OrgKind | undefined,
    roles: values.roles ? values.roles.split(',').map((r) => r.trim()) : [],
    accountType: values['account-type'] === 'personal' ? 'personal' : 'work',
  },
  config.jwt.secret,
  Number(values['expires-in']),
);
console.log(token);
