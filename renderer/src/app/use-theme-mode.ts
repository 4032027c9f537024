// Light or dark, remembered across restarts.
import { useCallback, useEffect, useState } from 'react';
import { readPreference, writePreference } from '../platform/preferences';

const THEME_MODES = ['light', 'dark'] as const;
export type ThemeMode = (typeof THEME_MODES)[number];
const THEME_STORAGE_KEY = 'closeout.theme';

export function useThemeMode(): [ThemeMode, (mode: ThemeMode) => void] {
  const [mode, setMode] = useState<ThemeMode>(() => readPreference(THEME_STORAGE_KEY, THEME_MODES, 'light'));
  useEffect(() => {
    // Native parts (scroll bars, form controls) follow the theme too.
    document.documentElement.style.colorScheme = mode;
    document.documentElement.dataset.theme = mode;
  }, [mode]);
  const choose = useCallback((next: ThemeMode) => {
    setMode(next);
    writePreference(THEME_STORAGE_KEY, next);
  }, []);
  return [mode, choose];
}
