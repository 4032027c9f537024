// Every checklist rule is a pure function of the closure's facts and flips as the evidence does: met (or
// not applicable) on a sound closure, not met (or open, to answer by hand) when that evidence is missing
// or bad; and the rules waiting for a later feature's records answer "open" until those facts exist.
import { applicability } from '../../../../electron/core/compliance/applicability';
import { RULES } from '../../../../electron/core/compliance/checklist';
import type { ClosureFacts } from '../../../../electron/core/compliance/facts';
import { clone, sound } from './facts-fixture';

/** Items nothing in the vault can decide: always answered by hand. */
const HAND_ONLY = new Set(['iso-5.10', 'ccpa-120-opt-out']);

function broken(): ClosureFacts {
  const f = clone(sound());
  const old = new Date(f.now.getTime() - 90 * 24 * 3600 * 1000).toISOString();
  f.vault.encryptedAtRest = false;
  f.vault.recoveryKeyConfirmed = false;
  f.users.active = [{ id: 'u2', name: 'op', role: 'operator', passphraseScore: 1 }];
  f.audit = { ...f.audit, ok: false, firstProblem: { seq: 7, kind: 'hash' } };
  f.backups = { ...f.backups, onVaultDisk: 1, lastDrill: { at: old, ok: false }, lastPassedDrillAt: old };
  Object.assign(f.customers, {
    withoutDisposition: 10,
    destroyPending: 5,
    unclassified: 7,
    retainExpired: 3,
    sensitiveTransfer: 4,
    minorsTransfer: 1,
    transferNoRecipient: 2,
  });
  f.sources.plaintextKept = 2;
  f.lastProcessingChangeAt = '2026-03-05T00:00:00.000Z';
  f.compliance.assessments = {
    pipia: { status: 'draft', approvedAt: null },
    dpia: { status: 'new', approvedAt: null },
  };
  f.compliance.custodian = null;
  f.compliance.untrained = 1;
  f.compliance.withoutUndertaking = 1;
  f.handover = {
    ...f.handover!,
    noticesPending: 3,
    consentsMissing: 2,
    sensitiveWithoutConsent: 1,
    minorsWithoutConsent: 1,
    pipiasApproved: 0,
    crossBorderRecipients: 1,
    recipients: 2,
  };
  f.wipe = { ...f.wipe, uncertified: 1 };
  const overdue = { ref: 'R-0002', due: '2026-02-01', closedOn: null };
  f.requests = {
    pipl: { received: 2, open: 1, overdue: [overdue], answeredLate: [], nextDue: '2026-02-01' },
    gdpr: { received: 1, open: 1, overdue: [{ ...overdue, ref: 'R-0003' }], answeredLate: [], nextDue: null },
    ccpa: { received: 1, open: 1, overdue: [{ ...overdue, ref: 'R-0004' }], answeredLate: [], nextDue: null },
  };
  const lapse = {
    ref: 'I-0001',
    audience: 'authority',
    deadline: '2026-02-04T09:00:00.000Z',
    kind: 'lapsed',
  } as const;
  f.incidents = {
    ...f.incidents,
    byRegime: {
      pipl: { incidents: 1, lapses: [lapse], lateWithReasons: [], running: 0 },
      gdpr: { incidents: 1, lapses: [lapse], lateWithReasons: [], running: 0 },
      ccpa: {
        incidents: 1,
        lapses: [{ ...lapse, audience: 'individuals' }],
        lateWithReasons: [],
        running: 0,
      },
    },
    planSavedAt: null,
  };
  return f;
}

