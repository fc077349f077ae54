import {
  PersistentMap,
  ConsumptionId,
  ContractId,
  Decider,
  EntitlementId,
  NotFoundError,
  PackageId,
  ValidationError,
  refuse,
} from '../shared';
import {
  EntitlementLine,
  MAX_CONSUMED_QUANTITY,
  fromMillionths,
  isIsoDate,
  isQuantity,
  recordedMillionths,
  toMillionths,
} from '../contracts/entitlement';
import { ConsumptionCommand, LogConsumption } from './consumption.commands';
import { ConsumptionEvent } from './consumption.events';
import { decideBalance, lineKey, shareOf } from './balance';

/** The ledger of one contract: all consumption against it and its packages, in one stream. */
export function ledgerStream(contractId: ContractId): string {
  return `ledger-${contractId}`;
}

/** One recorded consumption, enough to reverse it. */
export interface LedgerRecord {
  consumptionId: ConsumptionId;
  packageId?: PackageId;
  entitlementId: EntitlementId;
  millionths: number;
  reversed: boolean;
  /** What the record states, so the same id with other content is told apart (domain.md §2). */
  content: string;
}

/** The ledger: each record by id, and the non-reversed total per entitlement line. */
export interface LedgerState {
  /** Persistent, so folding a ledger of n records costs about n·√n, not n². */
  records: PersistentMap<LedgerRecord>;
  /** Millionths consumed, keyed by `lineKey(packageId, entitlementId)`. */
  consumed: Readonly<Record<string, number>>;
  /** The balance shares (75, 90, 100) the clock recorded, by line key. */
  balanceShares?: Readonly<Record<string, readonly number[]>>;
}

export { lineKey };

/** The content a consumption id names: the same id with other content is another fact. */
function contentOf(fact: {
  packageId?: PackageId;
  entitlementId: EntitlementId;
  millionths: number | null;
  deliveredOn: string;
  reference?: { kind: string; id: string };
  workspaceId?: string;
  deliveredHours?: number;
}): string {
  return JSON.stringify([
    fact.packageId ?? null,
    fact.entitlementId,
    fact.millionths,
    fact.deliveredOn,
    fact.reference?.kind ?? null,
    fact.reference?.id ?? null,
    fact.workspaceId ?? null,
    fact.deliveredHours ?? null,
  ]);
}

/** Delivered within the contract's dates, into a workspace that sees the contract (domain.md §2). */
function checkWhereAndWhen(command: LogConsumption): void {
  const period = command.contractPeriod;
  if (period && (command.deliveredOn < period.startsOn || command.deliveredOn > period.endsOn)) {
    refuse(
      'delivered_outside_contract',
      `Consumption is delivered within the contract's dates (${period.startsOn} to ${period.endsOn}).`,
      { deliveredOn: command.deliveredOn, ...period },
    );
  }
  if (command.workspaceId === undefined || command.workspace === undefined) return;
  if (command.workspace === null) {
    throw notFound('workspace_not_found', `Workspace ${command.workspaceId}`, {
      workspaceId: command.workspaceId,
    });
  }
  if (!command.workspace.sameAgreement || !command.workspace.mapped) {
    refuse(
      'workspace_not_mapped',
      `Workspace ${command.workspaceId} is not a workspace of the agreement with this contract or package mapped in.`,
      { workspaceId: command.workspaceId },
    );
  }
}

/** Delivered hours are a proactive delivery's (domain.md §2): a quantity like any other. */
function checkDeliveredHours(command: LogConsumption, line: EntitlementLine): void {
  if (command.deliveredHours === undefined) return;
  if (line.category !== 'proactive') {
    throw new ValidationError('Invalid consumption.', {
      deliveredHours: ['only for proactive deliveries'],
    });
  }
  if (!isQuantity(command.deliveredHours, MAX_CONSUMED_QUANTITY)) {
    throw new ValidationError('Invalid consumption.', {
      deliveredHours: [QUANTITY_RULE],
    });
  }
}

const QUANTITY_RULE = 'must be positive, at most 1000000, with at most six decimal places';

function validate(command: LogConsumption): number {
  const fields: Record<string, string[]> = {};
  // At most 1,000,000 (domain.md §2), here too: the decider also serves inbound messages.
  if (!isQuantity(command.quantity, MAX_CONSUMED_QUANTITY)) fields.quantity = [QUANTITY_RULE];
  if (!isIsoDate(command.deliveredOn)) fields.deliveredOn = ['must be a day YYYY-MM-DD'];
  if (!command.reference?.kind || !command.reference.id) {
    fields.reference = ['kind and id are required'];
  }
  if (Object.keys(fields).length > 0) throw new ValidationError('Invalid consumption.', fields);
  return toMillionths(command.quantity) as number;
}

const notFound = (code: string, what: string, details: Record<string, unknown>) =>
  new NotFoundError(`${what} not found.`, details, code);

