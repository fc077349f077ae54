import { TestHub } from '../test-hub';

type Schema = Record<string, any>;

/** The OpenAPI document describes the API (issue 18 item 10; api.md "Errors"). */
describe('the OpenAPI document', () => {
  let hub: TestHub;
  let document: Schema;

  beforeAll(async () => {
    hub = await TestHub.start();
    document = (await hub.call('GET', '/docs-json')).body;
  });
  afterAll(() => hub.stop());

  const operations = () =>
    Object.entries(document.paths as Record<string, Schema>).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
    );

  it('documents a success body and the 4xx answers, with the error schema, on every operation', () => {
    const errorRef = '#/components/schemas/ErrorBody';
    for (const { path, method, operation } of operations()) {
      const label = `${method.toUpperCase()} ${path}`;
      const success = Object.entries(operation.responses as Schema).filter(([code]) =>
        code.startsWith('2'),
      );
      expect({ label, success: success.length > 0 }).toEqual({ label, success: true });
      for (const [, response] of success)
        expect({ label, content: Object.keys(response.content ?? {}).length > 0 }).toEqual({
          label,
          content: true,
        });
      // /health answers without a token: no 401 there.
      for (const code of path.startsWith('/v1/') ? ['400', '401', '404'] : ['400', '404']) {
        const schema = operation.responses[code]?.content?.['application/json']?.schema;
        expect({ label, code, ref: schema?.$ref }).toEqual({ label, code, ref: errorRef });
      }
    }
    expect(document.components.schemas.ErrorBody.required).toEqual([
      'statusCode',
      'code',
      'message',
    ]);
  });

  it('gives every parameter a schema, and shared query parameters their format', () => {
    for (const { path, operation } of operations()) {
      for (const parameter of operation.parameters ?? []) {
        expect({ path, name: parameter.name, typed: !!parameter.schema?.type }).toEqual({
          path,
          name: parameter.name,
          typed: true,
        });
        if (parameter.name === 'minPosition') expect(parameter.schema.pattern).toBe('^\\d{1,20}$');
      }
    }
    const exportParameters = document.paths['/v1/customer-activity/exports/{file}'].get.parameters;
    expect(exportParameters.map((p: Schema) => p.name)).toEqual(
      expect.arrayContaining(['file', 'workspaceId', 'contractId', 'asOfDate', 'minPosition']),
    );
  });

  it('states the constraints the request DTOs enforce', () => {
    const schemas = document.components.schemas;
    expect(schemas.ActivateAgreementDto.required).toEqual(
      expect.arrayContaining(['customer', 'serviceAdministrator']),
    );
    expect(schemas.ActivateAgreementDto.additionalProperties).toBe(false);
    expect(schemas.ActivateAgreementDto.properties.startsOn).toMatchObject({ format: 'date' });
    expect(schemas.LogConsumptionDto.properties.quantity).toMatchObject({
      minimum: 0.000001,
      maximum: 1_000_000,
      multipleOf: 0.000001,
    });
    expect(schemas.CustomerDto.properties.orgId).toMatchObject({ minLength: 1 });
    const constrained = Object.values(schemas as Record<string, Schema>)
      .flatMap((schema) => Object.values(schema.properties ?? {}) as Schema[])
      .filter((p) =>
        ['maxLength', 'pattern', 'enum', 'minimum', 'format', 'maxItems'].some((k) => k in p),
      );
    expect(constrained.length).toBeGreaterThan(60);
  });

  it('states the rules that used to be Schemathesis exceptions, so what it allows is accepted', () => {
    const schemas = document.components.schemas;
    expect(schemas.BusinessCalendarDto.properties.timeZone.enum).toEqual(
      expect.arrayContaining(['Europe/Paris', 'America/Los_Angeles']),
    );
    const [marketplace, others] = schemas.RegisterSubscriptionDto.oneOf;
    expect(marketplace).toMatchObject({ required: ['isvContact'] });
    expect(others).toMatchObject({ not: { required: ['isvContact'] } });
    // Each inbound route lists its own types, each with its payload's schema.
    const body = (path: string) =>
      document.paths[path].post.requestBody.content['application/json'].schema.oneOf[0].oneOf;
    const typed = (path: string) =>
      body(path).map((envelope: Schema) => [
        envelope.allOf[1].properties.type.enum[0],
        envelope.allOf[1].properties.payload.$ref,
      ]);
    expect(typed('/v1/delivery/events')).toEqual(
      expect.arrayContaining([
        ['ConsumptionDelivered', '#/components/schemas/ConsumptionDeliveredPayload'],
      ]),
    );
    expect(typed('/v1/directory/events').map(([type]: string[]) => type)).not.toContain(
      'ConsumptionDelivered',
    );
    // Each export names its own parameters: a package's records need packageId.
    const records = document.paths['/v1/customer-activity/exports/addon-package-records.csv'].get;
    expect(records.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'packageId', required: true })]),
    );
  });
});
