// `npm run --silent token -- --sub alice --email alice@example.com --roles CSAM,AC` prints a
// bearer token, and only the token, signed with the hub's secret; `--help` explains the options.
import { tokenCli } from '../apps/hub-api/src/token-cli';

const result = tokenCli(process.argv.slice(2), process.env);
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
