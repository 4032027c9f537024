// Text the engine wrote in both languages (plans, checklists, risks), shown in the current one.
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../shared/bilingual';
import { currentLang } from '.';

/** A picker bound to the current language; the component re-renders when the language changes. */
export function useBi(): (text: Bilingual) => string {
  useTranslation();
  const lang = currentLang();
  return (text) => text[lang];
}
