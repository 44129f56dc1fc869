import type { Status } from './ipc/bindings';

/** Every workflow status in workflow order. The Record below fails to compile if one is missing. */
const order: Record<Status, number> = {
  draft: 0,
  ready: 1,
  scheduled: 2,
  published: 3,
  updated: 4,
  withdrawn: 5,
};

export const statuses: readonly Status[] = (Object.keys(order) as Status[]).sort(
  (a, b) => order[a] - order[b],
);

/** The statuses the navigation lists: Entwürfe, Bereit, Geplant, Veröffentlicht. */
export const navStatuses: readonly Status[] = ['draft', 'ready', 'scheduled', 'published'];

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && Object.hasOwn(order, value);
}
