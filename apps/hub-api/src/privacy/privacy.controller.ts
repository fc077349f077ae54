import { Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireTokenRole } from '@hub/access';
import { ValidationError, deterministicId } from '@hub/domain';
import { ANY, EVENT_STORE, EventStore, SubjectKeyStore } from '@hub/event-store';
import { ProjectionRunner } from '@hub/projection/projection-runner';
import { NotificationOutbox } from '@hub/application/notifications/notification-outbox';
import { By, CommandInterceptors, Issuer } from '../http/command-route';

/**
 * The right to erasure (domain.md §10): deleting a person's keys makes every sealed field of
 * theirs read `[erased]`, in the log and in any read model rebuilt from it.
 */
@ApiTags('privacy')
@ApiBearerAuth()
@CommandInterceptors()
@Controller('privacy')
export class PrivacyController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly keys: SubjectKeyStore,
    private readonly runner: ProjectionRunner,
    private readonly outbox: NotificationOutbox,
  ) {}

  @Post('subjects/:subjectId/erase')
  @HttpCode(200)
  @RequireTokenRole('Operator')
  @ApiOperation({
    summary:
      'Erases a person (a user id or an e-mail address): deletes their keys, records the erasure, and rebuilds every projection so no read model keeps their data (Operator)',
  })
  async erase(@Param('subjectId') subjectId: string, @By() { context }: Issuer) {
    const subject = subjectId.trim();
    if (!subject || subject.length > 320)
      throw new ValidationError('subjectId is not valid', {
        subjectId: ['a user id or an e-mail address'],
      });
    const kind = subject.includes('@') ? 'email' : 'user';
    // A user id names the addresses sealed beside it (SubjectKeyStore.link): erase them all.
    const ref = kind === 'email' ? this.keys.addressKey(subject) : this.keys.ref(`user:${subject}`);
    const refs = kind === 'email' ? [ref] : this.keys.resolve(ref);
    const keysErased = this.keys.erase(refs, context.occurredAt);
    // The outbox is kept by address key too (the subject references of the addresses).
    await this.outbox.eraseRecipients(refs);
    // The fact names the subject by its keyed hash only: the log must not learn the address.
    const appended = await this.events.appendToStream(
      `privacy-${ref}`,
      [
        {
          type: 'SubjectErased',
          data: { subjectRef: ref, subjectKind: kind, keysErased, erasedAt: context.occurredAt },
          metadata: {
            eventId: deterministicId('subject-erased', context.commandId),
            schemaVersion: 1,
            correlationId: context.correlationId,
            causationId: context.commandId,
            actor: context.actor,
            source: context.source,
            occurredAt: context.occurredAt,
          },
        },
      ],
      ANY,
    );
    const rebuilding: string[] = [];
    for (const { name } of await this.runner.status()) {
      await this.runner.requestRebuild(name);
      rebuilding.push(name);
    }
    return {
      subjectId: subject,
      subjectKind: kind,
      keysErased,
      position: appended.position.toString(),
      rebuilding,
    };
  }
}
