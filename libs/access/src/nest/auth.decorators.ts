import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { AuthenticatedUser, TokenRole } from '../token';

export const PUBLIC_ROUTE = 'hub:public';
export const REQUIRED_ROLES = 'hub:roles';

/** A route anyone may call without a token (health, OpenAPI). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The caller's token must carry at least one of these roles (403 otherwise). */
export const RequireTokenRole = (...roles: TokenRole[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The authenticated caller of this request. */
export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthenticatedUser =>
    context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user,
);
