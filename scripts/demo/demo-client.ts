// The demo talks to a running hub only through its HTTP API, as any client would.

/** Command answers: ids and the position, all strings. */
export type Body = Record<string, string>;

export class DemoClient {
  constructor(private readonly base: string) {}

  async call<T = Body>(method: string, path: string, token: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    const parsed = (text ? JSON.parse(text) : {}) as T;
    if (!response.ok) {
      throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    }
    return parsed;
  }

  post(path: string, token: string, body?: unknown): Promise<Body> {
    return this.call('POST', path, token, body ?? {});
  }

  get<T>(path: string, token: string): Promise<T> {
    return this.call<T>('GET', path, token);
  }

  /** Asks until `probe` answers something, for what the hub does after a command (follow-ups). */
  async until<T>(probe: () => Promise<T | undefined>, what: string, ms = 15_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`the hub did not get there in time: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
