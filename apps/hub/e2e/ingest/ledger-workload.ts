import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@hub/event-store';
import { InboundMessage, MessageContext, MessageHandler } from '@hub/messaging';
import { Fixtures } from '../hub.fixtures';
import { TestHub } from '../test-hub';
import { consumptionDelivered, deliveryEnvelope } from '@hub/testing/kafka/ingest-test-kit';

// A delivery workload for the ingest tests that check "nothing lost, nothing doubled" with the
// hub's real handler: contracts seeded through the HTTP routes, then read back from the ledgers.

/**
 * A fresh hub data folder for one spec: `eventsFile` is the SQLite file the seeding hub and the
 * ingest members share; `removeDataDir` deletes it all once the spec is done.
 */
export function hubDataDir(prefix: string) {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const eventsFile = join(dataDir, 'events.sqlite');
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  return { dataDir, eventsFile, removeDataDir };
}

/** Contracts created through the real routes in a hub whose SQLite file is `dataDir/events.sqlite`. */
export async function seedContracts(dataDir: string, count: number): Promise<string[]> {
  // No KAFKA_* given: the seeding hub does not talk to Kafka (it would publish its invitations there).
  const hub = await TestHub.start({ DATA_DIR: dataDir, HUB_ROLES: 'api' });
  try {
    const f = new Fixtures(hub);
    const { agreementId } = await f.customer();
    const contracts: string[] = [];
    for (let i = 0; i < count; i += 1) contracts.push(await f.addContract(agreementId));
    return contracts;
  } finally {
    await hub.stop();
  }
}

export interface Workload {
  records: { key: string; value: string; partition: number }[];
  delivered: string[];
  reversed: string[];
}

/**
 * `count` deliveries spread over the contracts, each contract on its own partition (as its key
 * would put it), and every tenth one reversed by the very next message of that partition.
 */
export function deliveries(label: string, contracts: string[], count: number): Workload {
  const workload: Workload = { records: [], delivered: [], reversed: [] };
  for (let i = 0; i < count; i += 1) {
    const contractId = contracts[i % contracts.length];
    const partition = i % contracts.length;
    const consumptionId = `${label}-c-${i}`;
    const value = consumptionDelivered(`${label}-m-${i}`, contractId, consumptionId);
    workload.records.push({ key: contractId, value, partition });
    workload.delivered.push(consumptionId);
    if (i % 10 === 0) {
      const reversal = deliveryEnvelope(`${label}-r-${i}`, 'ConsumptionReversed', {
        consumptionId,
        reason: 'reported twice',
      });
      workload.records.push({ key: contractId, value: reversal, partition });
      workload.reversed.push(consumptionId);
    }
  }
  return workload;
}

/** Every ConsumptionLogged and ConsumptionReversed in the contracts' ledgers, by consumption id. */
export async function ledgerEntries(
  store: SqliteEventStore,
  contracts: string[],
): Promise<{ logged: string[]; reversed: string[] }> {
  const logged: string[] = [];
  const reversed: string[] = [];
  for (const contractId of contracts) {
    for (const event of await store.readStream(`ledger-${contractId}`)) {
      const id = String(event.data.consumptionId);
      if (event.type === 'ConsumptionLogged') logged.push(id);
      if (event.type === 'ConsumptionReversed') reversed.push(id);
    }
  }
  return { logged, reversed };
}

/** The hub's handler, counting the messages it was given (to show which member did the work). */
export class CountedHandler implements MessageHandler {
  handled = 0;

  constructor(private readonly inner: MessageHandler) {}

  async handle(message: InboundMessage, context: MessageContext): Promise<void> {
    await this.inner.handle(message, context);
    this.handled += 1;
  }

  orderingKeys(message: InboundMessage): readonly string[] | null {
    return this.inner.orderingKeys?.(message) ?? null;
  }

  groupKey(message: InboundMessage): string | null {
    return this.inner.handleGroup ? (this.inner.groupKey?.(message) ?? null) : null;
  }

  async handleGroup(
    messages: readonly InboundMessage[],
    contexts: readonly MessageContext[],
  ): Promise<(Error | null)[]> {
    if (!this.inner.handleGroup) throw new Error('the inner handler does not group messages');
    const outcomes = await this.inner.handleGroup(messages, contexts);
    this.handled += messages.length;
    return outcomes;
  }
}
