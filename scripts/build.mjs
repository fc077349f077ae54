// Fast build: swc transpiles every non-spec TypeScript source to dist/ (about a second),
// rewriting the @hub/* path aliases (tsconfig.json's paths) to relative requires. Type checking is `npm run typecheck`.
import { transformFile } from '@swc/core';
import { createRequire } from 'node:module';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const sourceDirs = ['apps', 'libs', 'projections', 'scripts', 'bench'];
const { paths } = createRequire(import.meta.url)('./path-aliases.cjs');

async function* sources(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      // apps/web is the browser UI, built by Vite (scripts/build-web.mjs), not for Node.
      if (path !== join(root, 'apps', 'web')) yield* sources(path);
    } else if (
      entry.name.endsWith('.ts') &&
      !entry.name.endsWith('.spec.ts') &&
      !entry.name.endsWith('.d.ts')
    )
      yield path;
  }
}

const started = Date.now();
let count = 0;
for (const dir of sourceDirs) {
  for await (const file of sources(join(root, dir))) {
    const out = join(root, 'dist', relative(root, file)).replace(/\.ts$/, '.js');
    const { code, map } = await transformFile(file, {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
        baseUrl: root,
        paths,
      },
      module: { type: 'commonjs' },
      sourceMaps: true,
    });
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, `${code}\n//# sourceMappingURL=${out.split('/').pop()}.map\n`);
    if (map) await writeFile(`${out}.map`, map);
    count += 1;
  }
}
console.log(`built ${count} files into dist/ in ${Date.now() - started} ms`);
