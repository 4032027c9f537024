// Text a person reads, written once in both languages where it is made (the engine's plans, checklists
// and reports), so the window, the CLI and the PDFs print the same words.
import type { Lang } from './errors/entry';

export type Bilingual = Readonly<Record<Lang, string>>;

export const bi = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, en });
