import { parseArgs } from 'node:util';
import { OrgKind, mintToken } from '@hub/access';
import { ConfigError, loadConfig } from '@hub/runtime/config/hub-config';

export const TOKEN_USAGE = `usage: npm run --silent token -- --sub <userId> [options]

Prints a bearer token signed with the hub's HS256 secret (HUB_JWT_SECRET, or the one the hub
generated in DATA_DIR), and nothing else, on standard output:

  TOKEN=$(npm run --silent token -- --sub alice --email alice@example.com --roles CSAM)

options:
  --sub <id>             the user id (required)
  --email <address>      the user's e-mail
  --name <text>          the user's display name
  --org <id>             the organisation id
  --org-kind <kind>      customer | partner | provider (default: provider for CSAM, AC, Auditor,
                         Operator, Service; partner for AdminAgent, PartnerAdmin; else customer)
  --roles <a,b>          token roles: CSAM, AC, Auditor, Operator, Service, AdminAgent, PartnerAdmin
  --account-type <type>  work | personal (default work)
  --expires-in <s>       lifetime in seconds, 1 to 86400 (default 3600)
  --help                 this text`;

const PROVIDER = ['CSAM', 'AC', 'Auditor', 'Operator', 'Service'];
const PARTNER = ['AdminAgent', 'PartnerAdmin'];

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function defaultOrgKind(roles: string[]): OrgKind {
  if (roles.some((role) => PROVIDER.includes(role))) return 'provider';
  if (roles.some((role) => PARTNER.includes(role))) return 'partner';
  return 'customer';
}

/** `npm run token`: the token alone on stdout, or usage (on `--help`, or to stderr on a mistake). */
export function tokenCli(argv: string[], env: Record<string, string | undefined>): CliResult {
  const refuse = (reason: string): CliResult => ({
    code: 2,
    stdout: '',
    stderr: `${reason}\n\n${TOKEN_USAGE}\n`,
  });
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        help: { type: 'boolean', short: 'h' },
        sub: { type: 'string' },
        email: { type: 'string' },
        name: { type: 'string' },
        org: { type: 'string' },
        'org-kind': { type: 'string' },
        roles: { type: 'string', default: '' },
        'account-type': { type: 'string', default: 'work' },
        'expires-in': { type: 'string', default: '3600' },
      },
    }).values;
  } catch (error) {
    return refuse((error as Error).message);
  }
  if (values.help) return { code: 0, stdout: `${TOKEN_USAGE}\n`, stderr: '' };
  if (typeof values.sub !== 'string' || values.sub === '') return refuse('--sub is required');
  const roles = String(values.roles)
    .split(',')
    .map((role) => role.trim())
    .filter(Boolean);
  const orgKind = (values['org-kind'] as string | undefined) ?? defaultOrgKind(roles);
  if (!['customer', 'partner', 'provider'].includes(orgKind))
    return refuse('--org-kind must be customer, partner or provider');
  const accountType = values['account-type'];
  if (accountType !== 'work' && accountType !== 'personal')
    return refuse('--account-type must be work or personal');
  const expiresIn = Number(values['expires-in']);
  if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > 86_400)
    return refuse('--expires-in must be 1 to 86400 seconds');
  let secret: string;
  try {
    secret = loadConfig(env).jwt.secret;
  } catch (error) {
    if (error instanceof ConfigError) return refuse(error.message);
    throw error;
  }
  const token = mintToken(
    {
      sub: values.sub,
      email: values.email as string | undefined,
      name: values.name as string | undefined,
      org: values.org as string | undefined,
      orgKind: orgKind as OrgKind,
      roles,
      accountType,
    },
    secret,
    expiresIn,
  );
  return { code: 0, stdout: `${token}\n`, stderr: '' };
}
