import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ApiError } from '../api/client.js';
import { errorText } from '../app/error-text.js';
import { LanguageSelect } from '../app/LanguageSelect.js';
import { ErrorMessage } from '../app/Status.js';
import { useScreen } from '../app/useScreen.js';
import { useT } from '../i18n/i18n.js';
import { sessionEnded, signInAs } from './session.state.js';

function messageFor(error: unknown, t: ReturnType<typeof useT>): string {
  if (error instanceof ApiError && error.code === 'auth.invalid_credentials') return t('session.wrong');
  if (error instanceof ApiError && (error.code === 'rate_limited' || error.status === 429)) return t('session.tooMany');
  if (error instanceof ApiError && error.code === 'auth.disabled') return t('session.disabled');
  return errorText(error);
}

export function SignInPage() {
  const t = useT();
  const { route, query } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useScreen('signin', t('session.title'));

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signInAs(email.trim(), password);
      const next = query.next && query.next.startsWith('/') && !query.next.startsWith('//') ? query.next : '/week';
      route(next, true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" class="sign-in">
      <form onSubmit={submit} aria-labelledby="sign-in-title" class="card">
        <h1 id="sign-in-title">{t('session.title')}</h1>
        <p>{t('session.intro')}</p>
        {sessionEnded.value && <p class="info">{t('session.ended')}</p>}
        <label>
          {t('session.email')}
          <input type="email" name="email" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label>
          {t('session.password')}
          <input type="password" name="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <ErrorMessage message={error ? messageFor(error, t) : null} />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('session.submitting') : t('session.submit')}
        </button>
        <LanguageSelect />
      </form>
    </main>
  );
}
