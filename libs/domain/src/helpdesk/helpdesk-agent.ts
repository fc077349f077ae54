import { ForbiddenError, NotFoundError } from '../shared';
import { HelpDeskAgentCheck } from './verification.commands';

/**
 * Refuses a caller who is not a Help Desk agent (403 `helpdesk_agent_required`), and a
 * target outside the partner's customers as if it did not exist (404): an agent searches
 * only the customers the partner manages (domain.md §7).
 */
export function requireAgentOfManaged(check: HelpDeskAgentCheck): void {
  if (!check.isAgent) {
    throw new ForbiddenError(
      'Only a Help Desk agent of the partner may do this.',
      'helpdesk_agent_required',
    );
  }
  if (!check.managed) throw new NotFoundError('Not found among the partner’s customers.');
}
