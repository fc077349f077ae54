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
  /** At most six decimal places, like a consumption quantity (domain.md §2). */
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

/** Quantities are exact to the millionth (domain.md §2: at most 6 decimal places). */
export const QUANTITY_DECIMALS = 6;
const MILLION = 1_000_000;
/** The most one consumption record may carry (domain.md §2). */
export const MAX_CONSUMED_QUANTITY = 1_000_000;
/** The most an entitlement line may carry: its millionths (10^15) stay exact integers. */
export const MAX_LINE_QUANTITY = 1_000_000_000;

/** The decimal places a number needs when written in full (`1e-7` needs 7, `0.125` needs 3). */
function decimalPlaces(value: number): number {
  // String(n) is the shortest text that reads back as n, so its digits are the number's own.
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Math.abs(value)));
  if (!match) return Infinity;
  return Math.max(0, (match[2]?.length ?? 0) - Number(match[3] ?? 0));
}

/**
 * A quantity as integer millionths, or null when it is not a finite number with at most six
 * decimal places however written (`1e-7` has seven). Balances are summed in millionths so
 * 0.1 + 0.2 never drifts; 1,000,000 is 10^12 millionths, far below 2^53.
 */
export function toMillionths(quantity: number): number | null {
  if (typeof quantity !== 'number' || !Number.isFinite(quantity)) return null;
  if (decimalPlaces(quantity) > QUANTITY_DECIMALS) return null;
  const millionths = Math.round(quantity * MILLION);
  return Number.isSafeInteger(millionths) ? millionths : null;
}

/** Back from millionths to the number the API shows. */
export function fromMillionths(millionths: number): number {
  return millionths / MILLION;
}

/** A recorded fact's quantity in millionths: recorded facts were checked, so rounding is a guard. */
export function recordedMillionths(quantity: number): number {
  return toMillionths(quantity) ?? Math.round(quantity * MILLION);
}

/** A positive quantity of at most `max`, exact to the millionth (HTTP and inbound checks). */
export function isQuantity(value: unknown, max: number): boolean {
  if (typeof value !== 'number') return false;
  const millionths = toMillionths(value);
  return millionths !== null && millionths > 0 && value <= max;
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
    if (!isQuantity(input.quantity, MAX_LINE_QUANTITY)) {
      flag(
        `${at}.quantity`,
        `must be positive, at most ${MAX_LINE_QUANTITY}, with at most six decimal places`,
      );
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
