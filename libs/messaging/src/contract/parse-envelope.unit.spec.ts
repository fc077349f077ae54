import { parseEnvelope } from './parse-envelope';
import { typesOfChannel } from './message-types';

const delivered = {
  consumptionId: 'c-1',
  contractId: 'k-1',
  entitlementId: 'e-1',
  quantity: 1.25,
  deliveredOn: '2025-03-31',
  reference: { kind: 'case', id: 'CASE-1' },
};
const envelope = (over: Record<string, unknown> = {}) => ({
  messageId: 'm-1',
  type: 'ConsumptionDelivered',
  schemaVersion: 1,
  occurredAt: '2025-03-31T09:00:00Z',
  source: 'delivery-service',
  payload: delivered,
  ...over,
});
const failureOf = (raw: unknown, options = {}) => {
  const result = parseEnvelope(raw, options);
  if (result.ok) throw new Error('expected a failure');
  return result;
};

describe('parseEnvelope', () => {
  it('turns bytes into a typed ConsumptionDelivered with a DTO payload', () => {
    const result = parseEnvelope(Buffer.from(JSON.stringify(envelope())));
    expect(result.ok).toBe(true);
    if (!result.ok || result.message.type !== 'ConsumptionDelivered') throw new Error('narrowing');
    expect(result.message.payload.quantity).toBe(1.25);
    expect(result.message.payload.reference).toEqual({ kind: 'case', id: 'CASE-1' });
    expect(result.message.messageId).toBe('m-1');
  });

  it('accepts a quantity with six decimals as it is', () => {
    const payload = { ...delivered, quantity: 0.125001, deliveredHours: 0.000001 };
    const result = parseEnvelope(Buffer.from(JSON.stringify(envelope({ payload }))));
    if (!result.ok || result.message.type !== 'ConsumptionDelivered') throw new Error('refused');
    expect(result.message.payload.quantity).toBe(0.125001);
    expect(result.message.payload.deliveredHours).toBe(0.000001);
  });

  it('accepts a valid message of every directory type', () => {
    const payloads: Record<string, object> = {
      OrganizationUpserted: {
        orgId: 'o-1',
        name: 'Contoso',
        createdAt: '2020-01-01T00:00:00.000Z',
        domains: [{ name: 'contoso.com', status: 'verified' }],
        sites: ['Paris'],
        orderNumbers: [],
        managedByPartnerIds: ['p-1'],
        administrators: [{ userId: 'u-1', email: 'a@contoso.com' }],
        licences: [{ sku: 'E5', quantity: 10 }],
      },
      UserUpserted: {
        userId: 'u-1',
        orgId: 'o-1',
        email: 'a@contoso.com',
        firstName: 'Ada',
        lastName: 'L',
        displayName: 'Ada L',
        status: 'active',
        licences: ['E5'],
        devices: [{ deviceId: 'd', model: 'X1' }],
        features: [],
      },
      EmailStatusReported: {
        userId: 'u-1',
        email: 'a@contoso.com',
        messageKind: 'invitation',
        status: 'bounced',
        at: '2025-01-01T10:00:00+01:00',
      },
      EmailSuppressed: { email: 'a@contoso.com', reason: 'hard bounce' },
      ServiceIncidentReported: {
        incidentId: 'inc-1',
        orgId: 'org-1',
        workload: 'exchange-online',
        status: 'service-degradation',
        title: 'Mail delayed',
        startedAt: '2025-01-01T10:00:00Z',
      },
    };
    for (const type of typesOfChannel('directory')) {
      const result = parseEnvelope(envelope({ type, payload: payloads[type] }));
      expect({ type, ok: result.ok, details: result.ok ? undefined : result.details }).toEqual({
        type,
        ok: true,
        details: undefined,
      });
    }
  });

  it('reports malformed JSON, including an empty value', () => {
    expect(failureOf(Buffer.from('{"messageId":')).reason).toBe('malformed_json');
    expect(failureOf(null).reason).toBe('malformed_json');
  });

  it('reports a bad envelope with the field at fault, and unknown envelope fields', () => {
    const bad = failureOf(envelope({ occurredAt: '31/03/2025', extra: 1 }));
    expect(bad.reason).toBe('invalid_envelope');
    expect(Object.keys(bad.details).sort()).toEqual(['extra', 'occurredAt']);
    expect(failureOf('[1,2]').reason).toBe('invalid_envelope');
    expect(failureOf(envelope({ schemaVersion: 2 })).details).toHaveProperty('schemaVersion');
  });

  it('keeps validating the envelope when it carries a __proto__ key', () => {
    const withProto = (over = {}) =>
      Buffer.from(JSON.stringify(envelope(over)).replace('{', '{"__proto__":{"type":"x"},'));
    expect(parseEnvelope(withProto()).ok).toBe(true);
    const bad = failureOf(withProto({ occurredAt: 'yesterday' }));
    expect(bad.reason).toBe('invalid_envelope');
    expect(Object.keys(bad.details)).toEqual(['occurredAt']);
  });

  it('reports an unknown type, and a known type on the wrong topic', () => {
    expect(failureOf(envelope({ type: 'InvoicePaid' })).reason).toBe('unknown_type');
    const wrongTopic = failureOf(envelope(), { acceptedTypes: typesOfChannel('directory') });
    expect(wrongTopic.reason).toBe('unknown_type');
  });

  it.each([
    ['a negative quantity', { quantity: -1 }, 'payload.quantity'],
    ['a seventh decimal', { quantity: 1.0000005 }, 'payload.quantity'],
    ['a quantity of 1e-7 (no decimal point in its text)', { quantity: 1e-7 }, 'payload.quantity'],
    ['a quantity above 1,000,000', { quantity: 1_000_000.5 }, 'payload.quantity'],
    ['delivered hours of 1e-7', { deliveredHours: 1e-7 }, 'payload.deliveredHours'],
    ['a quantity as text', { quantity: '2' }, 'payload.quantity'],
    ['a date that does not exist', { deliveredOn: '2025-02-30' }, 'payload.deliveredOn'],
    ['an instant for a date', { deliveredOn: '2025-03-31T00:00:00Z' }, 'payload.deliveredOn'],
    ['a reference without id', { reference: { kind: 'case' } }, 'payload.reference.id'],
    ['an unknown field', { colour: 'red' }, 'payload.colour'],
    ['an empty contract id', { contractId: '' }, 'payload.contractId'],
  ])('refuses a ConsumptionDelivered with %s', (_name, change, field) => {
    const failure = failureOf(envelope({ payload: { ...delivered, ...change } }));
    expect(failure.reason).toBe('invalid_payload');
    expect(failure.details).toHaveProperty([field]);
  });

  it('refuses a bad nested directory record', () => {
    const failure = failureOf(
      envelope({
        type: 'EmailStatusReported',
        payload: { userId: 'u', email: 'nope', messageKind: 'k', status: 'lost', at: 'x' },
      }),
    );
    expect(Object.keys(failure.details).sort()).toEqual([
      'payload.at',
      'payload.email',
      'payload.status',
    ]);
  });
});
