import {
  CHANNEL_PREFIX,
  EVENT_NAMES,
  OP_NAMES,
  ROLES,
  channelFor,
  contract,
  isOpName,
} from '../../../shared/contract';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { handlers } from '../../../electron/core/host/router';

const CONTRACT_DIR = join(__dirname, '..', '..', '..', 'shared', 'contract');
const NOT_NAMESPACES = ['index.ts', 'op.ts', 'renamed.ts'];

describe('contract', () => {
  it('names every operation namespace.verb', () => {
    for (const op of OP_NAMES) expect(op).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/);
  });

  it('declares each namespace in its own file, and every operation exactly once', () => {
    const declared: string[] = [];
    for (const file of readdirSync(CONTRACT_DIR).filter((f) => !NOT_NAMESPACES.includes(f))) {
      const namespace = file.replace(/\.ts$/, '');
      const mod = require(join(CONTRACT_DIR, file)) as Record<string, unknown>;
      const ops = Object.keys(mod[`${namespace}Ops`] as object);
      expect(ops.length).toBeGreaterThan(0);
      for (const op of ops) expect(op.startsWith(`${namespace}.`)).toBe(true);
      declared.push(...ops);
    }
    expect(declared.sort()).toEqual([...OP_NAMES].sort());
  });

  it('gives every operation a wire channel with the closeout: prefix', () => {
    const channels = OP_NAMES.map(channelFor);
    expect(new Set(channels).size).toBe(OP_NAMES.length);
    for (const channel of channels) expect(channel.startsWith(CHANNEL_PREFIX)).toBe(true);
  });

  it('lists only known roles, and never an empty list', () => {
    for (const op of OP_NAMES) {
      const access = contract[op].access;
      if (access === 'public') continue;
      expect(access.length).toBeGreaterThan(0);
      for (const role of access) expect(ROLES).toContain(role);
    }
  });

  it('has exactly one engine handler per operation', () => {
    expect(Object.keys(handlers).sort()).toEqual([...OP_NAMES].sort());
  });

  it('does not treat inherited object keys as operations', () => {
    expect(isOpName('constructor')).toBe(false);
    expect(isOpName('__proto__')).toBe(false);
    expect(isOpName('app.info')).toBe(true);
  });

  it('rejects extra input fields (strict schemas)', () => {
    expect(contract['app.info'].input.safeParse({ path: '/etc/passwd' }).success).toBe(false);
    expect(contract['backup.prune'].input.safeParse({ keepLast: 5 }).success).toBe(true);
    expect(contract['backup.prune'].input.safeParse({ keepLast: 0 }).success).toBe(false);
    expect(contract['backup.prune'].input.safeParse({ keepLast: 2.5 }).success).toBe(false);
    expect(contract['backup.prune'].input.safeParse({ keepLast: 5, keepWeekly: 1 }).success).toBe(false);
  });

  it('ships no test or demo operation', () => {
    for (const op of OP_NAMES) expect(op).not.toMatch(/^(test|demo)\./);
  });

  it('declares events with dotted names', () => {
    for (const event of EVENT_NAMES) expect(event).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/);
  });
});
