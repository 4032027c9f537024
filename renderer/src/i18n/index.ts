// i18next set-up: zh-CN by default, English on request, the choice kept in localStorage.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../../shared/errors';
import { readPreference, writePreference } from '../platform/preferences';
import { en } from './en';
import { errorMessages, INTERPOLATION_PREFIX, INTERPOLATION_SUFFIX, type ErrorMessages } from './errors';
import { zhCN, type UiMessages } from './zh-CN';

export type { Lang };
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
const DEFAULT_LANG: Lang = 'zh-CN';
const LANG_STORAGE_KEY = 'closeout.lang';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: { common: UiMessages; errors: ErrorMessages };
  }
}

function applyToDocument(lang: Lang): void {
  document.documentElement.lang = lang;
}

export function currentLang(): Lang {
  return LANGS.includes(i18next.language as Lang) ? (i18next.language as Lang) : DEFAULT_LANG;
}

export async function setLanguage(lang: Lang): Promise<void> {
  await i18next.changeLanguage(lang);
  writePreference(LANG_STORAGE_KEY, lang);
  applyToDocument(lang);
}

const initial = readPreference(LANG_STORAGE_KEY, LANGS, DEFAULT_LANG);

void i18next.use(initReactI18next).init({
  resources: {
    'zh-CN': { common: zhCN, errors: errorMessages('zh-CN') },
    en: { common: en, errors: errorMessages('en') },
  },
  lng: initial,
  fallbackLng: DEFAULT_LANG,
  supportedLngs: [...LANGS],
  load: 'currentOnly',
  ns: ['common', 'errors'],
  defaultNS: 'common',
  initAsync: false,
  returnNull: false,
  interpolation: {
    prefix: INTERPOLATION_PREFIX,
    suffix: INTERPOLATION_SUFFIX,
    // React escapes what it renders; escaping here too would show &amp; and friends.
    escapeValue: false,
  },
  // Like shared/errors formatError: a placeholder without a value stays visible, never vanishes.
  missingInterpolationHandler: (_text: string, match: RegExpExecArray) => match[0],
});
applyToDocument(initial);
