import { describe, expect, it } from 'vitest';
import { intensityTakeaway, volumeTakeaway } from './takeaways';

const weeks = (sets: number[], deloads: number[] = []) =>
  sets.map((workingSets, index) => ({
    weekNumber: index + 1,
    deload: deloads.includes(index + 1),
    workingSets,
  }));

describe('the volume takeaway', () => {
  it('says how far volume rises to its peak and how much the deload drops it', () => {
    expect(volumeTakeaway(weeks([50, 55, 60, 36], [4]))).toBe(
      'Volume rises 20 % to week 3, drops 40 % in the week-4 deload.',
    );
  });

  it('calls a flat block level and a shrinking one falling', () => {
    expect(volumeTakeaway(weeks([40, 40, 41]))).toBe('Volume holds at about 41 working sets a week.');
    expect(volumeTakeaway(weeks([40, 32, 24]))).toBe('Volume falls 40 % by week 3.');
  });

  it('asks for templates when nothing is planned', () => {
    expect(volumeTakeaway(weeks([0, 0]))).toMatch(/^No sets planned yet/);
    expect(volumeTakeaway([])).toMatch(/^No sets planned yet/);
  });
});

describe('the intensity takeaway', () => {
  const effort = (percent: (number | null)[], rpe: (number | null)[], deloads: number[] = []) =>
    percent.map((averagePercentOneRepMax, index) => ({
      weekNumber: index + 1,
      deload: deloads.includes(index + 1),
      averagePercentOneRepMax,
      averageRpe: rpe[index] ?? null,
    }));

  it('names the climb in %1RM and RPE to the peak training week', () => {
    expect(intensityTakeaway(effort([70, 75, 80, 60], [7, 8, 9, 6], [4]))).toBe(
      'Average intensity climbs from 70 to 80 %1RM by week 3; RPE from 7 to 9.',
    );
  });

  it('speaks of RPE alone when no load is a %1RM, and says when there is nothing to chart', () => {
    expect(intensityTakeaway(effort([null, null], [8, 8]))).toBe('Average RPE near 8.');
    expect(intensityTakeaway(effort([null], [null]))).toMatch(/^No loads as %1RM/);
  });
});
