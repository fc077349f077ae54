import { Injectable } from '@nestjs/common';
import {
  ConsumptionId,
  ContractId,
  Decider,
  DomainEvent,
  EntitlementId,
  HubError,
  NotFoundError,
  isRefusal,
  PackageId,
  WorkspaceId,
} from '@hub/domain';
import {
  LogConsumption,
  PackageLookup,
  WorkspaceLookup,
} from '@hub/domain/consumption/consumption.commands';
import { workspaceDecider } from '@hub/domain/workspaces/workspace.decider';
import { workspaceStream } from '@hub/domain/workspaces/workspace.state';
import { consumptionDecider, ledgerStream } from '@hub/domain/consumption/consumption.decider';
import { ConsumptionReference } from '@hub/domain/consumption/consumption.events';
import { contractDecider, contractStream } from '@hub/domain/contracts/contract.decider';
import { ID_KINDS } from '@hub/domain/id-claims/id-claim.decider';
import { packageDecider, packageStream } from '@hub/domain/packages/package.decider';
import { GlobalPosition } from '@hub/event-store';
import { CommandExecutor, ExecutionUnit } from '../execution/command-executor';
import { CommandContext } from '../execution/command-context';
import { IdClaims } from '../indexes/id-claims';

/** Delivered units as a reporting system states them (POST /v1/consumption, ConsumptionDelivered). */
export interface DeliveredConsumption {
  consumptionId: string;
  contractId: string;
  packageId?: string;
  entitlementId: string;
  quantity: number;
  deliveredOn: string;
  reference: ConsumptionReference;
  workspaceId?: string;
  /** Proactive lines: the hours the service took. */
  deliveredHours?: number;
}

/** Where a ledger command landed: its ledger and the position of its last event. */
export interface LedgerAnswer {
  consumptionId: string;
  position: GlobalPosition | null;
}

/** One delivery to log, with who reported it and the command context it came with. */
export interface LedgerDelivery {
  delivered: DeliveredConsumption;
  reportedBy: string;
  context: CommandContext;
  /** Executions to land in the same append, before the record (an inbound message id's claim). */
  also?: ExecutionUnit;
}

const LEDGER_PREFIX = 'ledger-';

/** A stream's folded state, as `CommandExecutor.load` answers it. */
type StateOf = <S>(stream: string, decider: Folding<S>) => Promise<S>;
type Folding<S> = Pick<Decider<unknown, DomainEvent, S>, 'initialState' | 'evolve'>;

/** A refusal answers its own delivery; anything else fails the call. */
function refusedOnly(error: unknown): HubError {
  if (isRefusal(error)) return error;
  throw error;
}

/**
 * Consumption against a contract's ledger, for every entry point (HTTP now, Kafka ingest with the
 * message id as command id and `kafka:<topic>/<partition>/<offset>` as source). The record's id
 * is claimed for its ledger so a reversal, which names only the id, finds it.
 */
