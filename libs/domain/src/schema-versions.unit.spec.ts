import { EVENT_UPCASTERS, schemaVersionOf } from './schema-versions';

const upcastV1 = (type: string, data: Record<string, unknown>) =>
  (EVENT_UPCASTERS[type] ?? []).reduce((current, step) => step(current), data);

describe('schema versions: CaseOpened v2', () => {
  const contact = { name: 'Pat', email: 'pat@partner.example', phone: '+1 555' };

  it("reads a v1 case of a partner's own subscription in the partner's own record: no workspace, no customer", () => {
    const v1 = {
      caseId: 'c1',
      workspaceId: 'partner-record-p1',
      title: 'Our own subscription',
      onBehalfOf: {
        partnerId: 'p1',
        customerOrgId: 'p1',
        partnerContact: contact,
        supportPlan: 'CPP-1234567',
      },
    };
    expect(schemaVersionOf('CaseOpened')).toBe(2);
    expect(upcastV1('CaseOpened', v1)).toEqual({
      caseId: 'c1',
      title: 'Our own subscription',
      onBehalfOf: { partnerId: 'p1', partnerContact: contact, supportPlan: 'CPP-1234567' },
    });
  });

  it("leaves a v1 case in a customer's workspace, filed by a partner or not, as it was", () => {
    const forCustomer = {
      caseId: 'c2',
      workspaceId: 'ws-1',
      onBehalfOf: {
        partnerId: 'p1',
        customerOrgId: 'org-1',
        partnerContact: contact,
        supportPlan: 'cloud-solution-provider',
      },
    };
    expect(upcastV1('CaseOpened', forCustomer)).toEqual(forCustomer);
    const direct = { caseId: 'c3', workspaceId: 'ws-1' };
    expect(upcastV1('CaseOpened', direct)).toEqual(direct);
  });
});
