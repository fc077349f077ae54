import { ApiError, HubApi, SignedOut, asOfInstant, queryString } from './api';
import { parseSse, relevant } from './live';

interface Seen {
  url: string;
  headers: Record<string, string>;
}

/** A fetch that answers from a table and remembers what it was asked (no network in a unit spec). */
function answering(table: Record<string, () => Response>, seen: Seen[]) {
  return async (url: string, init?: RequestInit) => {
    seen.push({ url, headers: init?.headers as Record<string, string> });
    const path = url.split('?')[0];
    return (
      table[path] ??
      (() =>
        new Response(JSON.stringify({ code: 'not_found', message: `Cannot GET ${path}` }), {
          status: 404,
        }))
    )();
  };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers });

describe('HubApi (the UI client of /v1)', () => {
  it('sends the bearer token and drops empty parameters from the query', async () => {
    const seen: Seen[] = [];
    const api = new HubApi('tok', answering({ '/v1/cases': () => json({ cases: [] }) }, seen));
    expect(
      await api.get('/v1/cases', {
        workspaceId: 'all',
        contractId: '',
        cursor: undefined,
        limit: 200,
      }),
    ).toEqual({ cases: [] });
    expect(seen[0].url).toBe('/v1/cases?workspaceId=all&limit=200');
    expect(seen[0].headers.authorization).toBe('Bearer tok');
    expect(queryString({ a: 'x y&z' })).toBe('?a=x+y%26z');
  });

  it("raises the hub's error code; 401 signs out", async () => {
    const api = new HubApi(
      'tok',
      answering(
        {
          '/v1/customer-activity': () =>
            json({ statusCode: 403, code: 'forbidden', message: 'no role' }, 403),
          '/v1/workspaces': () =>
            json({ statusCode: 401, code: 'unauthorized', message: 'expired' }, 401),
        },
        [],
      ),
    );
    const refused = api.get('/v1/customer-activity');
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    await expect(refused).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    await expect(api.get('/v1/workspaces')).rejects.toBeInstanceOf(SignedOut);
  });

  it('reads a past answer through /v1/audit/projections, never asking for the future', async () => {
    const seen: Seen[] = [];
    const api = new HubApi(
      'tok',
      answering(
        {
          '/v1/audit/projections/cases': () =>
            json({ projection: 'cases', answer: { cases: [1] } }),
        },
        seen,
      ),
    );
    const now = new Date('2026-09-27T10:00:00.000Z');
    expect(await api.asOf('cases', '2026-09-01', { workspaceId: 'all' }, now)).toEqual({
      cases: [1],
    });
    expect(seen[0].url).toBe(
      '/v1/audit/projections/cases?workspaceId=all&asOf=2026-09-01T23%3A59%3A59.999Z',
    );
    expect(asOfInstant('2026-09-27', now)).toBe('2026-09-27T10:00:00.000Z');
    expect(asOfInstant('2026-09-20T08:15:00.000Z', now)).toBe('2026-09-20T08:15:00.000Z');
  });

  it('answers a prefetched request once, from the request started early', async () => {
    const seen: Seen[] = [];
    let answers = 0;
    const api = new HubApi(
      'tok',
      answering({ '/v1/workspaces': () => json({ workspaces: [], answer: ++answers }) }, seen),
    );
    const early = api.prefetch('/v1/workspaces');
    expect(seen).toHaveLength(1);
    // The one who prefetched reads the answer too, and so does the page after it.
    expect(await early).toEqual({ workspaces: [], answer: 1 });
    expect(await api.get('/v1/workspaces')).toEqual({ workspaces: [], answer: 1 });
    expect(seen).toHaveLength(1);
    expect(await api.get('/v1/workspaces')).toEqual({ workspaces: [], answer: 2 });
    expect(seen).toHaveLength(2);
    // A prefetch that fails answers null to the one who asked; the page sees the error itself.
    expect(await api.prefetch('/v1/not-there')).toBeNull();
  });

  it('names a CSV export after the Content-Disposition the hub sends', async () => {
    const api = new HubApi(
      'tok',
      answering(
        {
          '/v1/customer-activity/exports/proactive.csv': () =>
            json('deliveredOn,consumptionId\r\n', 200, {
              'content-disposition':
                'attachment; filename="customer-activity-proactive-2026-09-27.csv"',
            }),
        },
        [],
      ),
    );
    expect(await api.csv('/v1/customer-activity/exports/proactive.csv')).toEqual({
      fileName: 'customer-activity-proactive-2026-09-27.csv',
      text: 'deliveredOn,consumptionId\r\n',
    });
  });
});

describe('parseSse (live updates)', () => {
  it('splits complete messages from the unfinished rest, ignoring comments', () => {
    const { messages, rest } = parseSse(
      ': keep-alive\n\nevent: read-model\ndata: {"projection":"customer-activity"}\n\nevent: notification\r\ndata: a\r\ndata: b\r\n\r\nevent: noti',
    );
    expect(messages).toEqual([
      { event: 'read-model', data: '{"projection":"customer-activity"}' },
      { event: 'notification', data: 'a\nb' },
    ]);
    expect(rest).toBe('event: noti');
  });
});

describe('relevant (which server-sent events refresh a page)', () => {
  const moved = (projection: string) => ({
    event: 'read-model',
    data: JSON.stringify({ projection, position: '42' }),
  });

  it('keeps the named events, and of read-model moves only the projections the page shows', () => {
    const activity = { events: ['read-model'], projections: ['customer-activity'] };
    expect(relevant(moved('customer-activity'), activity)).toBe(true);
    expect(relevant(moved('helpdesk'), activity)).toBe(false);
    expect(relevant({ event: 'notification', data: '{}' }, activity)).toBe(false);
    expect(relevant({ event: 'notification', data: '{}' }, { events: ['notification'] })).toBe(
      true,
    );
    expect(relevant(moved('helpdesk'), { events: ['read-model'] })).toBe(true);
  });
});
