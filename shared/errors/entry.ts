// One catalogue entry: the message in each language, with {{placeholders}} filled from the details.
export type Lang = 'zh-CN' | 'en';

export type ErrorEntry = Record<Lang, string>;
