import { type Language, language, setLanguage, t } from '../lib/i18n.ts';

const choices: { value: Language; label: string }[] = [
  { value: 'vi', label: 'Tiếng Việt' },
  { value: 'en', label: 'English' },
];

/** Each language is named in itself, so a reader finds theirs whichever language is on. */
export function LanguageSwitch() {
  return (
    <fieldset class="language-switch" aria-label={t('language.label')}>
      {choices.map(({ value, label }) => (
        <button
          key={value}
          type="button"
          lang={value}
          aria-pressed={language.value === value}
          data-testid={`lang-${value}`}
          onClick={() => setLanguage(value)}
        >
          {label}
        </button>
      ))}
    </fieldset>
  );
}