/** The entitlement line the record draws on, after the rules about where it may draw. */
function chargedLine(command: LogConsumption): EntitlementLine {
  const { contractId, packageId, entitlementId } = command;
  if (command.contractEntitlements === null) {
    throw notFound('contract_not_found', `Contract ${contractId}`, { contractId });
  }
  let lines = command.contractEntitlements;
  if (packageId !== undefined) {
    const found = command.package;
    if (!found || found.packageId !== packageId) {
      throw notFound('package_not_found', `Package ${packageId}`, { packageId });
    }
    // An inactive package (withdrawn, or expired before the delivery) takes no consumption.
    if (found.withdrawn || command.deliveredOn > found.expiresOn) {
      refuse('package_inactive', `Package ${packageId} is not active.`, { packageId });
    }
    lines = found.entitlements;
  }
  const line = lines.find((candidate) => candidate.entitlementId === entitlementId);
  if (!line) {
    throw notFound('entitlement_not_found', `Entitlement ${entitlementId}`, {
      entitlementId,
      ...(packageId ? { packageId } : {}),
    });
  }
  if (line.kind === 'benefit') {
    refuse('benefit_not_consumable', `Entitlement ${entitlementId} is a benefit, not tracked.`);
  }
  return line;
}

/** Consumption ledger: records are never edited; a reversal cancels one (domain.md §2). */
export const consumptionDecider: Decider<ConsumptionCommand, ConsumptionEvent, LedgerState> = {
  initialState: { records: PersistentMap.empty<LedgerRecord>(), consumed: {} },

  decide(command, state) {
    switch (command.type) {
      case 'LogConsumption': {
        // An id names one fact: the same content again records nothing (whatever changed
        // since), other content under the same id is refused, never silently dropped.
        const existing = state.records.get(command.consumptionId);
        if (existing) {
          const content = contentOf({ ...command, millionths: toMillionths(command.quantity) });
          if (content === existing.content) return [];
          refuse(
            'consumption_id_conflict',
            `Consumption ${command.consumptionId} was already recorded with other content.`,
            { consumptionId: command.consumptionId },
          );
        }
        const millionths = validate(command);
        const line = chargedLine(command);
        checkWhereAndWhen(command);
        checkDeliveredHours(command, line);
        const total = recordedMillionths(line.quantity);
        const consumed = state.consumed[lineKey(command.packageId, line.entitlementId)] ?? 0;
        const remaining = Math.max(0, total - consumed);
        // Consumption past the balance is still recorded; the excess shows as overage.
        const overage = Math.max(0, millionths - remaining);
        return [
          {
            type: 'ConsumptionLogged',
            data: {
              consumptionId: command.consumptionId,
              contractId: command.contractId,
              ...(command.packageId !== undefined ? { packageId: command.packageId } : {}),
              entitlementId: command.entitlementId,
              category: line.category,
              unit: line.unit,
              quantity: fromMillionths(millionths),
              deliveredOn: command.deliveredOn,
              reference: command.reference,
              ...(command.workspaceId !== undefined ? { workspaceId: command.workspaceId } : {}),
              ...(command.deliveredHours !== undefined
                ? { deliveredHours: command.deliveredHours }
                : {}),
              source: command.source,
              overage: fromMillionths(overage),
              loggedAt: command.at,
            },
          },
        ];
      }
      case 'CheckBalance': {
        const key = lineKey(command.packageId, command.entitlementId);
        return decideBalance(command, {
          consumedMillionths: state.consumed[key] ?? 0,
          recorded: state.balanceShares?.[key] ?? [],
        });
      }
      case 'ReverseConsumption': {
        const record = state.records.get(command.consumptionId);
        if (!record) {
          throw notFound('consumption_not_found', `Consumption ${command.consumptionId}`, {
            consumptionId: command.consumptionId,
          });
        }
        if (record.reversed) {
          refuse(
            'consumption_already_reversed',
            `Consumption ${command.consumptionId} is already reversed.`,
          );
        }
        return [
          {
            type: 'ConsumptionReversed',
            data: {
              consumptionId: record.consumptionId,
              contractId: command.contractId,
              ...(record.packageId !== undefined ? { packageId: record.packageId } : {}),
              entitlementId: record.entitlementId,
              quantity: fromMillionths(record.millionths),
              reason: command.reason,
              reversedAt: command.at,
            },
          },
        ];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'BalanceWarned':
      case 'BalanceExhausted': {
        const key = lineKey(event.data.packageId, event.data.entitlementId);
        const shares = state.balanceShares ?? {};
        const recorded = [...(shares[key] ?? []), shareOf(event)];
        return { ...state, balanceShares: { ...shares, [key]: recorded } };
      }
      case 'ConsumptionLogged': {
        const { consumptionId, packageId, entitlementId } = event.data;
        const millionths = recordedMillionths(event.data.quantity);
        const key = lineKey(packageId, entitlementId);
        return {
          ...state,
          records: state.records.set(consumptionId, {
            consumptionId,
            packageId,
            entitlementId,
            millionths,
            reversed: false,
            content: contentOf({ ...event.data, millionths }),
          }),
          consumed: { ...state.consumed, [key]: (state.consumed[key] ?? 0) + millionths },
        };
      }
      case 'ConsumptionReversed': {
        const record = state.records.get(event.data.consumptionId);
        if (!record || record.reversed) return state;
        const key = lineKey(record.packageId, record.entitlementId);
        return {
          ...state,
          records: state.records.set(record.consumptionId, { ...record, reversed: true }),
          consumed: { ...state.consumed, [key]: (state.consumed[key] ?? 0) - record.millionths },
        };
      }
    }
  },
};
