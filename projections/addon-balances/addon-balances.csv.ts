import { amount, toCsv } from '../customer-activity/csv';
import { PackageRow } from './addon-balances.queries';

const HEADER = [
  'packageId',
  'contractId',
  'name',
  'expiresOn',
  'state',
  'kind',
  'entitlementId',
  'service',
  'description',
  'unit',
  'total',
  'consumed',
  'remaining',
  'overage',
];

/** The add-on packages grid: one row per line, consumables then benefits (listed, not tracked). */
export function packagesCsv(packages: readonly PackageRow[]): string {
  return toCsv(
    HEADER,
    packages.flatMap((pkg) => {
      const head = [pkg.packageId, pkg.contractId, pkg.name, pkg.expiresOn, pkg.state];
      return [
        ...pkg.consumables.map((line) => [
          ...head,
          'consumable',
          line.entitlementId,
          line.service,
          line.description,
          line.unit,
          amount(line.total),
          amount(line.consumed),
          amount(line.remaining),
          amount(line.overage),
        ]),
        ...pkg.benefits.map((line) => [
          ...head,
          'benefit',
          line.entitlementId,
          line.service,
          line.description,
          '',
          '',
          '',
          '',
          '',
        ]),
      ];
    }),
  );
}
