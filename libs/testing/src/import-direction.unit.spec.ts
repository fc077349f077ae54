import { execFileSync } from 'node:child_process';
import { repositoryRoot } from './engines';

// The lint rule that keeps dependencies pointing one way (eslint.config.mjs, architecture.md
// "Layout"): each case lints one import as if it stood in the named file. ESLint loads its ESM
// config with a dynamic import, which jest's module system refuses, so a plain `node` child lints.
const LINT = `
const { ESLint } = require('eslint');
const cases = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
(async () => {
  const eslint = new ESLint();
  const out = [];
  for (const [file, source] of cases) {
    const [result] = await eslint.lintText(source + '\\nvoid imported;\\n', { filePath: file });
    out.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

function lint(cases: readonly (readonly [string, string])[]): string[][] {
  const output = execFileSync(process.execPath, ['-e', LINT], {
    cwd: repositoryRoot(),
    input: JSON.stringify(cases),
  });
  return JSON.parse(output.toString());
}

const importing = (from: string) => `import { imported } from '${from}';`;

const wrongWay: [string, string][] = [
  ['libs/domain/src/cases/x.ts', importing('@hub/application/application.module')],
  ['libs/read-store/src/x.ts', importing('@hub/projection/projection')],
  ['libs/application/src/x.ts', importing('@hub/projections/index')],
  ['libs/projection/src/x.ts', importing('../../../apps/hub-api/src/app.factory')],
  ['projections/cases/x.ts', importing('../../apps/hub/hub.module')],
  ['apps/projector/src/x.ts', importing('../../hub-api/src/hub-api.module')],
  ['apps/hub-api/src/x.ts', importing('../../ingest/src/ingest.module')],
];
const rightWay: [string, string][] = [
  ['apps/hub/hub.module.ts', importing('../hub-api/src/hub-api.module')],
  ['apps/hub-api/src/x.ts', importing('@hub/projections/index')],
  ['projections/cases/x.ts', importing('@hub/projection/projection')],
  ['libs/application/src/x.ts', importing('@hub/domain')],
];

describe('import direction (npm run lint)', () => {
  it('refuses every import that points the wrong way', () => {
    const refused = lint(wrongWay);
    wrongWay.forEach(([file], i) => {
      expect({ file, messages: refused[i] }).toEqual({
        file,
        messages: [expect.stringMatching(/one way|another app/)],
      });
    });
  });

  it('accepts imports that point the right way', () => {
    expect(lint(rightWay)).toEqual(rightWay.map(() => []));
  });
});
