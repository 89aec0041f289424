import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/domain/settings';
import type { AppErrorPayload } from '../../shared/ipc/result';
import { en } from './en';
import { pl } from './pl';

/** Polish first; English as the switch. The stored language setting decides after start-up. */
export function initI18n(language: Language = 'pl') {
  void i18next.use(initReactI18next).init({
    resources: { pl: { translation: pl }, en: { translation: en } },
    lng: language,
    fallbackLng: 'pl',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

export function setLanguage(language: Language): void {
  if (i18next.language !== language) void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

/** Error codes become words here, never in main. */
export function errorMessage(error: AppErrorPayload): string {
  return i18next.t(`errors.${error.code}`);
}
