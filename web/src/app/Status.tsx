/** The small screens every route may end on: loading, no access, not found, an error. */
import type { ComponentChildren } from 'preact';
import { useT } from '../i18n/i18n.js';

export function Loading() {
  const t = useT();
  return (
    <p class="loading" role="status">
      {t('app.loading')}
    </p>
  );
}

/** A screen that is only a message: its heading and body are app.<which>.title and .body. */
function Notice({ which, children }: { which: 'noAccess' | 'notFound' | 'noCampus'; children?: ComponentChildren }) {
  const t = useT();
  return (
    <section class="notice" aria-labelledby={`${which}-title`}>
      <h1 id={`${which}-title`}>{t(`app.${which}.title`)}</h1>
      <p>{t(`app.${which}.body`)}</p>
      {children}
    </section>
  );
}

export function NoAccess() {
  const t = useT();
  return (
    <Notice which="noAccess">
      <p>
        <a href="/week">{t('app.noAccess.back')}</a>
      </p>
    </Notice>
  );
}

export const NotFound = () => <Notice which="notFound" />;
export const NoCampus = () => <Notice which="noCampus" />;

/** An error message where it happened, announced to screen readers. */
export function ErrorMessage({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p class="error" role="alert">
      {message}
    </p>
  );
}
