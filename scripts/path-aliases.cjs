// The one list of @hub/* path aliases is tsconfig.json's `paths`; jest, the swc build and the
// TypeScript require hook for child processes all read it from there through this file.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
/** tsconfig.json's `compilerOptions.paths`: `@hub/x` and `@hub/x/*` → a folder of the repository. */
const paths = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')).compilerOptions.paths;

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** jest's moduleNameMapper for the same aliases. */
function jestModuleNameMapper() {
  const mapper = {};
  for (const [alias, [target]] of Object.entries(paths)) {
    const pattern = `^${escape(alias).replace('\\*', '(.*)')}$`;
    mapper[pattern] = `<rootDir>/${target.replace('*', '$1')}`;
  }
  return mapper;
}

/** The absolute path an aliased request names, or null when it is not one of ours. */
function resolveAlias(request) {
  for (const [alias, [target]] of Object.entries(paths)) {
    if (alias.endsWith('/*')) {
      const prefix = alias.slice(0, -1);
      if (request.startsWith(prefix))
        return join(root, target.slice(0, -1) + request.slice(prefix.length));
    } else if (request === alias) return join(root, target);
  }
  return null;
}

module.exports = { root, paths, jestModuleNameMapper, resolveAlias };
