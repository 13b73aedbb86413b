/** The small screens every route may end on: loading, no access, not found, an error. */
import { useT } from '../i18n/i18n.js';

export function Loading() {
  const t = useT();
  return (
    <p class="loading" role="status">
      {t('app.loading')}
    </p>
  );
}

export function NoAccess() {
  const t = useT();
  return (
    <section class="notice" aria-labelledby="no-access-title">
      <h1 id="no-access-title">{t('app.noAccess.title')}</h1>
      <p>{t('app.noAccess.body')}</p>
      <p>
        <a href="/week">{t('app.noAccess.back')}</a>
      </p>
    </section>
  );
}

export function NotFound() {
  const t = useT();
  return (
    <section class="notice" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('app.notFound.title')}</h1>
      <p>{t('app.notFound.body')}</p>
    </section>
  );
}

export function NoCampus() {
  const t = useT();
  return (
    <section class="notice" aria-labelledby="no-campus-title">
      <h1 id="no-campus-title">{t('app.noCampus.title')}</h1>
      <p>{t('app.noCampus.body')}</p>
    </section>
  );
}

/** An error message where it happened, announced to screen readers. */
export function ErrorMessage({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p class="error" role="alert">
      {message}
    </p>
  );
}
