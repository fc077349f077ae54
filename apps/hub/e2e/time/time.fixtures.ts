import { request } from 'node:http';
import { AddressInfo } from 'node:net';
import { ScheduleClock } from '@hub/application/schedule/schedule-clock';
import { eventually } from '@hub/testing';
import { FakeClock } from '@hub/testing/fake-clock';
import { TestHub } from '../test-hub';

/** A test hub whose clock the spec moves; its workflows clock looks every 50 ms. */
export async function hubWithClock(
  clock: FakeClock,
  env: Record<string, string> = {},
): Promise<TestHub> {
  return TestHub.start({ SCHEDULE_TICK_MS: '50', SSE_HEARTBEAT_MS: '100', ...env }, { clock });
}

/** Makes the hub's clock look at the schedule now (what its tick would do next). */
export function fireDue(hub: TestHub): Promise<number> {
  return hub.app.get(ScheduleClock).fireDue();
}

/** The recorded facts of a type, read as an auditor reads them (GET /v1/audit/events). */
export async function facts(hub: TestHub, type: string): Promise<any[]> {
  const auditor = hub.token({ sub: 'auditor-1', roles: ['Auditor'], orgKind: 'provider' });
  const response = await hub.call('GET', `/v1/audit/events?type=${type}&limit=1000`, {
    token: auditor,
  });
  expect(response.status).toBe(200);
  return response.body.events;
}

/** The caller's own notifications (GET /v1/notifications). */
export async function notificationsOf(hub: TestHub, token: string): Promise<any[]> {
  const response = await hub.call('GET', '/v1/notifications?limit=500', { token });
  expect(response.status).toBe(200);
  return response.body.notifications;
}

export function kinds(notifications: any[]): string[] {
  return notifications.map((n) => n.kind);
}

/** A server-sent events client on the hub's real listener: collects what it receives. */
export class SseClient {
  readonly events: { event: string; id?: string; data: any }[] = [];
  comments = 0;
  ended = false;
  private close?: () => void;

  static async connect(hub: TestHub, token: string, lastEventId?: string): Promise<SseClient> {
    const address = hub.app.getHttpServer().address() as AddressInfo | null;
    if (!address) await hub.app.listen(0, '127.0.0.1');
    const { port } = hub.app.getHttpServer().address() as AddressInfo;
    const client = new SseClient();
    await new Promise<void>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/v1/notifications/stream',
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'text/event-stream',
            ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
          },
        },
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
          let buffer = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buffer += chunk;
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              client.parse(buffer.slice(0, end));
              buffer = buffer.slice(end + 2);
            }
          });
          res.on('end', () => (client.ended = true));
          res.on('close', () => (client.ended = true));
          resolve();
        },
      );
      req.on('error', (error) => (client.ended ? undefined : reject(error)));
      req.end();
      client.close = () => req.destroy();
    });
    return client;
  }

  notifications(): any[] {
    return this.events.filter((e) => e.event === 'notification').map((e) => e.data);
  }

  /** Waits until a notification of `kind` arrived. */
  async received(kind: string): Promise<any> {
    return eventually(`SSE notification ${kind}`, () =>
      this.notifications().find((n) => n.kind === kind),
    );
  }

  disconnect(): void {
    this.close?.();
  }

  private parse(block: string): void {
    const lines = block.split('\n');
    if (lines.every((line) => line.startsWith(':'))) {
      this.comments += 1;
      return;
    }
    let event = 'message';
    let id: string | undefined;
    let data = '';
    for (const line of lines) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('data: ')) data += line.slice(6);
    }
    this.events.push({ event, id, data: data ? JSON.parse(data) : undefined });
  }
}
