import { Global, Module } from '@nestjs/common';
import { FollowUpRunner } from './follow-ups/follow-up.runner';
import { FollowUps } from './follow-ups/follow-ups';
import { CommandExecutor } from './command-executor';
import { IdempotencyService } from './idempotency';

/** The write path shared by every slice: the executor, idempotency records, follow-up steps. */
@Global()
@Module({
  providers: [CommandExecutor, IdempotencyService, FollowUps, FollowUpRunner],
  exports: [CommandExecutor, IdempotencyService, FollowUps],
})
export class WriteModule {}
