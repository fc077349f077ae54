import { rolesCoverWorkload } from './gdap-roles';
import { supportPlanKindOf } from './support-plan';

describe('support plan ids', () => {
  it('recognises the three documented formats only', () => {
    expect(supportPlanKindOf('CPP-1234567')).toBe('partner-programme-contract');
    expect(supportPlanKindOf('PREMIER-20250001')).toBe('premier');
    expect(supportPlanKindOf('AZSP-3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f7a8b9c')).toBe(
      'azure-support-plan',
    );
    expect(supportPlanKindOf('AZSP-123')).toBeUndefined();
  });
});

describe('rolesCoverWorkload', () => {
  it('ServiceSupportAdministrator covers every provider workload, readers none, marketplace never', () => {
    for (const workload of ['azure', 'office365', 'dynamics-crm', 'ems'] as const) {
      expect(rolesCoverWorkload(['ServiceSupportAdministrator'], workload)).toBe(true);
      expect(
        rolesCoverWorkload(['GlobalReader', 'DirectoryReader', 'SecurityReader'], workload),
      ).toBe(false);
    }
    expect(rolesCoverWorkload(['GlobalAdministrator'], 'marketplace')).toBe(false);
    expect(rolesCoverWorkload(['IntuneAdministrator'], 'ems')).toBe(true);
    expect(rolesCoverWorkload(['IntuneAdministrator'], 'office365')).toBe(false);
  });
});
