/** Sign-in: server URL (prefilled), username, password; each failure explained in plain words. */
import { useId, useState, type FormEvent } from 'react';
import { t } from '../i18n';
import type { SignInFailure } from '../session/api';
import { signIn, useSession } from '../session/sessionStore';

function failureText(failure: SignInFailure, server: string): string {
  switch (failure.reason) {
    case 'bad_url':
      return t('signIn.badUrl');
    case 'wrong_credentials':
      return t('signIn.wrongPassword');
    case 'unreachable':
      return t('signIn.unreachable', { server });
    case 'throttled':
      return t('signIn.throttled');
    case 'role_not_allowed':
      return t('signIn.roleNotAllowed', { role: failure.role });
    case 'server_error':
      return t('signIn.serverError', { message: failure.message });
  }
}

export function SignInScreen({ defaultServerUrl }: { defaultServerUrl: string }) {
  const state = useSession();
  const previous = state.phase === 'signed_out' ? state.previous : null;
  const notice = state.phase === 'signed_out' ? state.notice : null;
  const [serverUrl, setServerUrl] = useState(previous?.serverUrl ?? defaultServerUrl);
  const [username, setUsername] = useState(previous?.user.username ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { server: useId(), serverHint: useId(), username: useId(), password: useId(), error: useId() };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (username.trim() === '' || password === '') return setError(t('signIn.required'));
    setBusy(true);
    setError(null);
    try {
      const result = await signIn({ serverUrl, username, password });
      if (!result.ok) setError(failureText(result, serverUrl));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in" id="main">
      <h1>{t('app.name')}</h1>
      <section aria-labelledby="sign-in-heading" className="panel sign-in__panel">
        <h2 id="sign-in-heading">{t('signIn.heading')}</h2>
        <p>{t('signIn.intro')}</p>
        {notice === 'session_ended' && <p className="notice">{t('signIn.sessionEnded')}</p>}
        {notice === 'signed_out' && <p className="notice">{t('signOut.done')}</p>}
        <form onSubmit={(e) => void submit(e)} className="form" aria-describedby={error ? ids.error : undefined} noValidate>
          <label htmlFor={ids.server}>{t('signIn.server')}</label>
          <input id={ids.server} type="url" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} aria-describedby={ids.serverHint} autoComplete="url" />
          <p id={ids.serverHint} className="muted">
            {t('signIn.serverHint')}
          </p>
          <label htmlFor={ids.username}>{t('signIn.username')}</label>
          <input id={ids.username} value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" autoCapitalize="none" spellCheck={false} />
          <label htmlFor={ids.password}>{t('signIn.password')}</label>
          <input id={ids.password} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
          {error && (
            <div role="alert" id={ids.error} className="error-box">
              <strong>{t('signIn.errorHeading')}</strong>
              <p>{error}</p>
            </div>
          )}
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
        <p className="muted">{t('signIn.demoHint')}</p>
      </section>
    </main>
  );
}
