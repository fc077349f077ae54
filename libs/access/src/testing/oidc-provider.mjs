// A real OpenID provider (the `oidc-provider` package) for the hub's sign-in tests, run as a
// child process (the package is ESM only). Argument: JSON { port, keys, audience, clients }:
// `keys` are private JWKs (the first signs), `clients` map a client id to its secret and the
// claims its client_credentials access tokens carry. Prints "ready <issuer>" once listening.
import Provider from 'oidc-provider';

const { port, keys, audience, clients } = JSON.parse(process.argv[2]);
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  jwks: { keys },
  clients: Object.entries(clients).map(([clientId, client]) => ({
    client_id: clientId,
    client_secret: client.secret,
    grant_types: ['client_credentials'],
    redirect_uris: [],
    response_types: [],
  })),
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => audience,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: 'hub',
        audience,
        accessTokenFormat: 'jwt',
        accessTokenTTL: 600,
        jwt: { sign: { alg: 'RS256' } },
      }),
    },
  },
  // The hub's claims (api.md "Auth") on the access token of each client.
  extraTokenClaims: (_ctx, token) => clients[token.clientId]?.claims,
});

const server = provider.listen(port, '127.0.0.1', () => console.log(`ready ${issuer}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
