/**
 * Test support for the program services: three library templates to build programs from, a new
 * program in one call, a save that edits the stored document, and the document form of a program.
 */
import { uuidv7 } from 'uuidv7';
import { beforeAll } from 'vitest';
import type { InputOf, OutputOf } from '../../shared/contract';
import { programDocument, type ProgramDetail, type ProgramDocument } from '../../shared/domain/program';
import type { TemplateDetail } from '../../shared/domain/template';
import { catalogueExerciseId } from './schedule-test-support';
import { callChannel as call, type ServiceFixture } from './test-fixtures';

/** The document the builder would hold for a stored program. */
export function toDocument(detail: ProgramDetail): ProgramDocument {
  return {
    name: detail.name,
    description: detail.description,
    daysPerWeek: detail.daysPerWeek,
    shiftOnMissed: detail.shiftOnMissed,
    weeks: detail.weeks.map((week) => ({
      id: week.id,
      phase: week.phase,
      deload: week.deload,
      volumeFactor: week.volumeFactor,
      intensityDeltaPercent: week.intensityDeltaPercent,
      rpeDelta: week.rpeDelta,
      days: week.days.map((day) => ({
        id: day.id,
        dayIndex: day.dayIndex,
        templateId: day.templateId,
        overrides: day.overrides,
      })),
    })),
  };
}

/** A document in the form the database gives back: parsed (trimmed, defaults) and days by slot. */
export function normalized(document: ProgramDocument) {
  const parsed = programDocument.parse(document);
  return {
    ...parsed,
    weeks: parsed.weeks.map((week) => ({
      ...week,
      days: [...week.days].sort((a, b) => a.dayIndex - b.dayIndex),
    })),
  };
}

export interface ProgramKit {
  /** Library templates of two exercises each, made before the file's tests. */
  readonly upperA: TemplateDetail;
  readonly lowerA: TemplateDetail;
  readonly fullBody: TemplateDetail;
  uniqueName(prefix: string): string;
  /** A new program (3 days a week, 4 weeks unless told), with its touched tables forgotten. */
  createProgram(input?: Partial<InputOf<'programs.create'>>): Promise<ProgramDetail>;
  /** Saves the stored program's document as `edit` changes it, from its revision. */
  save(
    detail: ProgramDetail,
    edit: (document: ProgramDocument) => ProgramDocument,
  ): Promise<OutputOf<'programs.save'>>;
  /** Upper A on slot 0 and Lower A on slot 1 of every week, with new day ids. */
  upperLower(document: ProgramDocument): ProgramDocument;
}

/** The kit over a file's fixture; use at the top level, after useServiceFixture. */
export function useProgramKit(fixture: ServiceFixture): ProgramKit {
  const templates: Record<'upperA' | 'lowerA' | 'fullBody', TemplateDetail | undefined> = {
    upperA: undefined,
    lowerA: undefined,
    fullBody: undefined,
  };
  beforeAll(async () => {
    const squat = await catalogueExerciseId(fixture.ctx, 'Barbell Back Squat');
    const bench = await catalogueExerciseId(fixture.ctx, 'Barbell Bench Press');
    const row = await catalogueExerciseId(fixture.ctx, 'Barbell Bent-Over Row');
    const make = (name: string, exerciseIds: string[]) =>
      call(fixture.ctx, 'templates.create', {
        name,
        exercises: exerciseIds.map((exerciseId) => ({
          exerciseId,
          sets: 3,
          repsMin: 5,
          percentOneRepMax: 75,
        })),
      });
    templates.upperA = await make('Programs Upper A', [bench, row]);
    templates.lowerA = await make('Programs Lower A', [squat, row]);
    templates.fullBody = await make('Programs Full Body', [squat, bench]);
  });
  const template = (key: keyof typeof templates): TemplateDetail => {
    const found = templates[key];
    if (!found) throw new Error('The program kit is used before its beforeAll hook ran');
    return found;
  };
  let counter = 0;
  const kit: ProgramKit = {
    get upperA() {
      return template('upperA');
    },
    get lowerA() {
      return template('lowerA');
    },
    get fullBody() {
      return template('fullBody');
    },
    uniqueName: (prefix) => `${prefix} ${(counter += 1)}`,
    async createProgram(input = {}) {
      const created = await call(fixture.ctx, 'programs.create', {
        name: kit.uniqueName('Block'),
        daysPerWeek: 3,
        weeks: 4,
        ...input,
      });
      fixture.takeTouched();
      return created;
    },
    save: (detail, edit) =>
      call(fixture.ctx, 'programs.save', {
        id: detail.id,
        baseRevision: detail.revision,
        document: edit(toDocument(detail)),
      }),
    upperLower: (document) => ({
      ...document,
      weeks: document.weeks.map((week) => ({
        ...week,
        days: [
          { id: uuidv7(), dayIndex: 0, templateId: kit.upperA.id },
          { id: uuidv7(), dayIndex: 1, templateId: kit.lowerA.id },
        ],
      })),
    }),
  };
  return kit;
}
