// The closure plan from facts: steps in order with their blockers, the next action, the four conditions of
// certification, and key dates counted on the Chinese working-day calendar (a deadline on a holiday moves
// to the next working day).
import { planOf } from '../../../../electron/core/plan/closure-plan';
import { keyDates, nextDeadline } from '../../../../electron/core/plan/key-dates';
import { clone, sound } from '../compliance/facts-fixture';

describe('closure plan', () => {
  it('a sound closure can be certified and has no blockers', () => {
    const plan = planOf(sound());
    expect(plan.steps.map((s) => s.id)).toEqual([
      'intake',
      'classify',
      'dispositions',
      'backup',
      'notify',
      'handover',
      'wipe',
      'certify',
    ]);
    expect(plan.blockers).toBe(0);
    expect(plan.canCertify).toBe(true);
    expect(plan.current).toBe('certify');
    expect(plan.nextAction).toMatchObject({ step: 'certify', route: 'compliance' });
    expect(plan.stage).toBe('destruction');
  });

  it('the first step not done is current, with its blockers and the page that does it', () => {
    const f = clone(sound());
    f.customers.withoutDisposition = 12;
    f.customers.destroyPending = 3;
    f.backups = { ...f.backups, copies: 0, present: 0, lastDrill: null, lastPassedDrillAt: null };
    f.handover = null; // nothing to hand over, nothing wiped yet
    f.customers.dispositions.TRANSFER = 0;
    f.wipe = { ...f.wipe, certificates: 0, certificateIds: [] };
    const plan = planOf(f);
    const by = Object.fromEntries(plan.steps.map((s) => [s.id, s]));
    expect(plan.current).toBe('dispositions');
    expect(plan.stage).toBe('review');
    expect(by.intake.state).toBe('done');
    expect(by.dispositions).toMatchObject({ state: 'current', action: { route: 'dispositions' } });
    expect(by.dispositions.blockers.map((b) => b.code)).toEqual(['without-disposition']);
    expect(by.dispositions.blockers[0].text.en).toContain('12');
    expect(by.backup).toMatchObject({ state: 'todo' });
    expect(by.backup.blockers.map((b) => b.code)).toEqual(['no-backup']);
    expect(by.wipe.blockers.map((b) => b.code)).toEqual(['destroy-pending']);
    expect(plan.canCertify).toBe(false);
    expect(by.certify.blockers.map((b) => b.code)).toEqual([
      'without-disposition',
      'destroy-pending',
      'no-passed-drill',
    ]);
  });

  it('without handover records, notify and handover wait for a confirmation by hand; with none to transfer they are not needed', () => {
    const f = clone(sound());
    f.handover = null;
    let by = Object.fromEntries(planOf(f).steps.map((s) => [s.id, s]));
    expect(by.notify).toMatchObject({ state: 'current', source: 'not-evaluated' });
    expect(by.handover.blockers.map((b) => b.code)).toEqual(['handover-unconfirmed']);
    expect(planOf(f).canCertify).toBe(false); // a transfer without a receipt
    f.compliance.settings['plan.confirm.handover'] = {
      at: '2026-03-01T00:00:00Z',
      by: 'owner',
      note: 'receipt on paper',
    };
    f.compliance.settings['plan.confirm.notify'] = {
      at: '2026-03-01T00:00:00Z',
      by: 'owner',
      note: 'letters',
    };
    by = Object.fromEntries(planOf(f).steps.map((s) => [s.id, s]));
    expect(by.handover).toMatchObject({ state: 'done', source: 'hand' });
    expect(planOf(f).canCertify).toBe(true);
    f.customers.dispositions.TRANSFER = 0;
    f.compliance.settings['plan.confirm.handover'] = null;
    by = Object.fromEntries(planOf(f).steps.map((s) => [s.id, s]));
    expect([by.notify.state, by.handover.state]).toEqual(['not-needed', 'not-needed']);
  });

  it('with handovers in the vault, notify and handover follow their evidence; a wipe without its certificate blocks', () => {
    const f = clone(sound());
    const h = f.handover!;
    Object.assign(h, { noticesPending: 4, transferWithoutHandover: 2, withReceipt: 0 });
    let plan = planOf(f);
    let by = Object.fromEntries(plan.steps.map((s) => [s.id, s]));
    expect(by.notify).toMatchObject({ state: 'current', source: 'evidence' });
    expect(by.notify.blockers.map((b) => b.code)).toEqual(['transfer-without-handover', 'notices-pending']);
    expect(by.handover.blockers.map((b) => b.code)).toEqual([
      'transfer-without-handover',
      'receipts-missing',
    ]);
    expect(by.certify.blockers.map((b) => b.code)).toEqual(['receipts-missing']);
    Object.assign(h, { noticesPending: 0, transferWithoutHandover: 0, withReceipt: 1 });
    f.wipe.uncertified = 1;
    plan = planOf(f);
    by = Object.fromEntries(plan.steps.map((s) => [s.id, s]));
    expect([by.notify.state, by.handover.state]).toEqual(['done', 'done']);
    expect(by.wipe.blockers.map((b) => b.code)).toEqual(['wipe-uncertified']);
    expect(by.certify.blockers.map((b) => b.code)).toEqual(['wipe-uncertified']);
  });

  it('the stage is the later of the first step not done and what the handovers and wipes show', () => {
    const f = clone(sound());
    f.customers.withoutDisposition = 12;
    f.wipe = { ...f.wipe, certificates: 0, certificateIds: [] };
    expect(planOf(f).current).toBe('dispositions');
    expect(planOf(f).stage).toBe('destruction'); // every handover received
    f.handover!.withReceipt = 0;
    expect(planOf(f).stage).toBe('handover'); // a handover started
    f.handover = null;
    expect(planOf(f).stage).toBe('review');
    f.wipe.certificates = 1;
    expect(planOf(f).stage).toBe('destruction'); // a certificate of sanitisation
  });

  it('a certified closure is in the certified stage with no next deadline', () => {
    const f = clone(sound());
    f.compliance.settings['plan.certified'] = { at: '2026-03-09T00:00:00Z', by: 'owner' };
    f.vault.keyDates = { deadline: '2026-06-30' };
    const plan = planOf(f);
    expect(plan.stage).toBe('certified');
    expect(plan.certified).toEqual({ at: '2026-03-09T00:00:00Z', by: 'owner' });
    expect(plan.nextDeadline).toBeNull();
  });

  it('counts the Company Law deadlines from the decision, moving a holiday end to the next working day', () => {
    const f = clone(sound('2025-09-20'));
    f.vault.keyDates = { decisionDate: '2025-09-16', deregistrationDate: '2026-03-31' };
    f.customers.retention = [];
    f.compliance.assessments.pipia.approvedAt = null;
    const dates = Object.fromEntries(keyDates(f).map((d) => [d.kind, d]));
    // 16 Sep + 15 days = 1 Oct, the National Day holiday (1–8 Oct 2025): the 9th.
    expect(dates['liquidation-group']).toMatchObject({
      date: '2025-10-09',
      rolledFrom: '2025-10-01',
      type: 'due',
      calendar: 'official',
      daysLeft: 19,
    });
    // 9 Oct + 10 days = Sunday 19 Oct: Monday the 20th; estimated, as the group's formation is not entered.
    expect(dates['creditor-notice']).toMatchObject({
      date: '2025-10-20',
      rolledFrom: '2025-10-19',
      estimated: true,
    });
    expect(dates.announcement).toMatchObject({ date: '2025-12-08', rolledFrom: null });
    expect(dates['claims-end']).toMatchObject({ date: '2026-01-22', estimated: true });
    expect(dates.deregistration).toMatchObject({ date: '2026-03-31', type: 'due' });
    expect(dates.decision).toMatchObject({ type: 'event', daysLeft: -4 });
    expect(nextDeadline(keyDates(f))?.kind).toBe('liquidation-group');

    f.compliance.settings['plan.dates'] = { liquidationGroupDate: '2025-09-25', objectionDeadline: null };
    const entered = Object.fromEntries(keyDates(f).map((d) => [d.kind, d]));
    expect(entered['liquidation-group']).toMatchObject({ date: '2025-09-25', type: 'event' });
    // 25 Sep + 10 = 5 Oct (holiday): the 9th; no longer estimated.
    expect(entered['creditor-notice']).toMatchObject({ date: '2025-10-09', estimated: false });
  });

  it('names retention ends, the objection deadline and the PIPIA keep-until date', () => {
    const f = clone(sound());
    f.customers.retention = [
      { basis: 'tax', records: 3, earliest: '2035-12-31', latest: '2035-12-31', expired: 0 },
      { basis: 'accounting', records: 4, earliest: '2055-12-31', latest: '2056-12-31', expired: 0 },
    ];
    f.compliance.settings['plan.dates'] = { liquidationGroupDate: null, objectionDeadline: '2026-04-10' };
    const dates = Object.fromEntries(keyDates(f).map((d) => [d.kind, d]));
    expect(dates['retention-next'].date).toBe('2035-12-31');
    expect(dates['retention-last'].date).toBe('2056-12-31');
    expect(dates['objection-deadline']).toMatchObject({ date: '2026-04-10', daysLeft: 31 });
    expect(dates['evidence-keep-until'].date).toBe('2029-02-15');
    expect(dates['evidence-keep-until'].label['zh-CN']).toContain('保存');
    expect(nextDeadline(keyDates(f))?.kind).toBe('objection-deadline');
  });
});
