import { randomUUID } from 'node:crypto';
import { deterministicId } from '@hub/domain';
import { AuthenticatedUser } from '@hub/access';
import { CommandContext } from '@hub/application/execution/command-context';
import { nowOf } from '@hub/projection/query/request-clock';

interface CommandRequest {
  headers: Record<string, string | undefined>;
  user?: AuthenticatedUser;
  id?: string;
  method: string;
  routeOptions?: { url?: string };
  server?: unknown;
}

/** The scope an idempotency key is unique within: the caller and the route. */
export function idempotencyScope(request: CommandRequest): string {
  return `${request.user?.userId ?? 'anonymous'} ${request.method} ${request.routeOptions?.url ?? ''}`;
}

/** Builds the `CommandContext` of an HTTP command from its token and headers. */
export function commandContextOf(request: CommandRequest): CommandContext {
  const key = request.headers['idempotency-key'];
  const user = request.user;
  return {
    commandId: key ? deterministicId('http-command', idempotencyScope(request), key) : randomUUID(),
    ...(key ? { idempotencyKey: key } : {}),
    correlationId: request.id ?? randomUUID(),
    actor: user
      ? {
          userId: user.userId,
          email: user.email,
          orgId: user.orgId,
          roles: user.roles,
          ...(user.roles.includes('Service') ? { service: user.userId } : {}),
        }
      : {},
    source: 'api',
    occurredAt: nowOf(request).toISOString(),
  };
}
