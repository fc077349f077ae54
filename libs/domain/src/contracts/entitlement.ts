import { EntitlementId, ValidationError, deterministicId } from '../shared';

/** The Customer Activity tile an entitlement counts towards (domain.md §2). */
export type EntitlementCategory =
  'reactive' | 'advisory' | 'proactive' | 'education' | 'assessment' | 'contacts';

/** `consumable`: tracked against its quantity; `benefit`: listed, never consumed. */
export type EntitlementKind = 'consumable' | 'benefit';

/** One entitlement line of a contract or an add-on package, as recorded. */
export interface EntitlementLine {
  entitlementId: EntitlementId;
  category: EntitlementCategory;
  service: string;
  description?: string;
  unit: string;
  /** At most two decimals (hours may be quarter hours, credits whole). */
  quantity: number;
  kind: EntitlementKind;
}

/** An entitlement line as a command gives it: the id may be left for the hub to derive. */
export type EntitlementInput = Omit<EntitlementLine, 'entitlementId'> & {
  entitlementId?: EntitlementId;
};

const CATEGORIES: readonly string[] = [
  'reactive',
  'advisory',
  'proactive',
  'education',
  'assessment',
  'contacts',
];
const KINDS: readonly string[] = ['consumable', 'benefit'];

/** A calendar day `YYYY-MM-DD` that exists. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/**
 * A quantity as integer hundredths, or null when it is not a finite number with at most
 * two decimals. Balances are summed in hundredths so 0.1 + 0.2 never drifts.
 */
export function toHundredths(quantity: number): number | null {
  if (typeof quantity !== 'number' || !Number.isFinite(quantity)) return null;
  const scaled = Math.round(quantity * 100);
  return Math.abs(scaled - quantity * 100) < 1e-6 ? scaled : null;
}

/** Back from hundredths to the number the API shows. */
export function fromHundredths(hundredths: number): number {
  return hundredths / 100;
}

/** Refuses (400) a period whose days are malformed or whose end precedes its start. */
export function validatePeriod(startsOn: string, endsOn: string): void {
  const fields: Record<string, string[]> = {};
  if (!isIsoDate(startsOn)) fields.startsOn = ['must be a day YYYY-MM-DD'];
  if (!isIsoDate(endsOn)) fields.endsOn = ['must be a day YYYY-MM-DD'];
  else if (!fields.startsOn && endsOn < startsOn) fields.endsOn = ['must not precede startsOn'];
  if (Object.keys(fields).length > 0) throw new ValidationError('Invalid period.', fields);
}

/**
 * Validates entitlement lines and fills in missing ids, derived from the owner (contract or
 * package) and the line's position so a retried command derives the same ids.
 */
export function normaliseEntitlements(
  ownerId: string,
  inputs: readonly EntitlementInput[],
): EntitlementLine[] {
  const fields: Record<string, string[]> = {};
  const flag = (field: string, reason: string) => (fields[field] ??= []).push(reason);
  if (inputs.length === 0) flag('entitlements', 'must name at least one entitlement');
  const lines = inputs.map((input, index): EntitlementLine => {
    const at = `entitlements[${index}]`;
    if (!CATEGORIES.includes(input.category)) flag(`${at}.category`, 'unknown category');
    if (!KINDS.includes(input.kind)) flag(`${at}.kind`, 'must be consumable or benefit');
    if (!input.service?.trim()) flag(`${at}.service`, 'must not be empty');
    if (!input.unit?.trim()) flag(`${at}.unit`, 'must not be empty');
    const hundredths = toHundredths(input.quantity);
    if (hundredths === null || hundredths <= 0) {
      flag(`${at}.quantity`, 'must be positive with at most two decimals');
    }
    const entitlementId =
      input.entitlementId ??
      (deterministicId('entitlement', ownerId, String(index)) as EntitlementId);
    return { ...input, entitlementId };
  });
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    if (seen.has(line.entitlementId)) flag(`entitlements[${index}].entitlementId`, 'duplicate');
    seen.add(line.entitlementId);
  });
  if (Object.keys(fields).length > 0) throw new ValidationError('Invalid entitlements.', fields);
  return lines;
}
