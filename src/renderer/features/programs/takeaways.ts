/**
 * The one-line takeaways under the preview charts (UX.md: each chart says its point in words):
 * "Volume rises 20 % to week 3, drops 40 % in the week-4 deload."
 */

const percent = (value: number) => `${Math.round(value)} %`;
const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

export interface WeekVolume {
  weekNumber: number;
  deload: boolean;
  workingSets: number;
}

/** Changes of less than this share read as "level". */
const LEVEL = 0.05;

export function volumeTakeaway(weeks: readonly WeekVolume[]): string {
  const first = weeks[0];
  if (!first || weeks.every((week) => week.workingSets === 0)) {
    return 'No sets planned yet: put templates on the days to see the volume wave.';
  }
  const parts: string[] = [];
  const training = weeks.filter((week) => !week.deload);
  const peak = training.reduce(
    (best, week) => (week.workingSets > best.workingSets ? week : best),
    training[0] ?? first,
  );
  const start = first.workingSets;
  if (start > 0 && peak.workingSets > start * (1 + LEVEL) && peak.weekNumber !== first.weekNumber) {
    parts.push(
      `Volume rises ${percent(((peak.workingSets - start) / start) * 100)} to week ${peak.weekNumber}`,
    );
  } else {
    const lowest = training.reduce(
      (low, week) => (week.workingSets < low.workingSets ? week : low),
      training[0] ?? first,
    );
    if (start > 0 && lowest.workingSets < start * (1 - LEVEL)) {
      parts.push(
        `Volume falls ${percent(((start - lowest.workingSets) / start) * 100)} by week ${lowest.weekNumber}`,
      );
    } else {
      parts.push(`Volume holds at about ${Math.round(peak.workingSets)} working sets a week`);
    }
  }
  const deloadIndex = weeks.findIndex((week, index) => week.deload && index > 0);
  if (deloadIndex > 0) {
    const deload = weeks[deloadIndex]!;
    const before = weeks[deloadIndex - 1]!;
    if (before.workingSets > 0 && deload.workingSets < before.workingSets) {
      parts.push(
        `drops ${percent(((before.workingSets - deload.workingSets) / before.workingSets) * 100)} in the week-${deload.weekNumber} deload`,
      );
    }
  }
  return `${parts.join(', ')}.`;
}

export interface WeekEffort {
  weekNumber: number;
  deload: boolean;
  averagePercentOneRepMax: number | null;
  averageRpe: number | null;
}

function trend(
  weeks: readonly WeekEffort[],
  pick: (week: WeekEffort) => number | null,
): { from: number; to: number; toWeek: number } | null {
  const training = weeks.filter((week) => !week.deload && pick(week) !== null);
  const first = training[0];
  if (!first) return null;
  const peak = training.reduce((best, week) => (pick(week)! > pick(best)! ? week : best), first);
  return { from: pick(first)!, to: pick(peak)!, toWeek: peak.weekNumber };
}

export function intensityTakeaway(weeks: readonly WeekEffort[]): string {
  const load = trend(weeks, (week) => week.averagePercentOneRepMax);
  const effort = trend(weeks, (week) => week.averageRpe);
  if (!load && !effort) return 'No loads as %1RM and no RPE or RIR yet, so there is no intensity to chart.';
  const parts: string[] = [];
  if (load) {
    parts.push(
      load.to > load.from + 0.5
        ? `Average intensity climbs from ${number.format(load.from)} to ${number.format(load.to)} %1RM by week ${load.toWeek}`
        : `Average intensity stays near ${number.format(load.from)} %1RM`,
    );
  }
  if (effort) {
    const text =
      effort.to > effort.from + 0.25
        ? `RPE from ${number.format(effort.from)} to ${number.format(effort.to)}`
        : `RPE near ${number.format(effort.from)}`;
    parts.push(parts.length === 0 ? text.replace(/^RPE/, 'Average RPE') : text);
  }
  return `${parts.join('; ')}.`;
}
