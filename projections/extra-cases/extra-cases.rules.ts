import {
  EntitlementRef,
  ExtraCaseCandidateDoc,
  KnownContractDoc,
  KnownPackageDoc,
  WorkspaceMappingsDoc,
} from './extra-cases.documents';

/** Why a case counts as extra (domain.md §5, "Extra cases"). */
export type ExtraCaseRule =
  'missing_reference' | 'expired_contract' | 'unmapped_contract' | 'support_category';

/** Support categories that are always extra: SU, DSA, X85, REC (rule 3). */
const EXTRA_CATEGORIES: readonly string[] = ['SU', 'DSA', 'X85', 'REC'];

/** What a case is judged against: the workspace viewed, its agreement's aspects, and a day. */
export interface JudgingContext {
  workspace: WorkspaceMappingsDoc;
  /** Contracts and packages of the workspace's agreement: anything else is unknown to it. */
  contracts: ReadonlyMap<string, KnownContractDoc>;
  packages: ReadonlyMap<string, KnownPackageDoc>;
  /** `YYYY-MM-DD`, the evaluation day: cases opened after it are not in view. */
  day: string;
}

export interface ExtraCaseVerdict {
  rule: ExtraCaseRule;
  service: string;
}

function findLine(lines: readonly EntitlementRef[] | undefined, id: string) {
  return lines?.find((line) => line.entitlementId === id);
}

/** Known to the hub by the day the case was opened (rules are judged as of that day). */
const knownOn = (owner: { knownSince?: string } | undefined, day: string) =>
  !!owner && (owner.knownSince === undefined || owner.knownSince.slice(0, 10) <= day);

/**
 * The entitlement a case draws on: in the package it names, else the contract it names, else
 * (naming neither) any contract or package of the agreement the hub knew of on the day the case
 * was opened. Undefined when unknown.
 */
function entitlementOf(c: ExtraCaseCandidateDoc, ctx: JudgingContext): EntitlementRef | undefined {
  if (!c.entitlementId) return undefined;
  const id = c.entitlementId;
  if (c.packageId) return findLine(ctx.packages.get(c.packageId)?.entitlements, id);
  if (c.contractId) return findLine(ctx.contracts.get(c.contractId)?.entitlements, id);
  const openedOn = c.openedAt.slice(0, 10);
  for (const owner of [...ctx.contracts.values(), ...ctx.packages.values()]) {
    const line = knownOn(owner, openedOn) ? findLine(owner.entitlements, id) : undefined;
    if (line) return line;
  }
  return undefined;
}

/** Whether an id was mapped into the workspace on or before the evaluation day. */
const mappedBy = (mapped: Record<string, string>, id: string, day: string) =>
  mapped[id] !== undefined && mapped[id].slice(0, 10) <= day;

function namesMissing(c: ExtraCaseCandidateDoc, ctx: JudgingContext): boolean {
  const openedOn = c.openedAt.slice(0, 10);
  if (c.contractId && !knownOn(ctx.contracts.get(c.contractId), openedOn)) return true;
  if (c.packageId && !knownOn(ctx.packages.get(c.packageId), openedOn)) return true;
  return !!c.entitlementId && entitlementOf(c, ctx) === undefined;
}

/**
 * Whether a case is extra in the workspace viewed on a day, and under which rule. One rule per
 * case, the first that holds in this order:
 * 1. `missing_reference`: a contract, package or entitlement it names is unknown (to the
 *    agreement). First, because an unknown contract can be neither expired nor mapped.
 * 2. `expired_contract`: the contract it is tied to (named, or its package's) had ended on the
 *    day the case was opened: judged as of that day, so a contract that expired later does not
 *    turn an old case into an extra one (domain.md §5). Before "unmapped": it holds in every
 *    workspace, so it is the more telling reason.
 * 3. `unmapped_contract`: that contract is not mapped into the workspace viewed, as the
 *    mappings stand on the evaluation day (a case drawing on a package mapped into it is covered
 *    by that mapping).
 * 4. `support_category`: its support category is SU, DSA, X85 or REC.
 * Its service is the entitlement's when known, else the product it was opened for.
 */
export function judgeCase(c: ExtraCaseCandidateDoc, ctx: JudgingContext): ExtraCaseVerdict | null {
  if (c.caseType !== 'advisory' && c.caseType !== 'problem-resolution') return null;
  const openedOn = c.openedAt.slice(0, 10);
  // A view as of an earlier day never lists cases opened after it.
  if (openedOn > ctx.day) return null;
  const service = entitlementOf(c, ctx)?.service ?? c.product;
  const verdict = (rule: ExtraCaseRule): ExtraCaseVerdict => ({ rule, service });
  if (namesMissing(c, ctx)) return verdict('missing_reference');
  const contractId =
    c.contractId ?? (c.packageId ? ctx.packages.get(c.packageId)?.contractId : undefined);
  const contract = contractId ? ctx.contracts.get(contractId) : undefined;
  if (contractId && !contract) return verdict('missing_reference');
  if (contract) {
    if (contract.endsOn < openedOn) return verdict('expired_contract');
    const { mappedContracts, mappedPackages } = ctx.workspace;
    const packageMapped = !!c.packageId && mappedBy(mappedPackages, c.packageId, ctx.day);
    if (!mappedBy(mappedContracts, contract.contractId, ctx.day) && !packageMapped)
      return verdict('unmapped_contract');
  }
  if (c.category && EXTRA_CATEGORIES.includes(c.category)) return verdict('support_category');
  return null;
}
