/**
 * What the builder knows about each template a day can hold: the program's own (with their
 * exercises, from `programs.get`) and the library's (name and a preview of the exercise names,
 * enough to draw a card the moment a template is dropped, before the save brings its exercises).
 */
import { useMemo } from 'react';
import type { ProgramDetail } from '../../../shared/domain/program';
import type { TemplateExercise, TemplateSummary } from '../../../shared/domain/template';
import type { TemplatesById } from '../../../shared/calc/periodization';

export interface TemplateInfo {
  id: string;
  name: string;
  /** Null until the program's detail includes the template (just dropped from the library). */
  exercises: TemplateExercise[] | null;
  exercisePreview: string[];
  exerciseCount: number;
  /** A copy made for some weeks of this program ("this week only"). */
  forked: boolean;
  /** Live programs with a day on it (this one included, once saved). */
  programCount: number;
}

export interface TemplateIndex {
  get: (templateId: string | null | undefined) => TemplateInfo | undefined;
  /** The program's templates with their exercises, for the generators and the volume maths. */
  withExercises: TemplatesById;
}

export function useTemplateIndex(
  detail: ProgramDetail | undefined,
  library: readonly TemplateSummary[] | undefined,
): TemplateIndex {
  return useMemo(() => {
    const byId = new Map<string, TemplateInfo>();
    for (const summary of library ?? []) {
      byId.set(summary.id, {
        id: summary.id,
        name: summary.name,
        exercises: null,
        exercisePreview: summary.exercisePreview,
        exerciseCount: summary.exerciseCount,
        forked: summary.ownerProgramId !== null,
        programCount: summary.usage.programs,
      });
    }
    const withExercises: Record<string, TemplatesById[string]> = {};
    for (const template of detail?.templates ?? []) {
      byId.set(template.id, {
        id: template.id,
        name: template.name,
        exercises: [...template.exercises].sort((a, b) => a.position - b.position),
        exercisePreview: template.exercisePreview,
        exerciseCount: template.exerciseCount,
        forked: template.ownerProgramId !== null,
        programCount: template.usage.programs,
      });
      withExercises[template.id] = template;
    }
    return { get: (templateId) => (templateId ? byId.get(templateId) : undefined), withExercises };
  }, [detail, library]);
}
