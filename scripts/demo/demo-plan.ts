// The demo's consumption plan: a year of deliveries at fixed steps back from today, so the
// totals are the same whatever day the demo runs (the browser test reads them as exact figures).

export interface Delivery {
  daysAgo: number;
  quantity: number;
}

/** `count` deliveries every `every` days, the last one today, alternating two quantities. */
export function everyNDays(count: number, every: number, quantities: number[]): Delivery[] {
  return Array.from({ length: count }, (_, k) => ({
    daysAgo: k * every,
    quantity: quantities[k % quantities.length],
  }));
}

export const PLAN = {
  /** Main contract (330 days ago to 35 days ahead). */
  mainProactive: everyNDays(47, 7, [5, 3]), // 24 x 5 + 23 x 3 = 189 of 200 hours
  mainReactive: everyNDays(24, 14, [6]), // 144 of 120 hours; one 6-hour record reversed: 138
  mainAdvisory: everyNDays(12, 28, [4.5]), // 54 of 80 hours
  mainEducation: everyNDays(11, 30, [1]), // 11 of 25 seats
  /** Europe contract (200 days ago to 165 days ahead). */
  euReactive: everyNDays(20, 10, [2]), // 40 of 60 hours
  euProactive: everyNDays(13, 14, [1.5]), // 19.5 of 40 credits
  /** Add-on package "Azure enhanced" (expires in 30 days). */
  packageCredits: everyNDays(6, 15, [2.5]), // 15 of 20 credits
  /** Add-on package "Security assessment" (expired 20 days ago). */
  expiredPackageHours: [
    { daysAgo: 60, quantity: 3 },
    { daysAgo: 40, quantity: 3 },
  ],
};
