import { LANGUAGES, language, setLanguage, useT, type Language } from '../i18n/i18n.js';

/** English or Spanish, at any time; each option is named in its own language. */
export function LanguageSelect() {
  const t = useT();
  return (
    <label class="language-choice">
      {t('app.language')}{' '}
      <select value={language.value} onChange={(e) => setLanguage(e.currentTarget.value as Language)} data-testid="language">
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`app.languages.${code}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
