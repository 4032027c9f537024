import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ERRORS, ERROR_CODES, formatError, isErrorCode } from '../../../shared/errors';

const ERRORS_DIR = join(__dirname, '..', '..', '..', 'shared', 'errors');

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('error catalogue', () => {
  it.each(ERROR_CODES)('%s has a Chinese and an English message with the same placeholders', (code) => {
    const entry = ERRORS[code];
    expect(entry['zh-CN'].trim()).not.toBe('');
    expect(entry.en.trim()).not.toBe('');
    expect(entry['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(placeholders(entry['zh-CN'])).toEqual(placeholders(entry.en));
  });

  it('codes are SCREAMING_SNAKE_CASE', () => {
    for (const code of ERROR_CODES) expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatError('NOT_ALLOWED', 'en', { role: 'auditor' })).toBe('Your role (auditor) may not do this');
    expect(formatError('NOT_ALLOWED', 'zh-CN', { role: 'auditor' })).toContain('auditor');
    expect(formatError('NOT_ALLOWED', 'en')).toContain('{{role}}');
  });

  it('defines each code in exactly one namespace file (a code defined twice would silently win)', () => {
    const perFile = readdirSync(ERRORS_DIR)
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'entry.ts')
      .flatMap((f) => Object.keys(Object.values(require(join(ERRORS_DIR, f)) as object)[0] as object));
    expect(perFile.sort()).toEqual([...ERROR_CODES].sort());
  });

  it('recognises its own codes only', () => {
    expect(isErrorCode('CANCELLED')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });
});
