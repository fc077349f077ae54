import { EventStore, SubjectKeyStore } from '@hub/event-store';
import { CaseResponses } from '../cases/case-responses';
import { ConsumptionLedger } from '../consumption/consumption-ledger';
import { CommandExecutor } from '../execution/command-executor';
import { IdClaims } from '../indexes/id-claims';
import { HubMessageHandler } from './hub-message-handler';
import { MessageIds } from './message-ids';
import { CommandReads } from '../execution/command-reads';
import { CustomerIndex } from '../indexes/customer-index';
import { HelpDeskAgentChecks } from '../helpdesk/helpdesk-agent-check';
import { WorkspaceAccess } from '../workspaces/workspace-access';

/**
 * The hub's message handler wired by hand on an event store, for a process that runs ingest
 * without the HTTP app (the crash test's child, the ingest bench). Same classes as in Nest.
 */
export function standaloneMessageHandler(
  store: EventStore,
  keys: SubjectKeyStore,
): HubMessageHandler {
  const executor = new CommandExecutor(store);
  const ids = new IdClaims(executor);
  const customers = new CustomerIndex(executor, keys);
  const reads = new CommandReads(
    executor,
    new WorkspaceAccess(executor),
    customers,
    ids,
    new HelpDeskAgentChecks(executor, customers),
  );
  const ledger = new ConsumptionLedger(executor, ids);
  return new HubMessageHandler(
    ledger,
    new CaseResponses(executor, reads),
    executor,
    keys,
    new MessageIds(executor),
  );
}
