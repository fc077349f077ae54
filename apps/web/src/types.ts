// The answers of the /v1 routes the UI reads (api.md); optional fields are the ones other
// work adds (forecast, SLA clock) and the UI copes without.
import { ServerForecast } from './forecast';
import { CaseSlaFields } from './sla';

export interface Workspace {
  workspaceId: string;
  agreementId: string;
  name: string;
  isDefault: boolean;
  roles: string[];
  administers: boolean;
}

export interface ContractRow {
  contractId: string;
  startsOn: string;
  endsOn: string;
  status: string;
}

export interface CategoryRow extends ServerForecast {
  category: string;
  unit: string;
  total: number;
  consumed: number;
  remaining: number;
  overage: number;
}

export interface ActivitySummary {
  contracts: ContractRow[];
  categories: CategoryRow[];
}

export interface EntitlementRow extends ServerForecast {
  contractId: string;
  entitlementId: string;
  category: string;
  service: string;
  description: string;
  unit: string;
  total: number;
  consumed: number;
  remaining: number;
  overage?: number;
}

export interface RecordRow {
  consumptionId: string;
  contractId: string;
  entitlementId: string;
  service: string;
  deliveredOn: string;
  quantity: number;
  unit: string;
  reference: { kind: string; id: string } | null;
  workspaceId: string | null;
  reversed: boolean;
}

export interface Drilldown {
  entitlements: EntitlementRow[];
  records: RecordRow[];
  nextCursor: string | null;
}

export interface PackageRow {
  packageId: string;
  contractId: string;
  name: string;
  expiresOn: string;
  state: 'active' | 'inactive';
  consumables: (ServerForecast & {
    entitlementId: string;
    service: string;
    unit: string;
    total: number;
    consumed: number;
    remaining: number;
  })[];
  benefits: { service: string; description: string }[];
}

export interface ExtraCases {
  cases: { caseId: string; title: string; rule: string; service: string; openedAt?: string }[];
  countsByService: { service: string; cases: number }[];
}

export interface CaseRow extends CaseSlaFields {
  caseId: string;
  workspaceId: string;
  title: string;
  severity: string;
  type: string;
  product: string;
  openedAt: string;
  onBehalfOf: { partnerId: string } | null;
}

export interface Notification {
  id: string;
  kind: string;
  subject: string;
  createdAt: string;
}
