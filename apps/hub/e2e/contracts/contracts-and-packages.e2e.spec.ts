import { ENTITLEMENTS } from '../hub.fixtures';
import { startedHub } from '../started-hub';

describe('contracts and add-on packages', () => {
  const { hub, f } = startedHub();
  let agreementId: string;
  let customerAdminToken: string;

  beforeAll(async () => {
    const customer = await f.customer();
    agreementId = customer.agreementId;
    customerAdminToken = f.tokenOf(customer.serviceAdministrator);
  });

  const contract = (overrides: object = {}) => ({
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    entitlements: ENTITLEMENTS,
    ...overrides,
  });
  const addContract = (token: string | undefined, body: object, id = agreementId) =>
    hub.call('POST', `/v1/agreements/${id}/contracts`, { token, body });
  const pkg = (overrides: object = {}) => ({
    name: 'Enhanced solution',
    expiresOn: '2026-06-30',
    entitlements: [
      {
        category: 'proactive',
        service: 'Workshops',
        unit: 'credits',
        quantity: 2.5,
        kind: 'consumable',
      },
    ],
    ...overrides,
  });

  describe('POST /v1/agreements/{agreementId}/contracts', () => {
    it('adds a contract (201 with contractId, position) with derived entitlement ids', async () => {
      const response = await addContract(f.csam, contract({ contractId: 'c-2026' }));
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        contractId: 'c-2026',
        position: expect.stringMatching(/^\d+$/),
      });
      const [added] = await hub.events.readStream('contract-c-2026');
      expect(added.type).toBe('ContractAdded');
      expect(added.data).toMatchObject({ agreementId, startsOn: '2026-01-01' });
      const generated = await addContract(
        f.csam,
        contract({ entitlements: [{ ...ENTITLEMENTS[0], entitlementId: undefined }] }),
      );
      expect(generated.status).toBe(201);
      const [line] = (await hub.events.readStream(`contract-${generated.body.contractId}`))[0].data
        .entitlements as { entitlementId: string }[];
      expect(line.entitlementId).toEqual(expect.any(String));
    });

    it('answers 400 for bad fields (quantity with seven decimals, a bad day) and an unknown field', async () => {
      const bad = await f.refused(() =>
        addContract(
          f.csam,
          contract({
            startsOn: '01/01/2026',
            entitlements: [{ ...ENTITLEMENTS[0], quantity: 1.2345678 }],
          }),
        ),
      );
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.details)).toEqual(
        expect.arrayContaining(['startsOn', 'entitlements.0.quantity']),
      );
      const none = await f.refused(() => addContract(f.csam, contract({ entitlements: [] })));
      expect(none.status).toBe(400);
      const unknown = await f.refused(() => addContract(f.csam, contract({ currency: 'EUR' })));
      expect(unknown.status).toBe(400);
      expect(unknown.body.details).toHaveProperty('currency');
      const endsFirst = await f.refused(() =>
        addContract(f.csam, contract({ endsOn: '2025-01-01' })),
      );
      expect(endsFirst.status).toBe(400);
      expect(endsFirst.body.details).toHaveProperty('endsOn');
    });

    it("answers 401, 403 (the customer's own administrator), 404 and 409", async () => {
      expect((await f.refused(() => addContract(undefined, contract()))).status).toBe(401);
      const byCustomer = await f.refused(() => addContract(customerAdminToken, contract()));
      expect(byCustomer.status).toBe(403);
      const noAgreement = await f.refused(() => addContract(f.csam, contract(), 'nope'));
      expect(noAgreement.status).toBe(404);
      const again = await f.refused(() => addContract(f.csam, contract({ contractId: 'c-2026' })));
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('contract_already_exists');
    });
  });

  describe('POST /v1/contracts/{contractId}/packages and /v1/packages/{id}/withdraw', () => {
    let contractId: string;
    beforeAll(async () => {
      contractId = await f.addContract(agreementId);
    });
    const purchase = (token: string | undefined, body: object, id = contractId) =>
      hub.call('POST', `/v1/contracts/${id}/packages`, { token, body });
    const withdraw = (token: string | undefined, body: object, id: string) =>
      hub.call('POST', `/v1/packages/${id}/withdraw`, { token, body });

    it("adds a package to the contract's agreement (201 with packageId) and withdraws it (200)", async () => {
      const response = await purchase(f.csam, pkg({ packageId: 'p-1' }));
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ packageId: 'p-1', position: expect.stringMatching(/^\d+$/) });
      const [bought] = await hub.events.readStream('package-p-1');
      expect(bought.data).toMatchObject({ contractId, agreementId });
      const withdrawn = await withdraw(f.csam, { reason: 'replaced' }, 'p-1');
      expect(withdrawn.status).toBe(200);
      expect(await f.typesIn('package-p-1')).toEqual(['AddOnPackagePurchased', 'PackageWithdrawn']);
    });

    it('answers 400 for bad and unknown fields', async () => {
      const bad = await f.refused(() => purchase(f.csam, pkg({ name: '', expiresOn: 'soon' })));
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.details)).toEqual(expect.arrayContaining(['name', 'expiresOn']));
      expect((await f.refused(() => purchase(f.csam, pkg({ price: 1 })))).status).toBe(400);
      expect((await f.refused(() => withdraw(f.csam, { reason: '' }, 'p-1'))).status).toBe(400);
      expect((await f.refused(() => withdraw(f.csam, { reason: 'x', y: 1 }, 'p-1'))).status).toBe(
        400,
      );
    });

    it('answers 401, 403, 404 and 409', async () => {
      expect((await f.refused(() => purchase(undefined, pkg()))).status).toBe(401);
      expect((await f.refused(() => purchase(customerAdminToken, pkg()))).status).toBe(403);
      expect(
        (await f.refused(() => withdraw(customerAdminToken, { reason: 'x' }, 'p-1'))).status,
      ).toBe(403);
      const noContract = await f.refused(() => purchase(f.csam, pkg(), 'nope'));
      expect(noContract.status).toBe(404);
      expect(noContract.body.code).toBe('contract_not_found');
      expect((await f.refused(() => withdraw(f.csam, { reason: 'x' }, 'nope'))).status).toBe(404);
      const twice = await f.refused(() => withdraw(f.csam, { reason: 'x' }, 'p-1'));
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('package_already_withdrawn');
      const sameId = await f.refused(() => purchase(f.csam, pkg({ packageId: 'p-1' })));
      expect(sameId.status).toBe(409);
    });
  });
});
