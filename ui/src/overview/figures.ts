// The overview's figures shaped for the charts: categories along an axis, one series per
// status or source. Pure functions over what the core counted.
import type { Overview, Status } from '../lib/ipc/bindings';

/** Statuses in the order the stacks are drawn. */
export const chartStatuses: Status[] = ['draft', 'ready', 'scheduled', 'published', 'updated', 'withdrawn'];
/** Sources drawn on their own; the rest are summed as one. */
export const NAMED_SOURCES = 6;

export type Table = { categories: string[]; series: { key: string; values: number[] }[] };

/** Articles per week by status; weeks without articles are zero, statuses never seen left out. */
export function weeksByStatus(overview: Overview): Table {
  const weeks = overview.week_starts;
  const series = chartStatuses
    .map((status) => ({
      key: status,
      values: weeks.map((week) => overview.weeks.find((w) => w.week === week && w.status === status)?.count ?? 0),
    }))
    .filter((s) => s.values.some((v) => v > 0));
  return { categories: weeks, series };
}

/** Picture uses per month by source: the most used sources on their own, the rest as `other`. */
export function sourcesByMonth(overview: Overview, other: string, none: string): Table {
  const months = [...new Set(overview.sources.map((s) => s.month))].sort();
  const totals = new Map<string, number>();
  for (const s of overview.sources) totals.set(s.source, (totals.get(s.source) ?? 0) + s.uses);
  const named = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, NAMED_SOURCES).map(([source]) => source);
  const keyOf = (source: string) => (named.includes(source) ? source || none : other);
  const keys = [...new Set(overview.sources.map((s) => keyOf(s.source)))];
  const series = keys.map((key) => ({
    key,
    values: months.map((month) =>
      overview.sources.filter((s) => s.month === month && keyOf(s.source) === key).reduce((sum, s) => sum + s.uses, 0),
    ),
  }));
  return { categories: months, series };
}
