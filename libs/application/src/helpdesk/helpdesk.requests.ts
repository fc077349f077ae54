// The plain shapes of the helpdesk commands' requests and answers (the HTTP DTOs in
// apps/hub-api/src/helpdesk/helpdesk.dto.ts are validated classes of the same shape).
/** POST …/verification-codes/confirm: the code the user read back. */
export interface ConfirmVerificationCodeRequest {
  code: string;
}

export interface VerificationCodeSentAnswer {
  expiresAt: string;
  position: string;
}

export interface VerificationConfirmedAnswer {
  verified: true;
  position: string;
}

export interface ReadOnlySessionOpenedAnswer {
  sessionId: string;
  endsAt: string;
  position: string;
}
