import { given } from '@hub/testing';
import { AgreementId, ContractId, PackageId, WorkspaceId } from '../shared';
import {
  CreateDefaultWorkspace,
  CreateWorkspace,
  MapContract,
  MapPackage,
} from './workspace.commands';
import { workspaceDecider } from './workspace.decider';
import { invitationIdFor, workspaceStream } from './workspace.state';
import {
  admin,
  agreementId,
  at,
  csam,
  invited,
  staffed,
  workspaceCreated,
  workspaceId,
} from './workspace.fixtures';

const createDefault: CreateDefaultWorkspace = {
  type: 'CreateDefaultWorkspace',
  workspaceId,
  agreementId,
  serviceAdministrator: { email: 'sa@contoso.com', name: 'Sam Admin' },
  namedContacts: [
    { email: 'nc@contoso.com', name: 'Nora Contact' },
    { email: 'SA@contoso.com', name: 'Sam again' },
  ],
  at,
};

const create: CreateWorkspace = {
  type: 'CreateWorkspace',
  workspaceId,
  agreementId,
  agreementExists: true,
  name: 'Data platform',
  purpose: 'Analytics team',
  administrator: { email: 'wa@contoso.com', name: 'Wanda Admin' },
  at,
  by: csam,
};

/** What every mapping command carries: the workspace, when, and the CSAM who asks. */
const mapping = { workspaceId, at, by: csam };
const contractId = 'con-1' as ContractId;
const packageId = 'pkg-1' as PackageId;
/** The fact a mapping records: the contract or package is visible in the workspace from `at`. */
const mappedFact = <T extends string, A extends object>(type: T, aspect: A) => ({
  type,
  data: { workspaceId, ...aspect, mappedAt: at },
});

const mapContract: MapContract = {
  type: 'MapContract',
  ...mapping,
  contractId,
  contractAgreementId: agreementId,
};
const contractMapped = mappedFact('ContractMappedToWorkspace', { contractId });
const mapPackage: MapPackage = {
  type: 'MapPackage',
  ...mapping,
  packageId,
  packageAgreementId: agreementId,
};
const packageMapped = mappedFact('PackageMappedToWorkspace', { packageId });

describe('workspace decider: creation and mapping', () => {
  it('names its stream and derives invitation ids case-insensitively', () => {
    expect(workspaceStream(workspaceId)).toBe('workspace-ws-1');
    expect(invitationIdFor(workspaceId, 'A@x.com')).toBe(invitationIdFor(workspaceId, 'a@x.com'));
    expect(invitationIdFor('ws-2' as WorkspaceId, 'a@x.com')).not.toBe(
      invitationIdFor(workspaceId, 'a@x.com'),
    );
  });

  describe('CreateDefaultWorkspace', () => {
    it('creates the default workspace and invites the Service Administrator and each named contact once', () => {
      given(workspaceDecider)
        .when(createDefault)
        .then([
          {
            type: 'WorkspaceCreated',
            data: {
              workspaceId,
              agreementId,
              name: 'Default workspace',
              purpose: 'Created on agreement activation',
              isDefault: true,
              createdAt: at,
            },
          },
          invited('sa@contoso.com', ['Member', 'WorkspaceAdministrator', 'CustomerAdministrator'], {
            name: 'Sam Admin',
          }),
          invited('nc@contoso.com', ['Member'], { name: 'Nora Contact' }),
        ]);
    });

    it('is a no-op when replayed', () => {
      given(workspaceDecider, [workspaceCreated]).when(createDefault).thenNothing();
    });
  });

  describe('CreateWorkspace', () => {
    it('creates the workspace and invites its first Workspace Administrator', () => {
      given(workspaceDecider)
        .when(create)
        .then([
          workspaceCreated,
          invited('wa@contoso.com', ['Member', 'WorkspaceAdministrator'], { name: 'Wanda Admin' }),
        ]);
    });

    it('refuses a caller who is not CSAM or AC', () => {
      given(workspaceDecider)
        .when({ ...create, by: admin })
        .thenFails('provider_role_required');
    });

    it('refuses a workspace after the agreement ended, or before it starts', () => {
      const agreementPeriod = { startsOn: '2024-01-01', endsOn: '2025-03-02' };
      given(workspaceDecider)
        .when({ ...create, agreementPeriod })
        .thenFails('agreement_not_in_effect');
      given(workspaceDecider)
        .when({ ...create, agreementPeriod: { startsOn: '2025-03-04', endsOn: '2026-01-01' } })
        .thenFails('agreement_not_in_effect');
      given(workspaceDecider)
        .when({ ...create, agreementPeriod: { startsOn: '2025-03-03', endsOn: '2025-03-03' } })
        .thenEvents(([event]) => expect(event.type).toBe('WorkspaceCreated'));
    });

    it('answers 404 for an unknown agreement', () => {
      given(workspaceDecider)
        .when({ ...create, agreementExists: false })
        .thenFails('agreement_not_found');
    });

    it('refuses a workspace id already used', () => {
      given(workspaceDecider, [workspaceCreated])
        .when(create)
        .thenFails('workspace_already_exists');
    });

    it('refuses an empty name', () => {
      given(workspaceDecider)
        .when({ ...create, name: ' ' })
        .thenFails('validation_failed');
    });
  });

  describe('MapContract / MapPackage', () => {
    it('maps a contract and a package of the agreement', () => {
      given(workspaceDecider, staffed).when(mapContract).then([contractMapped]);
      given(workspaceDecider, staffed).when(mapPackage).then([packageMapped]);
    });

    it('is a no-op when mapped twice', () => {
      given(workspaceDecider, [...staffed, contractMapped])
        .when(mapContract)
        .thenNothing();
      given(workspaceDecider, [...staffed, packageMapped])
        .when(mapPackage)
        .thenNothing();
    });

    it('refuses a caller who is not CSAM or AC, even a Workspace Administrator', () => {
      given(workspaceDecider, staffed)
        .when({ ...mapContract, by: admin })
        .thenFails('provider_role_required');
    });

    it('answers 404 for an unknown contract or package', () => {
      given(workspaceDecider, staffed)
        .when({ ...mapContract, contractAgreementId: null })
        .thenFails('contract_not_found');
      given(workspaceDecider, staffed)
        .when({ ...mapPackage, packageAgreementId: null })
        .thenFails('package_not_found');
    });

    it('refuses a contract or package of another agreement', () => {
      const other = 'agr-2' as AgreementId;
      given(workspaceDecider, staffed)
        .when({ ...mapContract, contractAgreementId: other })
        .thenFails('contract_not_in_agreement');
      given(workspaceDecider, staffed)
        .when({ ...mapPackage, packageAgreementId: other })
        .thenFails('package_not_in_agreement');
    });

    it('answers 404 for an unknown workspace', () => {
      given(workspaceDecider).when(mapContract).thenFails('workspace_not_found');
    });
  });
});
