import { Decider, DomainEvent, UserId } from '../shared';
import { issuedWithinHour, rateLimited } from './verification.decider';

/** At most this many codes per agent in an hour (domain.md §7). */
export const MAX_CODES_PER_AGENT_PER_HOUR = 50;

/**
 * One stream per agent counting the codes they issued, so the cap holds across users (a
 * user's stream sees only that user's codes) and across API processes (it is the log's).
 */
export function verificationAgentStream(agentId: UserId): string {
  return `verification-agent-${agentId}`;
}

/** An agent issues a code to a user: counted here, in the same append as the code itself. */
export interface CountVerificationCode {
  type: 'CountVerificationCode';
  agentId: UserId;
  userId: UserId;
  at: string;
}

/** An agent issued a code to a user (the code and its hash are on the user's stream). */
export type VerificationCodeCounted = DomainEvent<
  'VerificationCodeCounted',
  { agentId: UserId; userId: UserId; issuedAt: string }
>;

export interface VerificationAgentState {
  /** When the agent's latest codes were issued (the last MAX_CODES_PER_AGENT_PER_HOUR). */
  issuedAt: string[];
}

export const verificationAgentDecider: Decider<
  CountVerificationCode,
  VerificationCodeCounted,
  VerificationAgentState
> = {
  initialState: { issuedAt: [] },
  decide: ({ agentId, userId, at }, state) => {
    if (issuedWithinHour(state.issuedAt, at) >= MAX_CODES_PER_AGENT_PER_HOUR)
      throw rateLimited('per agent', MAX_CODES_PER_AGENT_PER_HOUR, state.issuedAt, at);
    return [{ type: 'VerificationCodeCounted', data: { agentId, userId, issuedAt: at } }];
  },
  evolve: (state, event) => ({
    issuedAt: [...state.issuedAt, event.data.issuedAt].slice(-MAX_CODES_PER_AGENT_PER_HOUR),
  }),
};
