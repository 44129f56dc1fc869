// Planned publication times: the datetime-local input speaks the editor's wall clock, the core
// takes RFC 3339 with the offset that clock has at that moment.

const localInput = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The moment a datetime-local value means here, or null for an empty or broken value. */
export function fromLocalInput(value: string): Date | null {
  const m = localInput.exec(value);
  if (!m) return null;
  const at = new Date(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  // No 30 February; an hour that a clock change skips moves on by itself.
  if (Number.isNaN(at.getTime()) || at.getMonth() !== +m[2]! - 1 || at.getDate() !== +m[3]!) return null;
  if (+m[4]! > 23 || +m[5]! > 59) return null;
  return at;
}

/** A moment as RFC 3339 in local time with its offset: "2026-12-01T14:30:00+01:00". */
export function toRfc3339(at: Date): string {
  const offset = -at.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  const clock = `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
  return `${day}T${clock}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** A moment as a datetime-local value ("2026-12-01T14:30"). */
export function toLocalInput(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** What the schedule field offers first: the next full quarter hour at least an hour ahead. */
export function suggestedTime(now: Date = new Date()): Date {
  const at = new Date(now.getTime() + 60 * 60 * 1000);
  at.setSeconds(0, 0);
  at.setMinutes(Math.ceil(at.getMinutes() / 15) * 15);
  return at;
}
