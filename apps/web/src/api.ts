// The UI's one way to the hub: the same /v1 API any client uses, with the caller's token.

export type Params = Record<string, string | number | undefined | null>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Raised on 401: the token expired or was refused; the page goes back to sign-in. */
export class SignedOut extends ApiError {}

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export function queryString(params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * The instant an auditor's "as of" choice stands for: a day means its end (UTC), an instant
 * itself; never later than now (the hub reads no future).
 */
export function asOfInstant(asOf: string, now: Date): string {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(asOf)
    ? Date.parse(`${asOf}T23:59:59.999Z`)
    : Date.parse(asOf);
  return new Date(Math.min(at, now.getTime())).toISOString();
}

/** Requests started before the page rendered, each taken once by the first matching call. */
const early = new Map<string, Promise<Response>>();

export class HubApi {
  constructor(
    private readonly token: string,
    private readonly fetchFn: FetchLike = (url, init) => fetch(url, init),
    private readonly base = '',
  ) {}

  /**
   * Starts a GET now (before React has rendered anything) for the page to take when it asks:
   * the first render then waits for one request less.
   */
  prefetch<T>(path: string, params?: Params): Promise<T | null> {
    const url = `${this.base}${path}${queryString(params)}`;
    const started = this.fetchFn(url, {
      headers: { authorization: `Bearer ${this.token}`, accept: 'application/json' },
    });
    early.set(`${this.token} ${url}`, started);
    // The answer's body for the caller too (a copy: the page reads the original), so the next
    // request can start from it; null when it failed (the page reports that itself).
    return started
      .then((response) => (response.ok ? (response.clone().json() as Promise<T>) : null))
      .catch(() => null);
  }

  private async request(path: string, params?: Params, accept = 'application/json') {
    const url = `${this.base}${path}${queryString(params)}`;
    const key = `${this.token} ${url}`;
    const prefetched = accept === 'application/json' ? early.get(key) : undefined;
    early.delete(key);
    const response = await (prefetched ??
      this.fetchFn(url, { headers: { authorization: `Bearer ${this.token}`, accept } }));
    if (response.ok) return response;
    let code = 'http_error';
    let message = `${response.status}`;
    try {
      const body = (await response.json()) as { code?: string; message?: string };
      code = body.code ?? code;
      message = body.message ?? message;
    } catch {
      // Not the hub's error body (a proxy, a network page): keep the status.
    }
    if (response.status === 401) throw new SignedOut(401, code, message);
    throw new ApiError(response.status, code, message);
  }

  async get<T>(path: string, params?: Params): Promise<T> {
    return (await (await this.request(path, params)).json()) as T;
  }

  /** A read model's answer as it stood then (auditors): `asOf` is a day or an instant. */
  async asOf<T>(projection: string, asOf: string, params: Params, now: Date): Promise<T> {
    const answer = await this.get<{ answer: T }>(`/v1/audit/projections/${projection}`, {
      ...params,
      asOf: asOfInstant(asOf, now),
    });
    return answer.answer;
  }

  /** A CSV export as text with its file name (the hub names it in Content-Disposition). */
  async csv(path: string, params?: Params): Promise<{ fileName: string; text: string }> {
    const response = await this.request(path, params, 'text/csv');
    const disposition = response.headers.get('content-disposition') ?? '';
    const fileName =
      /filename="([^"]+)"/.exec(disposition)?.[1] ?? path.split('/').pop() ?? 'export.csv';
    return { fileName, text: await response.text() };
  }

  /** The raw streaming response of an SSE route (fetch, because EventSource sends no header). */
  async stream(path: string, signal: AbortSignal): Promise<Response> {
    const response = await this.fetchFn(`${this.base}${path}`, {
      headers: { authorization: `Bearer ${this.token}`, accept: 'text/event-stream' },
      signal,
    });
    if (response.status === 401) throw new SignedOut(401, 'unauthorized', 'signed out');
    return response;
  }
}
