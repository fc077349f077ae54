// Lets a child `node` process load the repository's TypeScript (for the crash test):
// transpiles .ts files with @swc/core on require and resolves the @hub/* aliases.
const Module = require('node:module');
const { join } = require('node:path');
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

const root = join(__dirname, '..', '..', '..', '..');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const lib = /^@hub\/(domain|event-store|read-store|messaging|access|testing)(\/.*)?$/.exec(
    request,
  );
  const mapped = lib ? join(root, 'libs', lib[1], 'src', lib[2] ?? '') : request;
  return resolveFilename.call(this, mapped, ...rest);
};
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript', decorators: true }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