@Injectable()
export class ConsumptionLedger {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly ids: IdClaims,
  ) {}

  /**
   * Claims the id (another contract's id: 409 `consumption_id_conflict`) and logs the record
   * together: both are decided before anything is appended, so a refused record appends nothing,
   * not even its claim, and both land in one append, the claim first (idempotent by id).
   */
  async log(
    delivered: DeliveredConsumption,
    reportedBy: string,
    context: CommandContext,
    also?: ExecutionUnit,
  ): Promise<LedgerAnswer> {
    const [answer] = await this.logAll([{ delivered, reportedBy, context, also }]);
    if (answer instanceof Error) throw answer;
    return answer;
  }

  /**
   * Logs deliveries in order, each as `log` does, each on the ledger the ones before it left (a
   * consumptionId delivered twice is recorded once), all with one append. Answers per delivery
   * where it landed, or the 4xx `HubError` that refused it (it records nothing; the others land).
   * Anything else fails the whole call, which is then safe to repeat.
   */
  async logAll(deliveries: readonly LedgerDelivery[]): Promise<(LedgerAnswer | Error)[]> {
    const prepared: (LogConsumption | HubError)[] = [];
    // Nothing is appended while the commands are built, so one read of each contract (and
    // package) serves every delivery of the call: a group is one ledger's, hence one contract's.
    const lookups = new Map<string, Promise<unknown>>();
    const stateOf: StateOf = <S>(stream: string, decider: Folding<S>) => {
      let state = lookups.get(stream) as Promise<S> | undefined;
      if (!state) {
        state = this.executor.load(stream, decider).then((loaded) => loaded.state);
        lookups.set(stream, state);
      }
      return state;
    };
    for (const { delivered, reportedBy, context } of deliveries) {
      prepared.push(
        await this.toCommand(delivered, reportedBy, context, stateOf).catch(refusedOnly),
      );
    }
    const units = prepared.flatMap((command, i) =>
      command instanceof Error
        ? []
        : [[...(deliveries[i].also ?? []), ...this.logging(command, deliveries[i].context)]],
    );
    // One outcome per delivery that made it to a unit, in order.
    const outcomes = (await this.executor.executeUnits(units)).values();
    return prepared.map((command) => {
      if (command instanceof Error) return command;
      const outcome = outcomes.next().value!;
      if (outcome instanceof Error) return outcome;
      return { consumptionId: command.consumptionId, position: outcome[1].position };
    });
  }

  /** Reverses a record, found through its id claim (404 `consumption_not_found` when unknown). */
  async reverse(consumptionId: string, reason: string, context: CommandContext) {
    const stream = await this.ids.ownerOf(ID_KINDS.consumption, consumptionId);
    if (stream === null || !stream.startsWith(LEDGER_PREFIX)) {
      throw new NotFoundError(
        `Consumption ${consumptionId} not found.`,
        { consumptionId },
        'consumption_not_found',
      );
    }
    const result = await this.executor.execute({
      stream,
      decider: consumptionDecider,
      context,
      command: () => ({
        type: 'ReverseConsumption' as const,
        contractId: stream.slice(LEDGER_PREFIX.length) as ContractId,
        consumptionId: consumptionId as ConsumptionId,
        reason,
        at: context.occurredAt,
      }),
    });
    return { consumptionId, position: result.position };
  }

  /** The id's claim, then the record on its ledger: they land together or not at all. */
  private logging(command: LogConsumption, context: CommandContext): ExecutionUnit {
    const stream = ledgerStream(command.contractId);
    return [
      this.ids.claiming(ID_KINDS.consumption, command.consumptionId, stream, context),
      { stream, decider: consumptionDecider, context, command: () => command },
    ];
  }

  /** The command with the entitlement lines read from the contract (and package) streams. */
  private async toCommand(
    delivered: DeliveredConsumption,
    reportedBy: string,
    context: CommandContext,
    stateOf: StateOf,
  ): Promise<LogConsumption> {
    const contractId = delivered.contractId as ContractId;
    const contract = await stateOf(contractStream(contractId), contractDecider);
    const packageId = delivered.packageId as PackageId | undefined;
    return {
      type: 'LogConsumption',
      consumptionId: delivered.consumptionId as ConsumptionId,
      contractId,
      ...(packageId !== undefined
        ? { packageId, package: await this.packageOf(packageId, contractId, stateOf) }
        : {}),
      entitlementId: delivered.entitlementId as EntitlementId,
      quantity: delivered.quantity,
      deliveredOn: delivered.deliveredOn,
      reference: { kind: delivered.reference.kind, id: delivered.reference.id },
      ...(delivered.workspaceId !== undefined
        ? { workspaceId: delivered.workspaceId as WorkspaceId }
        : {}),
      ...(delivered.deliveredHours !== undefined
        ? { deliveredHours: delivered.deliveredHours }
        : {}),
      source: reportedBy,
      contractEntitlements: contract.status === 'added' ? contract.entitlements : null,
      ...(contract.status === 'added'
        ? { contractPeriod: { startsOn: contract.startsOn, endsOn: contract.endsOn } }
        : {}),
      ...(delivered.workspaceId !== undefined && contract.status === 'added'
        ? {
            workspace: await this.workspaceOf(
              delivered.workspaceId as WorkspaceId,
              contract.agreementId,
              contractId,
              packageId,
              stateOf,
            ),
          }
        : {}),
      at: context.occurredAt,
    };
  }

  /** The named workspace: of the contract's agreement, with the contract or package mapped in. */
  private async workspaceOf(
    workspaceId: WorkspaceId,
    agreementId: string,
    contractId: ContractId,
    packageId: PackageId | undefined,
    stateOf: StateOf,
  ): Promise<WorkspaceLookup | null> {
    const found = await stateOf(workspaceStream(workspaceId), workspaceDecider);
    if (found.status !== 'created') return null;
    return {
      sameAgreement: found.agreementId === agreementId,
      mapped:
        found.mappedContracts.includes(contractId) ||
        (packageId !== undefined && found.mappedPackages.includes(packageId)),
    };
  }

  /** The package as its stream has it; a package of another contract is not this contract's. */
  private async packageOf(
    packageId: PackageId,
    contractId: ContractId,
    stateOf: StateOf,
  ): Promise<PackageLookup | null> {
    const found = await stateOf(packageStream(packageId), packageDecider);
    if (found.status === 'none' || found.contractId !== contractId) return null;
    return {
      packageId,
      expiresOn: found.expiresOn,
      withdrawn: found.status === 'withdrawn',
      entitlements: found.entitlements,
    };
  }
}
