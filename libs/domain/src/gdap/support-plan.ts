/**
 * A partner's own subscriptions are not covered by the CSP support entitlement; a case
 * about one must name a valid support plan of the partner's own (seed 002: "ID kontrak
 * Program Mitra Cloud Microsoft AI, Premier, atau paket dukungan Azure"). The hub accepts
 * these id formats:
 *
 * | kind                         | format                | example                                   |
 * | ---------------------------- | --------------------- | ----------------------------------------- |
 * | partner-programme-contract   | `CPP-` + 7–10 digits  | `CPP-1234567`                             |
 * | premier                      | `PREMIER-` + 8 digits | `PREMIER-20250001`                        |
 * | azure-support-plan           | `AZSP-` + a UUID      | `AZSP-3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f7a8b9c` |
 */
export type SupportPlanKind = 'partner-programme-contract' | 'premier' | 'azure-support-plan';

/** The support plan every on-behalf-of case for a customer carries (domain.md §6). */
export const CSP_SUPPORT_PLAN = 'cloud-solution-provider';

const FORMATS: ReadonlyArray<[SupportPlanKind, RegExp]> = [
  ['partner-programme-contract', /^CPP-\d{7,10}$/],
  ['premier', /^PREMIER-\d{8}$/],
  ['azure-support-plan', /^AZSP-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
];

/** The kind of a valid support plan id, or undefined when the id matches no format. */
export function supportPlanKindOf(id: string | undefined): SupportPlanKind | undefined {
  if (!id) return undefined;
  return FORMATS.find(([, pattern]) => pattern.test(id))?.[0];
}

/** A support plan as api.md names its kinds: `{kind: premier | partner-program | azure-support, id}`. */
export interface SupportPlanRef {
  kind: 'premier' | 'partner-program' | 'azure-support';
  id: string;
}

const KIND_OF_REF: Record<SupportPlanRef['kind'], SupportPlanKind> = {
  premier: 'premier',
  'partner-program': 'partner-programme-contract',
  'azure-support': 'azure-support-plan',
};

/**
 * The plan's id when it is a valid id of the kind named; undefined otherwise, so the rule that
 * needs a valid plan refuses it (409 `support_plan_required`).
 */
export function validSupportPlanId(plan: SupportPlanRef | undefined): string | undefined {
  if (!plan) return undefined;
  return supportPlanKindOf(plan.id) === KIND_OF_REF[plan.kind] ? plan.id : undefined;
}
