// The notification timers each law sets from discovery: GDPR's 72 hours to the authority, California's
// 30 days to the residents, PIPL's "immediately"; stopped by a notice sent, a decision not to notify, or
// closing the incident.
import { incidentTimers, timerRunning, type TimerFacts } from '../../../shared/incidents';

const facts = (over: Partial<TimerFacts> = {}): TimerFacts => ({
  discoveredAt: '2026-03-02T08:00:00.000Z',
  regimes: ['pipl', 'gdpr', 'ccpa'],
  sent: {},
  decided: {},
  closed: false,
  ...over,
});
const at = (iso: string) => new Date(iso);
const find = (timers: ReturnType<typeof incidentTimers>, key: string) =>
  timers.find((t) => `${t.regime}:${t.audience}` === key)!;

test('GDPR: 72 hours to the authority, counted in whole hours, overdue after', () => {
  const t = find(incidentTimers(facts(), at('2026-03-03T08:30:00Z')), 'gdpr:authority');
  expect(t).toMatchObject({ deadline: '2026-03-05T08:00:00.000Z', state: 'running', hoursLeft: 47 });
  const late = find(incidentTimers(facts(), at('2026-03-05T09:00:01Z')), 'gdpr:authority');
  expect(late).toMatchObject({ state: 'overdue', hoursLeft: -2 });
  expect(find(incidentTimers(facts(), at('2026-03-03T08:30:00Z')), 'gdpr:individuals')).toMatchObject({
    deadline: null,
    state: 'running',
    hoursLeft: null,
  });
});

test('California: the residents within 30 days; no authority timer of its own', () => {
  const timers = incidentTimers(facts(), at('2026-03-10T08:00:00Z'));
  expect(find(timers, 'ccpa:individuals')).toMatchObject({
    deadline: '2026-04-01T08:00:00.000Z',
    rule: 'expedient',
    hoursLeft: 22 * 24,
  });
  expect(timers.filter((t) => t.regime === 'ccpa')).toHaveLength(1);
});

test('PIPL: immediately — runs from discovery, never counted late', () => {
  const timers = incidentTimers(
    facts({ regimes: ['pipl'], sent: { 'pipl:authority': '2026-03-04T08:00:00.000Z' } }),
    at('2026-03-05T08:00:00Z'),
  );
  expect(find(timers, 'pipl:authority').state).toBe('sent');
  expect(find(timers, 'pipl:individuals')).toMatchObject({
    deadline: '2026-03-02T08:00:00.000Z',
    state: 'running',
    hoursLeft: null,
  });
});

test('sent in time or late, decided not required, stopped at closure', () => {
  const now = at('2026-03-06T08:00:00Z');
  const sent = incidentTimers(
    facts({
      sent: { 'gdpr:authority': '2026-03-05T07:59:00.000Z', 'ccpa:individuals': '2026-04-02T00:00:00.000Z' },
      decided: { 'gdpr:individuals': 'not-required', 'pipl:individuals': 'notify' },
    }),
    now,
  );
  expect(find(sent, 'gdpr:authority').state).toBe('sent');
  expect(find(sent, 'ccpa:individuals').state).toBe('sent-late');
  expect(find(sent, 'gdpr:individuals').state).toBe('not-required');
  expect(find(sent, 'pipl:individuals').state).toBe('running');
  const closed = incidentTimers(facts({ closed: true }), now);
  expect(closed.every((t) => t.state === 'stopped')).toBe(true);
  expect(closed.some(timerRunning)).toBe(false);
});
