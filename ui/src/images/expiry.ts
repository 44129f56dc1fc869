// When a picture's license ends, as the core counts it: "expired" is before today, "expiring"
// ends today or within EXPIRING_DAYS (the list filter `expiring_within: 30`).

/** The window the "läuft ab" badge and the filter look ahead. */
export const EXPIRING_DAYS = 30;

export type LicenseState = 'expired' | 'expiring' | 'valid' | 'none';

/** Today in the local calendar as `YYYY-MM-DD`. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `day` moved by `days` (negative: back), as `YYYY-MM-DD`. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const moved = new Date(Date.UTC(y!, m! - 1, d! + days));
  return moved.toISOString().slice(0, 10);
}

/** What the badge says about a license ending on `expires`, seen on `day`. */
export function licenseState(expires: string | null, day: string = today()): LicenseState {
  if (!expires) return 'none';
  const end = expires.slice(0, 10);
  if (end < day) return 'expired';
  if (end <= addDays(day, EXPIRING_DAYS)) return 'expiring';
  return 'valid';
}
