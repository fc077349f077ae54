// A real OpenID provider (the `oidc-provider` package) for the hub's sign-in tests, run as a
// child process (the package is ESM only). Argument: JSON { port, keys, audience, clients,
// browser? }: `keys` are private JWKs (the first signs), `clients` map a client id to its
// secret and the claims its client_credentials access tokens carry. `browser`, when given, is
// a public client signing people in with the authorization code flow and PKCE: { clientId,
// redirectUri, accounts }, `accounts` mapping a login to the hub's claims of that person (the
// provider's own development login form takes any password). Prints "ready <issuer>".
import Provider from 'oidc-provider';

const { port, keys, audience, clients, browser } = JSON.parse(process.argv[2]);
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  jwks: { keys },
  clients: [
    ...Object.entries(clients).map(([clientId, client]) => ({
      client_id: clientId,
      client_secret: client.secret,
      grant_types: ['client_credentials'],
      redirect_uris: [],
      response_types: [],
    })),
    ...(browser
      ? [
          {
            client_id: browser.clientId,
            token_endpoint_auth_method: 'none',
            grant_types: ['authorization_code'],
            response_types: ['code'],
            redirect_uris: [browser.redirectUri],
          },
        ]
      : []),
  ],
  findAccount: (_ctx, id) =>
    browser?.accounts[id] ? { accountId: id, claims: () => ({ sub: id }) } : undefined,
  features: {
    devInteractions: { enabled: Boolean(browser) },
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
  extraTokenClaims: (_ctx, token) =>
    token.accountId ? browser?.accounts[token.accountId] : clients[token.clientId]?.claims,
});

const server = provider.listen(port, '127.0.0.1', () => console.log(`ready ${issuer}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
