import { ProjectionDocs } from '@hub/projection/projection';

/**
 * A workspace's own copy of what is mapped into it (`contractIds`, `packageIds`). The activity
 * views keep one each rather than read the `access` projection's, so an as-of fold of one of
 * them alone answers with the mappings as they stood at that moment.
 */
export type WorkspaceMappedDoc<K extends string> = {
  [key: string]: unknown;
  workspaceId: string;
  agreementId: string;
} & Record<K, string[]>;

/** How one view keeps its workspaces' mappings: in `collection`, the mapped ids in `field`. */
export class WorkspaceMappings<K extends string> {
  constructor(
    private readonly collection: string,
    private readonly field: K,
  ) {}

  /** A workspace was created in its agreement. */
  created(docs: ProjectionDocs, workspaceId: string, agreementId: string): void {
    docs.put(this.collection, workspaceId, { ...this.current(docs, workspaceId), agreementId });
  }

  /** A contract or package was mapped into the workspace: listed once, in mapping order. */
  mapped(docs: ProjectionDocs, workspaceId: string, id: string): void {
    const doc = this.current(docs, workspaceId);
    const ids = doc[this.field];
    if (ids.includes(id)) return;
    docs.put(this.collection, workspaceId, { ...doc, [this.field]: [...ids, id] });
  }

  private current(docs: ProjectionDocs, workspaceId: string): WorkspaceMappedDoc<K> {
    const none = { workspaceId, agreementId: '', [this.field]: [] } as WorkspaceMappedDoc<K>;
    return docs.get<WorkspaceMappedDoc<K>>(this.collection, workspaceId) ?? none;
  }
}
