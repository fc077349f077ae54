import { FormEvent, useEffect, useState } from 'react';
import { OpenIdSignIn, beginSignIn, signInConfig } from '../openid';

/** Sends the browser to the OpenID provider (authorization code with PKCE). */
function ProviderSignIn(props: { config: OpenIdSignIn }) {
  const [problem, setProblem] = useState<string | null>(null);
  const go = () => {
    const route = /^#\/[a-z-]+/.exec(window.location.hash)?.[0] ?? '#/activity';
    beginSignIn(props.config, `${window.location.origin}/app/`, route, window.sessionStorage).then(
      (url) => window.location.assign(url),
      (error: Error) => setProblem(error.message),
    );
  };
  return (
    <section aria-labelledby="provider-heading" className="provider">
      <h2 id="provider-heading">With your organisation&apos;s account</h2>
      <p>
        The hub trusts the sign-in provider <code>{props.config.issuer}</code>.
      </p>
      {problem && (
        <p role="alert" className="notice">
          {problem}
        </p>
      )}
      <button type="button" onClick={go}>
        Sign in with your organisation
      </button>
    </section>
  );
}

/**
 * Sign in: through the hub's OpenID provider when it has one, or by pasting a bearer token
 * (e.g. from `npm run token` or `npm run demo`).
 */
export function SignInPage(props: { notice: string | null; onSignIn: (token: string) => void }) {
  const [text, setText] = useState('');
  const [provider, setProvider] = useState<OpenIdSignIn | null>(null);
  useEffect(() => {
    // The browser test's baseline for the first render of Customer Activity.
    if (!performance.getEntriesByName('sign-in-rendered').length)
      performance.mark('sign-in-rendered');
    signInConfig().then(setProvider, () => setProvider(null));
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) props.onSignIn(text.trim());
  };
  return (
    <main id="main" className="sign-in">
      <h1>Sign in to the support services hub</h1>
      {props.notice && (
        <p role="alert" className="notice">
          {props.notice}
        </p>
      )}
      {provider && <ProviderSignIn config={provider} />}
      <section aria-labelledby="token-heading">
        <h2 id="token-heading">With a link or a token</h2>
        <p>
          Open the sign-in link you were given, or paste a bearer token. <code>npm run demo</code>{' '}
          prints links for a demo dataset; <code>npm run token</code> mints a token.
        </p>
        <form onSubmit={submit}>
          <label htmlFor="token">Bearer token</label>
          <textarea id="token" rows={5} value={text} onChange={(e) => setText(e.target.value)} />
          <button type="submit">Sign in</button>
        </form>
      </section>
    </main>
  );
}
