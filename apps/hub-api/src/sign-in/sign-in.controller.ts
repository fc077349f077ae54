import { Controller, Get, Inject } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '@hub/access';
import { HUB_CONFIG, HubConfig } from '@hub/runtime/config/hub-config';

class OpenIdSignInSchema {
  @ApiProperty({
    description:
      "the provider's issuer; its discovery document is at {issuer}/.well-known/openid-configuration",
  })
  issuer!: string;
  @ApiProperty({ description: 'the public client (no secret) the UI signs in as, with PKCE' })
  clientId!: string;
  @ApiProperty({ description: 'the audience (resource indicator) of access tokens for the hub' })
  audience!: string;
  @ApiProperty({ description: 'the scopes the UI asks for, space-separated' })
  scope!: string;
}

class SignInSchema {
  @ApiPropertyOptional({
    type: OpenIdSignInSchema,
    nullable: true,
    description: 'null: no provider sign-in configured (a bearer token is pasted or linked)',
  })
  openId!: OpenIdSignInSchema | null;
}

/**
 * What a browser needs to sign someone in before it has a token: the OpenID provider's issuer
 * and the UI's public client id. Nothing secret: a public client has no secret, and the hub
 * still verifies every token it is shown.
 */
@ApiTags('sign-in')
@Controller('sign-in')
export class SignInController {
  constructor(@Inject(HUB_CONFIG) private readonly config: HubConfig) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      "How the UI signs people in: the OpenID provider's issuer and public client id, if any",
  })
  @ApiOkResponse({ type: SignInSchema })
  signIn(): SignInSchema {
    const openId = this.config.jwt.openId;
    if (!openId?.signIn) return { openId: null };
    return {
      openId: {
        issuer: openId.issuer,
        clientId: openId.signIn.clientId,
        audience: openId.audience,
        scope: openId.signIn.scope,
      },
    };
  }
}
