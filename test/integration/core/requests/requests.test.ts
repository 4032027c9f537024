// The customers' requests register on real vaults: registering and its errors, an access answer that
// holds the customer's records only (a property over random vaults with merges: JSON, CSV and the
// letter's text searched for every other customer's values), a correction through the import's reading,
// a deletion by the wipe's purge with its certificate (or refused by a retention basis, the letter
// saying which), and an objection that takes the customer out of a handover's selection.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CustomerRecord } from '../../../../shared/customer';
import { Random } from '../../../fixtures/random';
import { unwrap } from '../../support/vault-fixture';
import { exportAll, fillVault, valuesOf, type FilledVault } from '../../support/wipe-fixture';
import { handoverVault, readyHandover } from '../handover/handover-support';

/** The letter among the files a fulfilment wrote (its signature `.p7s` sits beside it). */
const letterOf = (files: string[]) => files.find((f) => f.endsWith('-letter.pdf'))!;

jest.setTimeout(600_000);

const pdfText = (file: string): string => {
  const out = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(out.status).toBe(0);
  return out.stdout;
};

/** The customer's record and every record merged into it, transitively. */
function customerOf(v: FilledVault, id: number): CustomerRecord[] {
  const ids = new Set([id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const r of v.before.values())
      if (r.mergedInto !== null && ids.has(r.mergedInto) && !ids.has(r.id)) {
        ids.add(r.id);
        grew = true;
      }
  }
  return [...v.before.values()].filter((r) => ids.has(r.id)).sort((a, b) => a.id - b.id);
}

function outDir(v: FilledVault, name: string): string {
  const dir = join(v.dir, name);
  mkdirSync(dir);
  return dir;
}

test.each([41, 42, 43])(
  "seed %i: an access answer holds that customer's records only (JSON, CSV, letter)",
  async (seed) => {
    const v = await fillVault({ seed, count: 80 });
    try {
      const r = new Random(seed);
      const all = [...v.before.values()];
      const active = all.filter((c) => c.mergedInto === null);
      const merged = active.filter((c) => all.some((m) => m.mergedInto === c.id));
      const pool = merged.length > 0 && r.chance(0.6) ? merged : active;
      const target = pool[r.int(0, pool.length - 1)];
      const own = customerOf(v, target.id);

      const added = unwrap(
        await v.engine.call('requests.add', {
          kind: 'access',
          recordId: target.id,
          receivedOn: '2026-09-21',
          identityCheck: 'id-document-seen',
        }),
      );
      expect(added.due.date).toBe('2026-10-19');
      const dir = outDir(v, 'answer');
      const done = unwrap(await v.engine.call('requests.fulfil', { id: added.ref, out: { path: dir } }));
      expect(done.status).toBe('fulfilled');
      expect(done.fulfilment).toMatchObject({ action: 'exported', records: own.length });
      expect(readdirSync(dir).sort()).toEqual([...done.fulfilment!.files].sort());

      const json = done.fulfilment!.files.find((f) => f.endsWith('.json'))!;
      const csv = done.fulfilment!.files.find((f) => f.endsWith('.csv'))!;
      const letter = done.fulfilment!.files.find((f) => f.endsWith('.pdf'))!;
      expect(JSON.parse(readFileSync(join(dir, json), 'utf8'))).toEqual(own);
      const csvText = readFileSync(join(dir, csv), 'utf8');
      expect(csvText.trimEnd().split('\r\n')).toHaveLength(own.length + 1);
      const letterText = pdfText(join(dir, letter));
      expect(letterText).toContain(added.ref);
      expect(letterText).toContain('Reply to your request');

      const ownValues = own.flatMap(valuesOf);
      const others = all
        .filter((c) => !own.some((o) => o.id === c.id))
        .flatMap(valuesOf)
        .filter((value) => !ownValues.some((o) => o.includes(value)));
      expect(others.length).toBeGreaterThan(50);
      const jsonText = readFileSync(join(dir, json), 'utf8');
      for (const value of others) {
        expect(jsonText).not.toContain(value);
        expect(csvText).not.toContain(value);
        expect(letterText).not.toContain(value);
      }
    } finally {
      await v.remove();
    }
  },
);

