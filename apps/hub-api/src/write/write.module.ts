import { Global, Module } from '@nestjs/common';
import { FollowUpRunner } from './follow-ups/follow-up.runner';
import { FollowUps } from './follow-ups/follow-ups';
import { IdClaims } from './follow-ups/id-claims';
import { CommandExecutor } from './command-executor';
import { IdempotencyService } from './idempotency';

/** The write path shared by every slice: the executor, idempotency records, follow-up steps. */
@Global()
@Module({
  providers: [CommandExecutor, IdempotencyService, IdClaims, FollowUps, FollowUpRunner],
  exports: [CommandExecutor, IdempotencyService, IdClaims, FollowUps],
})
export class WriteModule {}
