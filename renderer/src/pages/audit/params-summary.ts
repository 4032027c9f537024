// An audit entry's params and counts as one compact line ("role=operator · users=1"). The engine already
// keeps customer values and secrets out of them; ids are shortened, long values cut.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX = 40;

function show(value: unknown): string {
  if (typeof value === 'string') {
    if (UUID.test(value)) return `${value.slice(0, 8)}…`;
    return value.length > MAX ? `${value.slice(0, MAX)}…` : value;
  }
  if (Array.isArray(value)) return value.map(show).join(',');
  if (value !== null && typeof value === 'object') {
    const json = JSON.stringify(value);
    return json.length > MAX ? `${json.slice(0, MAX)}…` : json;
  }
  return String(value);
}

export function summariseParams(params: Record<string, unknown>, counts: Record<string, number>): string {
  return [...Object.entries(params), ...Object.entries(counts)]
    .map(([key, value]) => `${key}=${show(value)}`)
    .join(' · ');
}
