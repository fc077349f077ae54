import { FormEvent, useState } from 'react';

/** Paste a bearer token (e.g. from `npm run token` or `npm run demo`) to sign in. */
export function SignInPage(props: { notice: string | null; onSignIn: (token: string) => void }) {
  const [text, setText] = useState('');
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
      <p>
        Open the sign-in link you were given, or paste a bearer token. <code>npm run demo</code>{' '}
        prints links for a demo dataset; <code>npm run token</code> mints a token.
      </p>
      <form onSubmit={submit}>
        <label htmlFor="token">Bearer token</label>
        <textarea id="token" rows={5} value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