describe('one vault: register, correction, deletion, retention', () => {
  let v: FilledVault;
  let active: CustomerRecord[];
  let corrected = 0;
  beforeAll(async () => {
    v = await fillVault({ seed: 44, count: 40, merge: false });
    active = [...v.before.values()];
  }, 120_000);
  afterAll(() => v.remove());

  test('a record that does not exist is refused and nothing is registered', async () => {
    const refused = await v.engine.call('requests.add', {
      kind: 'access',
      recordId: 999_999,
      receivedOn: '2026-01-05',
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('RECORD_NOT_FOUND');
    expect(unwrap(await v.engine.call('requests.list', {}))).toEqual([]);
  });

  test('GDPR is extended once, with its reason; a second extension is refused', async () => {
    const added = unwrap(
      await v.engine.call('requests.add', { kind: 'complaint', regime: 'gdpr', receivedOn: '2026-01-31' }),
    );
    expect(added.due.date).toBe('2026-03-02');
    expect(added.recordId).toBeNull();
    const extended = unwrap(await v.engine.call('requests.extend', { id: added.id, reason: '请求复杂' }));
    expect(extended.due.date).toBe('2026-04-30');
    expect(extended.extension?.reason).toBe('请求复杂');
    const again = await v.engine.call('requests.extend', { id: added.id, reason: 'again' });
    expect(again.ok || again.error.code).toBe('REQUEST_EXTENDED');
    const closed = unwrap(await v.engine.call('requests.close', { id: added.ref, outcome: 'granted' }));
    expect(closed).toMatchObject({ status: 'closed', outcome: 'granted', daysLeft: null });
  });

  test('a correction goes through the field reading, is searchable, and refuses fields it cannot set', async () => {
    const target = active.find((c) => c.disposition !== 'RETAIN' && c.name)!;
    corrected = target.id;
    const added = unwrap(
      await v.engine.call('requests.add', { kind: 'correct', recordId: target.id, receivedOn: '2026-06-01' }),
    );
    const wrong = await v.engine.call('requests.fulfil', {
      id: added.id,
      out: { path: outDir(v, 'wrong') },
      corrections: [{ field: 'phone', value: '13800000000' }],
    });
    expect(wrong.ok || wrong.error.code).toBe('REQUEST_CORRECTION_FIELD');
    expect(readdirSync(join(v.dir, 'wrong'))).toEqual([]);
    const done = unwrap(
      await v.engine.call('requests.fulfil', {
        id: added.id,
        out: { path: outDir(v, 'corrected') },
        corrections: [{ field: 'name', value: '  更正后姓名　甲乙 ' }],
      }),
    );
    expect(done.fulfilment).toMatchObject({ action: 'corrected', fields: ['name'] });
    const found = unwrap(await v.engine.call('records.query', { query: '更正后姓名' }));
    expect(found.records.map((c) => c.id)).toEqual([target.id]);
    expect(found.records[0].name).toBe('更正后姓名 甲乙');
  });

  test('a deletion is the purge of that one customer, with its certificate; the request stays', async () => {
    const target = active.find((c) => c.disposition !== 'RETAIN' && c.id !== corrected)!;
    const added = unwrap(
      await v.engine.call('requests.add', { kind: 'delete', recordId: target.id, receivedOn: '2026-06-02' }),
    );
    const dir = outDir(v, 'deleted');
    const done = unwrap(await v.engine.call('requests.fulfil', { id: added.id, out: { path: dir } }));
    expect(done.fulfilment).toMatchObject({ action: 'deleted', records: 1 });
    expect(done.fulfilment!.certificateSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readdirSync(dir).some((f) => f.endsWith('.pdf') && f !== letterOf(done.fulfilment!.files))).toBe(
      true,
    );
    const after = await exportAll(v.engine, v.dir, 'after-delete');
    expect(after.map((c) => c.id)).not.toContain(target.id);
    expect(after).toHaveLength(active.length - 1);
    const listed = unwrap(await v.engine.call('requests.list', {})).find((q) => q.id === added.id)!;
    expect(listed.recordId).toBe(target.id);
    const letter = pdfText(join(dir, letterOf(done.fulfilment!.files)));
    expect(letter.replace(/\s+/g, '')).toContain(done.fulfilment!.wipeId!); // wrapped by the layout
  });

  test('a deletion whose letter could not be written finishes on the next attempt, from its certified purge', async () => {
    const after = await exportAll(v.engine, v.dir, 'before-retry');
    const target = after.find((c) => c.disposition !== 'RETAIN' && c.id !== corrected)!;
    const added = unwrap(
      await v.engine.call('requests.add', { kind: 'delete', recordId: target.id, receivedOn: '2026-06-04' }),
    );
    const dir = outDir(v, 'retry');
    const letter = `${added.ref}-${new Date().toISOString().slice(0, 10)}-letter.pdf`;
    mkdirSync(join(dir, letter)); // a folder where the letter goes: its write fails after the purge
    const failed = await v.engine.call('requests.fulfil', { id: added.id, out: { path: dir } });
    expect(failed.ok).toBe(false);
    expect((await exportAll(v.engine, v.dir, 'after-failed')).map((c) => c.id)).not.toContain(target.id);
    expect(
      unwrap(await v.engine.call('requests.list', { open: true })).find((q) => q.id === added.id)?.fulfilment,
    ).toBeNull();
    rmSync(join(dir, letter), { recursive: true });
    const done = unwrap(await v.engine.call('requests.fulfil', { id: added.id, out: { path: dir } }));
    expect(done.fulfilment).toMatchObject({ action: 'deleted', records: 1 });
    expect(done.fulfilment!.certificateSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(pdfText(join(dir, letter)).replace(/\s+/g, '')).toContain(done.fulfilment!.wipeId!);
  });

  test('a deletion under a retention basis keeps the record and the letter says why and until when', async () => {
    const now = await exportAll(v.engine, v.dir, 'before-retain');
    const target = [...now].reverse().find((c) => c.disposition !== 'RETAIN')!;
    unwrap(
      await v.engine.call('dispositions.set', {
        ids: [target.id],
        set: { disposition: 'RETAIN', basis: '会计档案保管期限', retainUntil: '2036-12-31' },
      }),
    );
    const added = unwrap(
      await v.engine.call('requests.add', { kind: 'delete', recordId: target.id, receivedOn: '2026-06-03' }),
    );
    const dir = outDir(v, 'retained');
    const done = unwrap(await v.engine.call('requests.fulfil', { id: added.id, out: { path: dir } }));
    expect(done.fulfilment).toMatchObject({
      action: 'retained',
      retention: { basis: '会计档案保管期限', until: '2036-12-31' },
    });
    const after = await exportAll(v.engine, v.dir, 'after-retain');
    expect(after.map((c) => c.id)).toContain(target.id);
    const letter = pdfText(join(dir, letterOf(done.fulfilment!.files)));
    expect(letter).toContain('会计档案保管期限');
    expect(letter).toContain('2036-12-31');
    const again = await v.engine.call('requests.fulfil', { id: added.id, out: { path: dir } });
    expect(again.ok || again.error.code).toBe('REQUEST_FULFILLED');
  });
});

test("objections in the register take the customers out of a handover's selection", async () => {
  const h = await handoverVault(12, 1);
  try {
    const handoverId = await readyHandover(h.v, { keyMode: 'password' });
    const before = unwrap(await h.v.engine.call('handover.selection', { handoverId }));
    expect(before).toMatchObject({ destined: 12, objectors: 0 });
    expect(before.selected).toBeGreaterThan(0);
    const added = [];
    for (const recordId of h.destined)
      added.push(
        unwrap(await h.v.engine.call('requests.add', { kind: 'object', recordId, receivedOn: '2026-03-02' })),
      );
    const after = unwrap(await h.v.engine.call('handover.selection', { handoverId }));
    expect(after).toMatchObject({ destined: 12, objectors: 12, selected: 0 });
    for (const q of added)
      unwrap(await h.v.engine.call('requests.close', { id: q.id, outcome: 'withdrawn' }));
    expect(unwrap(await h.v.engine.call('handover.selection', { handoverId }))).toEqual(before);
  } finally {
    await h.v.remove();
  }
});