describe('checklist rules', () => {
  it('has unique ids, an article and a title in both languages for every rule', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.article.length).toBeGreaterThan(3);
      expect(r.title['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(r.title.en).toMatch(/[a-z]/);
    }
    expect(new Set(RULES.map((r) => r.regime))).toEqual(new Set(['pipl', 'gdpr', 'ccpa', 'iso27001']));
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s flips with its evidence', (id, rule) => {
    const good = rule.evaluate(sound());
    const bad = rule.evaluate(broken());
    for (const e of [good, bad]) {
      expect(e.evidence['zh-CN'].length).toBeGreaterThan(0);
      expect(e.evidence.en.length).toBeGreaterThan(0);
    }
    if (HAND_ONLY.has(id)) {
      expect([good.status, bad.status]).toEqual(['open', 'open']);
      return;
    }
    expect({ id, good: ['met', 'not-applicable'].includes(good.status) }).toEqual({ id, good: true });
    expect({ id, bad: ['not-met', 'open'].includes(bad.status) }).toEqual({ id, bad: true });
  });

  it('answers "open" (to answer by hand) where the feature that records the evidence has not', () => {
    const f = clone(sound());
    f.handover = null;
    f.requests = null;
    const open = RULES.filter((r) => r.evaluate(f).status === 'open').map((r) => r.id);
    expect(open).toEqual(
      expect.arrayContaining([
        'pipl-17-notice',
        'pipl-23-route',
        'pipl-38-cross-border',
        'ccpa-130-requests',
        'pipl-44-50-rights',
        'gdpr-12-rights',
      ]),
    );
    // …while what the vault itself holds is still decided from it.
    for (const id of ['pipl-51-encryption', 'pipl-47-deletion', 'iso-8.13', 'gdpr-32-restore'])
      expect([id, RULES.find((r) => r.id === id)!.evaluate(f).status]).toEqual([id, 'met']);
  });

  it('deletion is not met while records marked DESTROY are still in the vault, and says how many', () => {
    const f = clone(sound());
    f.customers.destroyPending = 17;
    const e = RULES.find((r) => r.id === 'pipl-47-deletion')!.evaluate(f);
    expect(e.status).toBe('not-met');
    expect(e.evidence.en).toContain('17');
    expect(e.evidence['zh-CN']).toContain('17');
  });

  it('the handover items follow the handovers recorded: vetting, agreement, route, notices, consents, PIPIA', () => {
    const rule = (id: string) => RULES.find((r) => r.id === id)!;
    const f = clone(sound());
    f.customers.sensitiveTransfer = 4;
    f.customers.minorsTransfer = 1;
    for (const id of [
      'pipl-23-route',
      'pipl-17-notice',
      'pipl-29-separate',
      'pipl-31-minors',
      'pipl-55-pipia',
    ])
      expect([id, rule(id).evaluate(f).status]).toEqual([id, 'met']);
    const h = f.handover!;
    Object.assign(h, { recipientsVetted: 0, agreementsSigned: 0 });
    const route = rule('pipl-23-route').evaluate(f);
    expect(route.status).toBe('not-met');
    expect(route.evidence.en).toContain('1 recipient not vetted');
    expect(route.evidence.en).toContain('1 handover without a signed agreement');
    Object.assign(h, { recipientsVetted: 1, agreementsSigned: 1, transferWithoutHandover: 6 });
    expect(rule('pipl-23-route').evaluate(f).evidence.en).toContain('6 TRANSFER records name a recipient');
    expect(rule('pipl-17-notice').evaluate(f)).toMatchObject({ status: 'not-met' });
    h.transferWithoutHandover = 0;
    h.sensitiveWithoutConsent = 2;
    expect(rule('pipl-29-separate').evaluate(f).status).toBe('not-met');
    expect(rule('pipl-31-minors').evaluate(f).status).toBe('met');
    h.minorsWithoutConsent = 1;
    expect(rule('pipl-31-minors').evaluate(f).evidence.en).toContain('guardian consent');
    h.pipiasApproved = 0;
    expect(rule('pipl-55-pipia').evaluate(f).evidence.en).toContain('1 of 1 handover has no approved PIPIA');
  });

  it('deletion needs every records wipe certified; with nothing ever marked DESTROY no certificate is asked for', () => {
    const rule = RULES.find((r) => r.id === 'pipl-47-deletion')!;
    const f = clone(sound());
    f.wipe.uncertified = 1;
    expect(rule.evaluate(f).evidence.en).toContain('1 records wipe has no certificate');
    f.wipe = { ...f.wipe, uncertified: 0, certificates: 0, certificateIds: [], purgedRecords: 0 };
    expect(rule.evaluate(f)).toMatchObject({ status: 'met' });
    expect(RULES.find((r) => r.id === 'ccpa-81-disposal')!.evaluate(f).status).toBe('met');
  });

  it('a restore drill older than 30 days no longer shows the backup restorable', () => {
    const f = clone(sound());
    const old = new Date(f.now.getTime() - 31 * 24 * 3600 * 1000).toISOString();
    f.backups.lastDrill = { at: old, ok: true };
    expect(RULES.find((r) => r.id === 'gdpr-32-restore')!.evaluate(f).status).toBe('not-met');
  });

  it("reads data subjects' rights from the requests register: by reference, late answers, none received", () => {
    const rule = (id: string) => RULES.find((r) => r.id === id)!;
    const f = clone(sound());
    expect(rule('pipl-44-50-rights').evaluate(f)).toMatchObject({ status: 'met' });
    expect(rule('pipl-44-50-rights').evaluate(f).evidence.en).toContain('the first due 2026-03-20');
    f.requests!.gdpr = { received: 0, open: 0, overdue: [], answeredLate: [], nextDue: null };
    const none = rule('gdpr-12-rights').evaluate(f);
    expect(none.status).toBe('not-applicable');
    expect(none.evidence.en).toContain('no GDPR data subject request received');
    f.requests!.ccpa.answeredLate = [{ ref: 'R-0007', due: '2026-02-01', closedOn: '2026-02-09' }];
    const late = rule('ccpa-130-requests').evaluate(f);
    expect(late.status).toBe('not-met');
    expect(late.evidence.en).toContain('R-0007 (due 2026-02-01, answered 2026-02-09)');
    expect(late.evidence['zh-CN']).toContain('R-0007');
    f.requests!.pipl.overdue = [
      { ref: 'R-0001', due: '2026-02-01', closedOn: null },
      { ref: 'R-0005', due: '2026-02-03', closedOn: null },
    ];
    const overdue = rule('pipl-44-50-rights').evaluate(f);
    expect(overdue.status).toBe('not-met');
    expect(overdue.evidence.en).toBe(
      '2 requests are overdue: R-0001 (due 2026-02-01), R-0005 (due 2026-02-03)',
    );
  });

  it('reads incidents from the register: a timer run out or a late notice by reference, none recorded, the plan and its drills', () => {
    const rule = (id: string) => RULES.find((r) => r.id === id)!;
    const f = clone(sound());
    f.incidents.byRegime.pipl.running = 1;
    expect(rule('pipl-57-incidents').evaluate(f)).toMatchObject({ status: 'met' });
    expect(rule('pipl-57-incidents').evaluate(f).evidence.en).toBe(
      '1 incident recorded; every notification due was sent or decided; 1 still to act on, none past its deadline',
    );
    f.incidents.byRegime.gdpr.lapses = [
      { ref: 'I-0002', audience: 'authority', deadline: '2026-02-04T09:00:00.000Z', kind: 'lapsed' },
    ];
    f.incidents.byRegime.ccpa.lapses = [
      { ref: 'I-0003', audience: 'individuals', deadline: '2026-03-01T09:00:00.000Z', kind: 'late' },
    ];
    const gdpr = rule('gdpr-33-breaches').evaluate(f);
    expect(gdpr.status).toBe('not-met');
    expect(gdpr.evidence.en).toBe(
      '1 notification duty not met in time: I-0002 (GDPR, authority: neither notified nor decided, deadline 2026-02-04 09:00 UTC)',
    );
    expect(gdpr.evidence['zh-CN']).toContain('I-0002（GDPR，通知监管部门，未通知也未记录决定');
    expect(rule('ccpa-82-breach').evaluate(f).evidence.en).toContain(
      'I-0003 (Cal. Civ. Code 1798.82, individuals: notified after the deadline',
    );
    // ISO A.5.24–5.28 reads every law's duties; PIPL's own item only PIPL's.
    expect(rule('iso-5.24').evaluate(f).evidence.en).toMatch(/^2 notification duties .*I-0002.*I-0003/);
    expect(rule('pipl-57-incidents').evaluate(f).status).toBe('met');
    f.incidents.byRegime.ccpa = { incidents: 0, lapses: [], lateWithReasons: [], running: 0 };
    const none = rule('ccpa-82-breach').evaluate(f);
    expect(none).toMatchObject({ status: 'not-applicable' });
    expect(none.evidence.en).toBe(
      'The incident register holds no incident under Cal. Civ. Code 1798.82 (1 recorded in all)',
    );
    const plan = rule('pipl-51-incident-plan');
    expect(plan.evaluate(f).status).toBe('met');
    f.incidents = { ...f.incidents, drillDue: true, lastDrill: '2025-01-10' };
    expect(plan.evaluate(f)).toMatchObject({ status: 'not-met' });
    expect(plan.evaluate(f).evidence.en).toContain('no drill in the last 12 months (last on 2025-01-10)');
    f.incidents.planSavedAt = null;
    expect(plan.evaluate(f).evidence.en).toBe('No emergency plan saved yet (only the template)');
  });

  it('a GDPR notice to the authority after 72 hours with the reasons for the delay meets Art. 33(1)', () => {
    const f = clone(sound());
    const late = {
      ref: 'I-0004',
      audience: 'authority',
      deadline: '2026-02-04T09:00:00.000Z',
      kind: 'late',
    } as const;
    f.incidents.byRegime.gdpr.lateWithReasons = [late];
    const gdpr = RULES.find((r) => r.id === 'gdpr-33-breaches')!.evaluate(f);
    expect(gdpr.status).toBe('met');
    expect(gdpr.evidence.en).toBe(
      '1 incident recorded; every notification due was sent or decided; 1 sent after the deadline with the reasons for the delay (GDPR Art. 33(1)): I-0004',
    );
    expect(gdpr.evidence['zh-CN']).toContain('1 项逾期发出但附有延迟原因（GDPR 第 33(1) 条）：I-0004');
    // Without reasons the same notice is a lapse.
    f.incidents.byRegime.gdpr = { ...f.incidents.byRegime.gdpr, lateWithReasons: [], lapses: [late] };
    expect(RULES.find((r) => r.id === 'gdpr-33-breaches')!.evaluate(f).status).toBe('not-met');
  });

  it('proposes GDPR and CCPA from the records, and an owner’s answer wins', () => {
    const f = clone(sound());
    const proposed = Object.fromEntries(applicability(f).map((a) => [a.regime, a]));
    expect(proposed.gdpr).toMatchObject({ applicable: true, proposed: true, decided: false });
    expect(proposed.ccpa).toMatchObject({ applicable: true, proposed: true, decided: false });
    f.customers.eu = 0;
    f.customers.california = 0;
    const none = Object.fromEntries(applicability(f).map((a) => [a.regime, a]));
    expect(none.gdpr.applicable).toBe(false);
    expect(none.ccpa.applicable).toBe(false);
    expect(none.ccpa.reason.en).toContain('US'); // US customers without a California address: check
    f.compliance.settings.applicability = {
      pipl: true,
      gdpr: true,
      ccpa: false,
      iso27001: false,
      at: '2026-03-01T00:00:00.000Z',
      by: 'owner',
    };
    const decided = Object.fromEntries(applicability(f).map((a) => [a.regime, a]));
    expect(decided.gdpr).toMatchObject({ applicable: true, proposed: false, decided: true });
    expect(decided.iso27001).toMatchObject({ applicable: false, decided: true });
  });
});
