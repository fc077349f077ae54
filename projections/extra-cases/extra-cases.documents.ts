import { SupportCategory } from '@hub/domain/cases/case.events';
import { CaseType } from '@hub/domain/cases/response-target';
import { EntitlementKind } from '@hub/domain/contracts/entitlement';
import { CaseGroupDoc } from '../cases/cases.documents';

/** What a case names, kept to judge at query time whether it is extra (domain.md §5). */
export interface ExtraCaseCandidateDoc {
  [key: string]: unknown;
  caseId: string;
  workspaceId: string;
  caseType: CaseType;
  category: SupportCategory | null;
  product: string;
  title: string;
  contractId: string | null;
  packageId: string | null;
  entitlementId: string | null;
  openedAt: string;
  /**
   * Who was admitted to the case by name (primary contact, shared with, members of a granted
   * group), and when: with the workspace-wide rules, whom Customer Activity may name it to
   * (domain.md §4). An admission before the viewer's current membership began came through one
   * that a removal ended, so it no longer counts (domain.md §3).
   */
  viewers: CaseViewer[];
}

/** One admission by name: the first one counts (a later share does not move it). */
export interface CaseViewer {
  userId: string;
  admittedAt: string;
}

/** A group's members per workspace, kept as the cases view keeps them (case-groups.ts). */
export type ExtraCaseGroupDoc = CaseGroupDoc;

/** The part of an entitlement line the extra-cases view shows: its service. */
export interface EntitlementRef {
  entitlementId: string;
  service: string;
  kind: EntitlementKind;
}

/** A contract known to the hub, with its dates and lines (own copy: "missing" is judged here). */
export interface KnownContractDoc {
  [key: string]: unknown;
  contractId: string;
  agreementId: string;
  startsOn: string;
  endsOn: string;
  entitlements: EntitlementRef[];
  /** When the hub learnt of it: a case opened before named something then unknown. */
  knownSince?: string;
}

/** An add-on package known to the hub. */
export interface KnownPackageDoc {
  [key: string]: unknown;
  packageId: string;
  contractId: string;
  agreementId: string;
  expiresOn: string;
  entitlements: EntitlementRef[];
  /** When the hub learnt of it. */
  knownSince?: string;
}

/** A workspace with the contracts and packages mapped into it ("unmapped" is judged per workspace). */
export interface WorkspaceMappingsDoc {
  [key: string]: unknown;
  workspaceId: string;
  agreementId: string;
  /**
   * Contract and package ids mapped into it, each with when it was first mapped: "unmapped"
   * follows the mappings as they stood on the evaluation day (domain.md §5).
   */
  mappedContracts: Record<string, string>;
  mappedPackages: Record<string, string>;
}

export const EXTRA_CASES_COLLECTIONS = {
  cases: 'cases',
  contracts: 'contracts',
  packages: 'packages',
  workspaces: 'workspaces',
  groups: 'groups',
} as const;
