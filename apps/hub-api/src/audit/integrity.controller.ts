import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, RequireTokenRole } from '@hub/access';
import { NotFoundError, ValidationError } from '@hub/domain';
import { EVENT_LOG_INTEGRITY, EventLogIntegrity, parsePosition } from '@hub/event-store';
import { AuditSigningKey, digestText } from './audit-signing-key';
import { VerifyQueryDto } from '../read/audit.query.dto';

/** A validated position (VerifyQueryDto), or none. */
function positionParam(raw: string | undefined, field: string): bigint | undefined {
  const position = raw === undefined ? null : parsePosition(raw);
  if (position === null) return undefined;
  // Position 0 is before the first event (as in /v1/audit/events): a range from it starts at the
  // first event, a range to it is empty.
  return field === 'fromPosition' && position === 0n ? 1n : position;
}

/** Tamper evidence (domain.md §10): verify any range of the log, and keep signed digests of its head. */
@ApiTags('audit')
@Controller('audit')
export class IntegrityController {
  constructor(
    @Inject(EVENT_LOG_INTEGRITY) private readonly chain: EventLogIntegrity,
    private readonly key: AuditSigningKey,
  ) {}

  @Get('verify')
  @ApiBearerAuth()
  @RequireTokenRole('Auditor')
  @ApiOperation({
    summary:
      'Recomputes the hash chain over a range (both ends inclusive; default the whole log) and reports the first event that does not verify',
  })
  async verify(@Query() { fromPosition: from, toPosition: to }: VerifyQueryDto) {
    const fromPosition = positionParam(from, 'fromPosition');
    const toPosition = positionParam(to, 'toPosition');
    // A range to 0 is empty whatever its start; any other end before its start is a mistake.
    const reversed = toPosition !== undefined && toPosition !== 0n && fromPosition! > toPosition;
    if (fromPosition !== undefined && reversed)
      throw new ValidationError('the range is empty', {
        toPosition: ['must not be before fromPosition'],
      });
    const result = await this.chain.verifyChain({ fromPosition, toPosition });
    return {
      verified: result.verified,
      checkedFrom: result.checkedFrom?.toString() ?? null,
      checkedTo: result.checkedTo?.toString() ?? null,
      checked: result.checked,
      headHash: result.headHash,
      ...(result.firstMismatch && {
        firstMismatch: {
          position: result.firstMismatch.position.toString(),
          reason: result.firstMismatch.reason,
        },
      }),
    };
  }

  @Get('digest')
  @ApiBearerAuth()
  @RequireTokenRole('Auditor')
  @ApiOperation({
    summary:
      'The head of the log (position and hash), signed with Ed25519 over "hub-audit-digest/v1\\n<position>\\n<hash>\\n<signedAt>"; keep it and check later with verify',
  })
  async digest() {
    const head = await this.chain.chainHead();
    if (!head) throw new NotFoundError('The log is empty: there is no head to sign');
    const unsigned = {
      position: head.position.toString(),
      hash: head.hash,
      signedAt: new Date().toISOString(),
    };
    return { ...unsigned, algorithm: 'Ed25519', signature: this.key.sign(digestText(unsigned)) };
  }

  @Get('digest/public-key')
  @Public()
  @ApiOperation({ summary: "The public key (SPKI PEM) that checks digests' signatures" })
  publicKey() {
    return { algorithm: 'Ed25519', publicKey: this.key.publicKeyPem };
  }
}
