import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { AuthenticatedUser } from '@hub/access';
import { RecipientNotifications } from '@hub/application/notifications/recipient-notifications';
import { EVENT_STORE, EventStore } from '@hub/event-store';
import { ProjectionRunner } from '@hub/projection/projection-runner';
import { ReadModels } from '@hub/projection/query/read-models';
import { HUB_CONFIG, HubConfig } from '@hub/runtime/config/hub-config';
import { ReadModelScope } from './read-model-scope';

/** How often a stream looks for new notifications and moved read models. */
const POLL_MS = 250;
/** Every how many looks the caller's workspaces are read again (about every 5 s). */
const SCOPE_REFRESH_TICKS = 20;

/** The read models a caller can see: partner staff see the help desk; customers the rest. */
function visibleProjections(user: AuthenticatedUser, names: string[]): string[] {
  const partner = user.orgKind === 'partner';
  return names.filter((name) =>
    partner ? ['helpdesk', 'cases', 'access'].includes(name) : name !== 'helpdesk',
  );
}

interface Connection {
  raw: ServerResponse;
  close(): void;
}

/**
 * The live side of GET /v1/notifications (server-sent events): per connection, the caller's
 * new notifications (`event: notification`, `id:` its outbox sequence, so `Last-Event-ID` resumes
 * after it), `event: read-model` when a read model the caller can see moves for them (a fact it
 * applied concerns them: ReadModelScope), and a comment
 * heartbeat so proxies keep the connection. Every stream ends cleanly when the process stops.
 */
@Injectable()
export class NotificationStreams implements BeforeApplicationShutdown {
  private readonly open = new Set<Connection>();

  constructor(
    private readonly notifications: RecipientNotifications,
    private readonly runner: ProjectionRunner,
    private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  /** Serves one stream on the raw response until the client or the process goes away. */
  serve(raw: ServerResponse, user: AuthenticatedUser, lastEventId: string | undefined): void {
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    let cursor = /^\d+$/.test(lastEventId ?? '') ? Number(lastEventId) : 0;
    const positions = new Map<string, string | null>();
    let closed = false;
    let busy = false;
    let ticks = 0;
    const scope = new ReadModelScope(user, this.readModels, this.events);
    const tick = async () => {
      if (closed || busy) return;
      busy = true;
      try {
        const entries = await this.notifications.after(user, cursor, 100);
        for (const { sequence, ...notification } of entries) {
          raw.write(
            `id: ${sequence}\nevent: notification\ndata: ${JSON.stringify(notification)}\n\n`,
          );
          cursor = sequence;
        }
        const statuses = await this.runner.status();
        const names = visibleProjections(
          user,
          statuses.map((s) => s.name),
        );
        if (ticks++ % SCOPE_REFRESH_TICKS === 0) await scope.refresh();
        for (const { name, checkpoint } of statuses) {
          if (!names.includes(name)) continue;
          const before = positions.get(name);
          if (before === undefined || before === null || checkpoint === null) {
            positions.set(name, checkpoint);
            continue;
          }
          if (before === checkpoint) continue;
          // Only a move the caller can see: a fact it applied concerns them.
          const handles = this.runner.handlesOf(name);
          const { moved, through } = await scope.moved(handles, before, checkpoint);
          positions.set(name, through);
          if (!moved) continue;
          const data = JSON.stringify({ projection: name, position: checkpoint });
          raw.write(`event: read-model\ndata: ${data}\n\n`);
        }
      } catch {
        // A failed read is retried on the next tick; the stream stays open.
      } finally {
        busy = false;
      }
    };
    const poll = setInterval(() => void tick(), POLL_MS);
    const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), this.config.sseHeartbeatMs);
    const connection: Connection = {
      raw,
      close: () => {
        if (closed) return;
        closed = true;
        clearInterval(poll);
        clearInterval(heartbeat);
        this.open.delete(connection);
        raw.end();
      },
    };
    this.open.add(connection);
    raw.on('close', connection.close);
    raw.write(': connected\n\n');
    void tick();
  }

  // Before the HTTP server closes: it waits for open connections, and a stream never ends itself.
  beforeApplicationShutdown(): void {
    for (const connection of [...this.open]) connection.close();
  }
}
