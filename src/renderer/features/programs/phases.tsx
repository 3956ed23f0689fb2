/**
 * Phase colours and the small outline of a program's phases (one block per week), shared by the
 * program list and the builder. Accumulation is blue, intensification orange, realization red and
 * deload green: the order a mesocycle runs in reads as cool to hot, then rest.
 */
import { Intent } from '@blueprintjs/core';
import { PHASE_LABELS, type Phase } from '../../../shared/domain/program';

export const PHASE_INTENTS: Record<Phase, Intent> = {
  accumulation: Intent.PRIMARY,
  intensification: Intent.WARNING,
  realization: Intent.DANGER,
  deload: Intent.SUCCESS,
};

export function phaseLabel(phase: Phase | null): string {
  return phase ? PHASE_LABELS[phase] : 'No phase';
}

/** "Accumulation ×3, Intensification ×2, Deload" — the outline in words, for screen readers and tooltips. */
export function describePhases(phases: readonly (Phase | null)[]): string {
  const runs: { phase: Phase | null; weeks: number }[] = [];
  for (const phase of phases) {
    const last = runs.at(-1);
    if (last && last.phase === phase) last.weeks += 1;
    else runs.push({ phase, weeks: 1 });
  }
  return runs.map((run) => `${phaseLabel(run.phase)}${run.weeks > 1 ? ` ×${run.weeks}` : ''}`).join(', ');
}

export function PhaseOutline({ phases }: { phases: readonly (Phase | null)[] }) {
  const description = `${phases.length} ${phases.length === 1 ? 'week' : 'weeks'}: ${describePhases(phases)}`;
  return (
    <span
      className={`lt-phase-outline${phases.length > 12 ? ' lt-phase-outline--long' : ''}`}
      role="img"
      aria-label={description}
      title={description}
    >
      {phases.map((phase, index) => (
        <span key={index} className={`lt-phase-outline__week lt-phase--${phase ?? 'none'}`} />
      ))}
    </span>
  );
}
