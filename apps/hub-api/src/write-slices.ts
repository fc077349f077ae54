import { AgreementsModule } from './agreements/agreements.module';
import { WorkspacesModule } from './workspaces/workspaces.module';

/** Every write-side slice module (commands, their handlers and routes). */
export const WRITE_SLICES = [AgreementsModule, WorkspacesModule];
