import { validSupportPlanId } from './support-plan';

describe("a partner's own support plan (domain.md §6)", () => {
  it('accepts a plan whose id is valid for the kind named', () => {
    expect(validSupportPlanId({ kind: 'premier', id: 'PREMIER-20250001' })).toBe(
      'PREMIER-20250001',
    );
    expect(validSupportPlanId({ kind: 'partner-program', id: 'CPP-1234567' })).toBe('CPP-1234567');
    expect(
      validSupportPlanId({
        kind: 'azure-support',
        id: 'AZSP-3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f7a8b9c',
      }),
    ).toBeDefined();
  });

  it('refuses an id of another kind, a malformed id, or no plan', () => {
    expect(validSupportPlanId({ kind: 'premier', id: 'CPP-1234567' })).toBeUndefined();
    expect(validSupportPlanId({ kind: 'premier', id: 'PREMIER-1' })).toBeUndefined();
    expect(validSupportPlanId(undefined)).toBeUndefined();
  });
});
