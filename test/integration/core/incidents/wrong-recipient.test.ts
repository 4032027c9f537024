// A handover package sent to the wrong recipient: the incident's affected set is that package's selection
// (its record count and fields, as the vault recorded the transfer), encrypted; the residence counts come
// from the records it carried.
import { handoverVault, readyHandover } from '../handover/handover-support';
import { unwrap } from '../../support/vault-fixture';

jest.setTimeout(300_000);

test("wrong recipient: the package's records and fields, encrypted", async () => {
  const h = await handoverVault(24, 2);
  try {
    const call = h.v.engine.call.bind(h.v.engine);
    const handoverId = await readyHandover(h.v, { keyMode: 'password' });
    const built = unwrap(
      await call('handover.package', { handoverId, out: { path: h.v.dir }, password: '西湖-package-2026' }),
    );
    const detail = unwrap(await call('handover.get', { handoverId }));
    expect(built.records).toBe(detail.selection.selected);
    expect(built.records).toBeGreaterThan(0);

    const added = unwrap(
      await call('incidents.add', {
        kind: 'wrong-recipient',
        discoveredAt: new Date(Date.now() - 60_000).toISOString(),
        description: 'Package e-mailed to another company',
        source: { from: 'package', transferId: built.transferId },
      }),
    );
    expect(added.affected).toMatchObject({
      basis: 'handover-package',
      transferId: built.transferId,
      records: built.records,
      people: built.records,
      encrypted: true,
    });
    expect(added.affected.fields.length).toBeGreaterThan(0);
    expect(added.affected.fields).toEqual(expect.arrayContaining(['name']));

    const missing = await call('incidents.add', {
      kind: 'wrong-recipient',
      discoveredAt: new Date().toISOString(),
      description: 'no such package',
      source: { from: 'package', transferId: 99 },
    });
    expect(missing.ok ? null : missing.error.code).toBe('INCIDENT_SOURCE_NOT_FOUND');
  } finally {
    h.v.remove();
  }
});
