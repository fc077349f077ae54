import { Projection } from '@hub/projector/projection';
import { accessProjection } from './access/access.projection';

/** Every read model the projector runs. */
export const ALL_PROJECTIONS: readonly Projection[] = [accessProjection];
