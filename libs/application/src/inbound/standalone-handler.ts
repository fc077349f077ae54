import { EventStore } from '@hub/event-store';
import { CaseResponses } from '../cases/case-responses';
import { ConsumptionLedger } from '../consumption/consumption-ledger';
import { CommandExecutor } from '../execution/command-executor';
import { IdClaims } from '../indexes/id-claims';
import { HubMessageHandler } from './hub-message-handler';
import { MessageIds } from './message-ids';

/**
 * The hub's message handler wired by hand on an event store, for a process that runs ingest
 * without the HTTP app (the crash test's child, the ingest bench). Same classes as in Nest.
 */
export function standaloneMessageHandler(store: EventStore): HubMessageHandler {
  const executor = new CommandExecutor(store);
  const ledger = new ConsumptionLedger(executor, new IdClaims(executor));
  return new HubMessageHandler(
    ledger,
    new CaseResponses(executor),
    executor,
    new MessageIds(executor),
  );
}
