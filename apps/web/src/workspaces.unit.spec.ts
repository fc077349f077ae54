import { Workspace } from './types';
import { defaultWorkspace } from './workspaces';

const workspace = (workspaceId: string, roles: string[]): Workspace => ({
  workspaceId,
  agreementId: 'a1',
  name: workspaceId,
  isDefault: false,
  roles,
  administers: false,
});

describe('defaultWorkspace', () => {
  it('opens on the first workspace where the caller may see Customer Activity', () => {
    expect(
      defaultWorkspace([
        workspace('w1', ['Member']),
        workspace('w2', ['Member', 'CustomerActivity']),
        workspace('w3', ['WorkspaceAdministrator']),
      ]),
    ).toBe('w2');
  });

  it('opens on "all" for a caller without such a role, or without workspaces', () => {
    expect(defaultWorkspace([workspace('w1', ['Member', 'LearningManager'])])).toBe('all');
    expect(defaultWorkspace([])).toBe('all');
  });
});
