/**
 * The program file (`programs.export` / `programs.import`): a versioned, self-contained JSON
 * document holding the program (weeks, days, week modifiers, day overrides) and every template it
 * uses with its exercises. Exercises are named by id AND name, so another device matches them by
 * id when it has the same catalogue and by name otherwise. Ids inside the file only link its
 * parts (days → templates, overrides → template exercises); an import makes new ones.
 */
import type { ProgramDetail } from '../../shared/domain/program';
import type { PrescriptionOverride } from '../../shared/domain/prescription';
import type { TemplateDetail } from '../../shared/domain/template';

export const PROGRAM_FILE_FORMAT = 'lift-tracker-program';
export const PROGRAM_FILE_VERSION = 1;
export const PROGRAM_FILE_EXTENSION = '.lift-program.json';

export interface ProgramFileExercise {
  /** Links the day overrides to this row. */
  id: string;
  exercise: { id: string; name: string };
  supersetGroup: string | null;
  sets: number;
  repsMin: number | null;
  repsMax: number | null;
  percentOneRepMax: number | null;
  loadKg: number | null;
  rpe: number | null;
  rir: number | null;
  restSeconds: number | null;
  tempo: string | null;
  notes: string;
  setDetails: TemplateDetail['exercises'][number]['setDetails'];
}

export interface ProgramFileTemplate {
  id: string;
  name: string;
  description: string;
  tags: string[];
  /** The program's own copy ("this week only"), not a library template. */
  programCopy: boolean;
  /** The template it was copied from, when that one is in the file too (else null). */
  forkedFromId: string | null;
  exercises: ProgramFileExercise[];
}

export interface ProgramFileDay {
  dayIndex: number;
  templateId: string | null;
  overrides: Record<string, PrescriptionOverride>;
}

export interface ProgramFileWeek {
  phase: string | null;
  deload: boolean;
  volumeFactor: number;
  intensityDeltaPercent: number;
  rpeDelta: number;
  days: ProgramFileDay[];
}

export interface ProgramFile {
  format: typeof PROGRAM_FILE_FORMAT;
  version: typeof PROGRAM_FILE_VERSION;
  exportedAt: string;
  program: {
    name: string;
    description: string;
    daysPerWeek: number;
    shiftOnMissed: boolean;
    weeks: ProgramFileWeek[];
  };
  templates: ProgramFileTemplate[];
}

/** "Strength Block — 4×" → "strength-block-4"; letters of any script are kept; never empty. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'program';
}

/** The file for a program as loaded by loadProgramDetail. */
export function toProgramFile(detail: ProgramDetail, exportedAt: Date): ProgramFile {
  const templates = new Map(detail.templates.map((template) => [template.id, template]));
  return {
    format: PROGRAM_FILE_FORMAT,
    version: PROGRAM_FILE_VERSION,
    exportedAt: exportedAt.toISOString(),
    program: {
      name: detail.name,
      description: detail.description,
      daysPerWeek: detail.daysPerWeek,
      shiftOnMissed: detail.shiftOnMissed,
      weeks: detail.weeks.map((week) => ({
        phase: week.phase,
        deload: week.deload,
        volumeFactor: week.volumeFactor,
        intensityDeltaPercent: week.intensityDeltaPercent,
        rpeDelta: week.rpeDelta,
        days: week.days.map((day) => {
          // Only overrides of exercises the template still has (an edit can leave stale keys).
          const exerciseIds = new Set(
            (day.templateId ? templates.get(day.templateId)?.exercises : undefined)?.map((item) => item.id),
          );
          return {
            dayIndex: day.dayIndex,
            templateId: day.templateId,
            overrides: Object.fromEntries(
              Object.entries(day.overrides).filter(([key]) => exerciseIds.has(key)),
            ),
          };
        }),
      })),
    },
    templates: detail.templates.map((template) => ({
      id: template.id,
      name: template.name,
      description: template.description,
      tags: template.tags,
      programCopy: template.ownerProgramId === detail.id,
      forkedFromId:
        template.forkedFromId && templates.has(template.forkedFromId) ? template.forkedFromId : null,
      exercises: template.exercises.map((item) => ({
        id: item.id,
        exercise: { id: item.exerciseId, name: item.exerciseName },
        supersetGroup: item.supersetGroup,
        sets: item.sets,
        repsMin: item.repsMin,
        repsMax: item.repsMax,
        percentOneRepMax: item.percentOneRepMax,
        loadKg: item.loadKg,
        rpe: item.rpe,
        rir: item.rir,
        restSeconds: item.restSeconds,
        tempo: item.tempo,
        notes: item.notes,
        setDetails: item.setDetails,
      })),
    })),
  };
}
