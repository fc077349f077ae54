import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** POST …/verification-codes/confirm: the code the user read back. */
export class ConfirmVerificationCodeDto {
  @ApiProperty({ example: '042917' })
  @Matches(/^\d{6}$/, { message: 'code must be six digits' })
  code!: string;
}

export class VerificationCodeSentAnswer {
  @ApiProperty()
  expiresAt!: string;

  @ApiProperty()
  position!: string;
}

export class VerificationConfirmedAnswer {
  @ApiProperty()
  verified!: true;

  @ApiProperty()
  position!: string;
}

export class ReadOnlySessionOpenedAnswer {
  @ApiProperty()
  sessionId!: string;

  @ApiProperty()
  endsAt!: string;

  @ApiProperty()
  position!: string;
}
