import { ApiProperty } from '@nestjs/swagger';

/** Where one inbound message's effect landed. */
export class InboundMessageAnswer {
  @ApiProperty({ description: 'The message id (its idempotency key)' })
  messageId!: string;

  @ApiProperty({
    description:
      'Global position of the last event the message appended, or of the stream head when it appended nothing (a repeat); "0" when nothing was ever recorded',
  })
  position!: string;
}

/** A batch's answer: one entry per message, in order, and the last position. */
export class InboundBatchAnswer {
  @ApiProperty({ type: [InboundMessageAnswer] })
  results!: InboundMessageAnswer[];

  @ApiProperty({ description: 'The greatest position of the batch (for minPosition)' })
  position!: string;
}
