/**
 * SCAFFOLD (issue 6): keeps the scheduled workouts of program applications true to their
 * programs. The real implementation replaces these bodies; the signatures are the contract
 * between the program services and the schedule.
 */
import type { ScheduleSync } from '../../shared/domain/program';
import type { DrizzleTx } from '../db/client';
import type { ServiceContext } from './context';

/**
 * After a program changed (inside the same transaction): bring every live application's future,
 * not-started workouts in line with it — create, move, retemplate, re-prescribe or remove them.
 * Past, started, done, skipped and deleted workouts never change; hand-moved ones keep their date.
 */
export async function syncProgramSchedules(
  _tx: DrizzleTx,
  _ctx: ServiceContext,
  _programId: string,
): Promise<ScheduleSync> {
  return { created: 0, updated: 0, removed: 0, athletes: 0 };
}

/**
 * After a template's exercises changed (inside the same transaction): refresh the frozen
 * prescription of its future, not-started workouts (program-derived ones through their program).
 */
export async function syncTemplateSchedules(
  _tx: DrizzleTx,
  _ctx: ServiceContext,
  _templateId: string,
): Promise<ScheduleSync> {
  return { created: 0, updated: 0, removed: 0, athletes: 0 };
}
