import { AgreementId } from '@hub/domain';
import { agreementDecider, agreementStream } from '@hub/domain/agreements/agreement.decider';
import { CommandReads } from '../execution/command-reads';

/**
 * What a command dated within its agreement reads first (domain.md §3: contracts and workspaces
 * only within the agreement's dates): whether the agreement is active, and then its period.
 */
export async function agreementPeriodOf(reads: CommandReads, agreementId: string) {
  const agreement = await reads.state(
    agreementStream(agreementId as AgreementId),
    agreementDecider,
  );
  return agreement.status === 'active'
    ? {
        agreementExists: true,
        agreementPeriod: { startsOn: agreement.startsOn, endsOn: agreement.endsOn },
      }
    : { agreementExists: false };
}
