import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticationError, ForbiddenError } from '@hub/domain';
import { AuthenticatedUser, TokenRole } from '../claims';
import { TokenVerifier } from '../token-verifier';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';

/** Injection token for the `TokenVerifier` bearer tokens are checked with. */
export const TOKEN_VERIFIER = Symbol('TokenVerifier');

/**
 * Authenticates every route but those marked `@Public()`, and checks `@RequireTokenRole`.
 * Workspace roles are not checked here: they live in the hub (deciders and the access projection).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; user?: AuthenticatedUser }>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AuthenticationError('A bearer token is required');
    const user = await this.verifier.verify(match[1]);
    request.user = user;
    const required = this.reflector.getAllAndOverride<TokenRole[] | undefined>(
      REQUIRED_ROLES,
      targets,
    );
    if (required && !required.some((role) => user.roles.includes(role))) {
      throw new ForbiddenError(`This requires one of the roles: ${required.join(', ')}`);
    }
    return true;
  }
}
