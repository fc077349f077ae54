import { suppressionStream } from '@hub/domain/helpdesk';
import { SubjectKeyStore } from '@hub/event-store';
import { startedHub } from '../started-hub';

describe('POST /v1/delivery/events and /v1/directory/events', () => {
  const { hub, f } = startedHub();
  let contractId: string;

  beforeAll(async () => {
    const customer = await f.customer();
    contractId = await f.addContract(customer.agreementId);
  });

  let sequence = 0;
  const envelope = (type: string, payload: Record<string, unknown>, overrides: object = {}) => {
    sequence += 1;
    return {
      messageId: `msg-${sequence}`,
      type,
      schemaVersion: 1,
      occurredAt: '2026-03-02T10:00:00Z',
      source: 'delivery-service',
      payload,
      ...overrides,
    };
  };
  const delivered = (overrides: object = {}) =>
    envelope('ConsumptionDelivered', {
      consumptionId: `cons-${sequence + 1}`,
      contractId,
      entitlementId: 'dse-hours',
      quantity: 1.5,
      deliveredOn: '2026-03-02',
      reference: { kind: 'engagement', id: 'eng-1' },
      ...overrides,
    });
  const post = (
    channel: 'delivery' | 'directory',
    body: unknown,
    token: string | undefined = f.service,
  ) => hub.call('POST', `/v1/${channel}/events`, { token, body });

  it('records a ConsumptionDelivered (200 with messageId and position) with the message as its source', async () => {
    const message = delivered();
    const response = await post('delivery', message);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      messageId: message.messageId,
      position: expect.stringMatching(/^[1-9]\d*$/),
    });
    const [logged] = await hub.events.readStream(`ledger-${contractId}`);
    expect(logged.type).toBe('ConsumptionLogged');
    expect(logged.data).toMatchObject({
      consumptionId: message.payload.consumptionId,
      quantity: 1.5,
      source: 'delivery-service',
    });
    expect(logged.metadata).toMatchObject({
      source: 'http',
      actor: { service: 'delivery-service' },
      occurredAt: '2026-03-02T10:00:00Z',
    });
  });

  it('answers the same message twice with the same effect and appends nothing the second time', async () => {
    const message = delivered();
    const first = await post('delivery', message);
    expect(first.status).toBe(200);
    const before = await hub.settledEventCount();
    const again = await post('delivery', message);
    expect(again.status).toBe(200);
    expect(again.body.messageId).toBe(message.messageId);
    expect((await hub.allEvents()).length).toBe(before);
  });

  it('reverses through ConsumptionReversed, and records directory facts from a batch in order', async () => {
    const message = delivered();
    await f.ok('POST', '/v1/delivery/events', f.service, message);
    const reversal = envelope('ConsumptionReversed', {
      consumptionId: message.payload.consumptionId,
      reason: 'duplicate report',
    });
    await f.ok('POST', '/v1/delivery/events', f.service, reversal);
    expect((await f.typesIn(`ledger-${contractId}`)).slice(-1)).toEqual(['ConsumptionReversed']);

    const org = envelope(
      'OrganizationUpserted',
      {
        orgId: 'org-fabrikam',
        name: 'Fabrikam',
        createdAt: '2020-01-01T00:00:00Z',
        domains: [{ name: 'fabrikam.example', status: 'verified' }],
        sites: [],
        orderNumbers: [],
        managedByPartnerIds: ['partner-1'],
        administrators: [{ userId: 'u-1', email: 'admin@fabrikam.example' }],
        licences: [{ sku: 'E5', quantity: 10 }],
      },
      { source: 'directory' },
    );
    const suppressed = envelope(
      'EmailSuppressed',
      { email: 'Bob@Fabrikam.example', reason: 'hard bounce' },
      { source: 'mail' },
    );
    const batch = await f.ok('POST', '/v1/directory/events', f.service, {
      messages: [org, suppressed],
    });
    expect(batch.results.map((r: { messageId: string }) => r.messageId)).toEqual([
      org.messageId,
      suppressed.messageId,
    ]);
    expect(await f.typesIn('directory-org-org-fabrikam')).toEqual(['OrganizationUpserted']);
    // The suppression stream is named by the address's keyed hash, not the address.
    const addressKey = hub.app.get(SubjectKeyStore).addressKey('bob@fabrikam.example');
    expect(await f.typesIn(suppressionStream(addressKey))).toEqual(['EmailSuppressionRecorded']);
  });

  it('refuses an invalid payload and an unknown field with 400 validation_failed and field details, appending nothing', async () => {
    const bad = await f.refused(() => post('delivery', delivered({ quantity: -1 })));
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(Object.keys(bad.body.details)).toEqual(['payload.quantity']);

    const unknownField = await f.refused(() => post('delivery', delivered({ colour: 'red' })));
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.details).toEqual({
      'payload.colour': [expect.stringContaining('should not exist')],
    });

    const envelopeField = await f.refused(() => post('delivery', { ...delivered(), extra: 1 }));
    expect(envelopeField.body.details).toHaveProperty('extra');
  });

  it('refuses a type of the other channel as unknown (400)', async () => {
    const misplaced = envelope('EmailSuppressed', { email: 'a@b.example', reason: 'x' });
    const response = await f.refused(() => post('delivery', misplaced));
    expect(response.status).toBe(400);
    expect(response.body.details).toHaveProperty('type');
  });

  it('checks a whole batch before handling any of it', async () => {
    const response = await f.refused(() =>
      post('delivery', { messages: [delivered(), delivered({ deliveredOn: 'soon' })] }),
    );
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.details)).toEqual(['messages.1.payload.deliveredOn']);
  });

  it('answers 401 without a token and 403 without the Service role', async () => {
    expect(
      (await f.refused(() => hub.call('POST', '/v1/delivery/events', { body: delivered() })))
        .status,
    ).toBe(401);
    const forbidden = await f.refused(() => post('directory', delivered(), f.csam));
    expect(forbidden.status).toBe(403);
  });

  it('answers 404 for an unknown contract and 409 benefit_not_consumable, appending nothing', async () => {
    const missing = await f.refused(() =>
      post('delivery', delivered({ contractId: 'no-such-contract' })),
    );
    expect(missing.status).toBe(404);

    const benefit = await f.refused(() =>
      post('delivery', delivered({ entitlementId: 'webcasts' })),
    );
    expect(benefit.status).toBe(409);
    expect(benefit.body.code).toBe('benefit_not_consumable');
  });

  it('refuses a message id reused with another payload (409 message_id_reused), appending nothing', async () => {
    const first = delivered();
    expect((await post('delivery', first)).status).toBe(200);
    const reused = await f.refused(() =>
      post('delivery', { ...first, payload: { ...first.payload, quantity: 2 } }),
    );
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('message_id_reused');
    const suppressed = envelope('EmailSuppressed', {
      email: 'x@contoso.example',
      reason: 'bounce',
    });
    expect((await post('directory', suppressed)).status).toBe(200);
    const other = await f.refused(() =>
      post('directory', {
        ...suppressed,
        payload: { email: 'y@contoso.example', reason: 'bounce' },
      }),
    );
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('message_id_reused');
  });
});
