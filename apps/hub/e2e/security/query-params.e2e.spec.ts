import { startedHub } from '../started-hub';

type Schema = Record<string, any>;

/** A value the parameter's schema refuses, or null when any text passes it. */
function outside(schema: Schema): string | null {
  if (schema.enum) return 'not-one-of-them';
  if (schema.type === 'integer') return String((schema.maximum ?? 1e9) + 1);
  if (schema.format === 'date') return '2026-02-30';
  if (schema.pattern)
    return ['~~', ' ', 'x'].find((value) => !new RegExp(schema.pattern).test(value)) ?? null;
  if (schema.maxLength) return 'x'.repeat(schema.maxLength + 1);
  return null;
}

/**
 * Query parameters are validated DTOs on every GET route (issue 18 item 10): each appears in the
 * OpenAPI document with a schema, and a value its schema refuses, or a parameter no schema
 * names, answers 400 `validation_failed` naming the field (never 200, never 500).
 */
describe('query parameters of every GET route', () => {
  const { hub } = startedHub();
  let document: Schema;
  let token: string;

  beforeAll(async () => {
    document = (await hub.call('GET', '/docs-json')).body;
    token = hub.token({
      sub: 'every-role',
      email: 'every-role@provider.example',
      roles: ['CSAM', 'AC', 'Auditor', 'Operator', 'Service'],
      orgKind: 'provider',
    });
  });

  const getRoutes = () =>
    Object.entries(document.paths as Record<string, Schema>)
      .filter(([path, item]) => item.get && path.startsWith('/v1/') && !path.endsWith('/stream'))
      .map(([path, item]) => ({ path, parameters: (item.get.parameters ?? []) as Schema[] }));

  /** The path with its parameters filled by valid values; the required query ones too. */
  function base(path: string, parameters: Schema[]): URLSearchParams & { path: string } {
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const schema = parameters.find((p) => p.name === name)?.schema ?? {};
      return encodeURIComponent(schema.enum?.[0] ?? 'x1');
    });
    const query = new URLSearchParams();
    for (const p of parameters.filter((p) => p.in === 'query' && p.required))
      query.set(p.name, p.name === 'asOf' ? '1' : p.name === 'q' ? 'ab' : 'x1');
    return Object.assign(query, { path: url });
  }

  async function refusedNaming(url: string, field: string) {
    const answer = await hub.call('GET', url, { token });
    expect({ url, status: answer.status, fields: Object.keys(answer.body.details ?? {}) }).toEqual({
      url,
      status: 400,
      fields: expect.arrayContaining([field]),
    });
  }

  it('documents each with a schema, and refuses a value outside it naming the field', async () => {
    let checked = 0;
    for (const { path, parameters } of getRoutes()) {
      for (const parameter of parameters.filter((p) => p.in === 'query')) {
        expect({ path, name: parameter.name, typed: !!parameter.schema?.type }).toEqual({
          path,
          name: parameter.name,
          typed: true,
        });
        const bad = outside(parameter.schema);
        if (bad === null) continue;
        const query = base(path, parameters);
        query.set(parameter.name, bad);
        await refusedNaming(`${query.path}?${query}`, parameter.name);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('refuses a parameter no schema names, naming it', async () => {
    const withQueries = getRoutes().filter(({ parameters }) =>
      parameters.some((p) => p.in === 'query'),
    );
    expect(withQueries.length).toBeGreaterThan(20);
    for (const { path, parameters } of withQueries) {
      const query = base(path, parameters);
      query.set('unheardOf', '1');
      await refusedNaming(`${query.path}?${query}`, 'unheardOf');
    }
  });
});
