// Duplicate review in the window, in Chinese and in English: after a generated CSV (with duplicates) is
// imported through the engine, "Find duplicates" lists the clusters; one, found by its WeChat ID written
// in another case, is merged with the name and the WeChat ID chosen from the other record and the merge
// undone, another has a record taken out.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ClusterView } from '../../shared/contract';
import { generateCustomers } from '../fixtures/customers';
import { encodeCsv } from '../fixtures/write-csv';
import { expect, test } from './fixtures';
import { keepScreenshot } from './harness/screenshot';
import type { Lang } from './pages/app-shell';
import { DuplicatesPage } from './pages/duplicates-page';

const OWNER = { name: '林晓', passphrase: '断桥残雪-平湖秋月-雷峰夕照' };
const N = 400;

for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
  test(`${lang}: find duplicates, merge one and undo it, take a record out of another`, async ({
    shell,
    page,
    seed,
    engine,
  }, testInfo) => {
    test.slow();
    const customers = [...generateCustomers(lang === 'en' ? 31 : 32, N, { duplicateRate: 0.12 })];
    const dir = await mkdtemp(path.join(os.tmpdir(), 'closeout-e2e-dedupe-'));
    try {
      const csv = path.join(dir, 'customers.csv');
      // One duplicate row shouts its person's WeChat ID: the same ID, so the two are compared and linked.
      const byIndex = new Map(customers.map((c) => [c.truth.index, c]));
      const shouting = customers.find(
        (c) =>
          c.truth.duplicateOf !== null &&
          c.truth.wechatKind === 'chosen' &&
          c.row.wechat !== '' &&
          byIndex.get(c.truth.duplicateOf)!.row.wechat === c.truth.wechat,
      )!;
      const shouted = shouting.truth.wechat!.toUpperCase();
      shouting.row = { ...shouting.row, wechat: shouted };
      await writeFile(csv, encodeCsv(customers.map((c) => c.row)));
      const vault = await seed({
        clientName: '宁波示例电器有限公司',
        owner: OWNER,
        afterCreate: async (call) => {
          await call('import.run', { inputs: [{ file: { path: csv } }] });
        },
      });
      const opened = await engine.call('vault.unlock', {
        vault: { vaultId: vault.vaultId },
        userName: OWNER.name,
        passphrase: OWNER.passphrase,
      });
      expect(opened.ok).toBe(true);

      const duplicates = new DuplicatesPage(page);
      await shell.open('duplicates');
      if (lang === 'en') await shell.switchLanguage('en');
      await expect(shell.pageTitle).toHaveText(lang === 'en' ? 'Duplicates' : '重复客户');
      await duplicates.run.click();
      await expect(duplicates.runSummary).toBeVisible({ timeout: 60_000 });

      const listed = await engine.call('duplicates.clusters', { status: 'pending', limit: 500 });
      if (!listed.ok) throw new Error(listed.error.code);
      const pairs = listed.value.clusters.filter((c: ClusterView) => c.members.length === 2);
      expect(pairs.length).toBeGreaterThanOrEqual(2);
      // The cluster of the shouted WeChat ID, so the WeChat ID can be chosen from the other record.
      const toMerge = listed.value.clusters.find((c) => c.members.some((m) => m.values.wechat === shouted))!;
      expect(toMerge.explanation.matched).toContain('wechat');
      const toSplit = pairs.find((c) => c.id !== toMerge.id)!;
      await expect(duplicates.filter('pending')).toContainText(String(listed.value.total));

      // Merge: keep a record with the WeChat ID as first written, take the shouted one and the other's name.
      const other = toMerge.members.find((m) => m.values.wechat === shouted)!;
      const keep = toMerge.members.find((m) => m.values.wechat === shouting.truth.wechat)!;
      await duplicates.clusterRow(toMerge.id).click();
      await expect(duplicates.detail).toHaveAttribute('data-cluster', String(toMerge.id));
      await expect(duplicates.memberSources(keep.id)).toContainText('customers.csv');
      await expect(duplicates.explanation).toBeVisible();
      await expect(duplicates.detail.getByTestId('match-wechat-exact').first()).toBeVisible();
      await expect(duplicates.detail.getByTestId(`value-wechat-${keep.id}`)).toHaveText(
        shouting.truth.wechat!,
      );
      await expect(duplicates.detail.getByTestId(`value-wechat-${other.id}`)).toHaveText(shouted);
      await duplicates.survivor(keep.id).click();
      if (keep.values.name !== other.values.name) await duplicates.choose('name', other.id).click();
      await duplicates.choose('wechat', other.id).click();
      await keepScreenshot(page, testInfo, `duplicates-${lang}`);
      await duplicates.merge.click();
      await expect(duplicates.detailStatus).toHaveAttribute('data-status', 'merged');
      const merged = await engine.call('duplicates.clusters', { clusterId: toMerge.id });
      if (!merged.ok) throw new Error(merged.error.code);
      expect(merged.value.clusters[0].merge).toMatchObject({
        survivorId: keep.id,
        mergedIds: toMerge.members.filter((m) => m.id !== keep.id).map((m) => m.id),
      });
      expect(merged.value.clusters[0].members.find((m) => m.id === keep.id)?.values).toMatchObject({
        name: other.values.name,
        wechat: shouted,
      });

      // Undo.
      await duplicates.unmerge.click();
      await expect(duplicates.detailStatus).toHaveAttribute('data-status', 'pending');
      const undone = await engine.call('duplicates.clusters', { clusterId: toMerge.id });
      if (!undone.ok) throw new Error(undone.error.code);
      expect(undone.value.clusters[0].members.find((m) => m.id === keep.id)?.values).toEqual(keep.values);

      // Take one record out of another pair: nothing is left to group, so the cluster goes.
      await duplicates.clusterRow(toSplit.id).click();
      await expect(duplicates.detail).toHaveAttribute('data-cluster', String(toSplit.id));
      await duplicates.split(toSplit.members[1].id).click();
      await duplicates.splitConfirm.click();
      await expect(duplicates.gone).toBeVisible();
      const after = await engine.call('duplicates.clusters', { status: 'pending', limit: 1 });
      if (!after.ok) throw new Error(after.error.code);
      expect(after.value.total).toBe(listed.value.total - 1);
      await expect(duplicates.filter('pending')).toContainText(String(listed.value.total - 1));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
