import { TestHub } from './test-hub';

/** The OpenAPI document describes the routes, parameters and answers of issue 17 (api.md). */
describe('OpenAPI: the finer rules and the views added (e2e)', () => {
  let hub: TestHub;
  let doc: Record<string, any>;

  beforeAll(async () => {
    hub = await TestHub.start();
    doc = (await hub.call('GET', '/docs-json')).body;
  });

  afterAll(() => hub.stop());

  it.each([
    ['/v1/agreements/{agreementId}/calendar', 'put'],
    ['/v1/agreements/{agreementId}/customer-administrators', 'post'],
    ['/v1/agreements/{agreementId}/customer-administrators/{userId}', 'delete'],
    ['/v1/workspaces/{workspaceId}/members/{userId}', 'delete'],
    ['/v1/partners/{partnerId}/cases', 'get'],
    ['/v1/gdap-relationships', 'get'],
    ['/v1/customers/{orgId}/service-health', 'get'],
    ['/v1/customers/{orgId}/readonly-sessions', 'get'],
    ['/v1/customer-activity/addon-packages/{packageId}/records', 'get'],
  ])('documents %s %s with its answer', (path, method) => {
    const operation = doc.paths[path]?.[method];
    expect(operation).toBeDefined();
    expect(Object.keys(operation.responses).some((status) => /^20\d$/.test(status))).toBe(true);
  });

  it('documents the fields added to commands and answers', () => {
    const schemas = doc.components.schemas;
    expect(schemas.OpenCaseDto.properties).toHaveProperty('language');
    expect(schemas.RequestGdapRelationshipDto.properties).toHaveProperty('autoExtend');
    expect(schemas.LogConsumptionDto.properties).toHaveProperty('deliveredHours');
    expect(schemas.CaseViewSchema.properties).toEqual(
      expect.objectContaining({
        everBreached: expect.anything(),
        breachedAt: expect.anything(),
        language: expect.anything(),
        timeLeftBeforeBreachSeconds: expect.anything(),
      }),
    );
    expect(schemas.OpenPartnerCaseDto.properties).toHaveProperty('supportPlan');
    const gdapQuery = doc.paths['/v1/gdap-relationships'].get.parameters.map(
      (p: { name: string }) => p.name,
    );
    expect(gdapQuery).toEqual(expect.arrayContaining(['partnerId', 'customerOrgId']));
  });
});
