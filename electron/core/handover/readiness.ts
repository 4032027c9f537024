// What still stops a handover's package from being built, as codes the wizard and the CLI translate:
// the recipient's key, the route's reasoning (and the cross-border checklist), the agreement, the PIPIA
// approval, the notices, and the objection deadline (which only an owner may override, in writing).
import type { HandoverBlocker as Blocker } from '../../../shared/handover';
import type { VaultDb } from '../vault/database';
import { pipiaApproved } from './pipia';
import type { Handover } from './store';

/** Today as a calendar date where the person is (the deadline is a local date too). */
export function localDate(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** The deadline is the last day to object: it has passed from the next day on. */
export const deadlinePassed = (handover: Handover, now: Date): boolean =>
  handover.notice !== null && localDate(now) > handover.notice.deadline;

export function blockers(db: VaultDb, handover: Handover, now = new Date()): Blocker[] {
  const out: Blocker[] = [];
  const r = handover.recipient;
  if (!r.contactPerson || !r.contact || !r.address) out.push('recipient');
  if (handover.keyMode !== 'password' && !handover.certificatePem) out.push('certificate');
  if (!handover.reasoning.trim()) out.push('reasoning');
  if (handover.route === 'cross-border') {
    const c = handover.crossBorder;
    if (!c.mechanism || !c.protectionEquivalent || !c.rightsExplained) out.push('cross-border');
  }
  if (!db.prepare('SELECT 1 FROM handover_agreements WHERE handover_id = ?').get(handover.id))
    out.push('agreement');
  if (!pipiaApproved(db, handover)) out.push('pipia');
  const issued = db.prepare('SELECT 1 FROM handover_notices WHERE handover_id = ? LIMIT 1').get(handover.id);
  if (!handover.notice || !issued) out.push('notices');
  else if (!deadlinePassed(handover, now)) out.push('deadline');
  return out;
}
