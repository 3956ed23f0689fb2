/**
 * A periodization generator: its parameters, and a live table of what it would do week by week
 * (each exercise's prescription before → after) before the coach applies it. Applying is one
 * change of the program, undone with one Ctrl+Z.
 */
import {
  Button,
  Callout,
  Classes,
  Dialog,
  DialogBody,
  DialogFooter,
  HTMLTable,
  Intent,
  Switch,
  Tag,
} from '@blueprintjs/core';
import { Fragment, useDeferredValue, useMemo, useState } from 'react';
import {
  generatorById,
  programExercises,
  runGenerator,
  type GeneratorId,
  type PrescriptionPreview,
  type TemplatesById,
  type WeekSettings,
} from '../../../shared/calc/periodization';
import type { ProgramDoc } from '../../../shared/calc/program-ops';
import type { WeightUnit } from '../../components/units';
import { GeneratorForm, toFormValues, toParams, type FormValues } from './GeneratorForms';
import { compactPrescription, modifierChips } from './prescriptionText';

interface GeneratorDialogProps {
  generatorId: GeneratorId | null;
  doc: ProgramDoc;
  templates: TemplatesById;
  unit: WeightUnit;
  formatWeight: (kg: number) => string;
  onApply: (generatorId: GeneratorId, label: string, params: unknown) => void;
  onClose: () => void;
}

export function GeneratorDialog(props: GeneratorDialogProps) {
  const descriptor = props.generatorId ? generatorById(props.generatorId) : null;
  return (
    <Dialog
      isOpen={props.generatorId !== null}
      onClose={props.onClose}
      title={descriptor?.label ?? ''}
      icon="predictive-analysis"
      className="lt-gen-dialog"
      canOutsideClickClose={false}
    >
      {props.generatorId && (
        <GeneratorBody key={props.generatorId} {...props} generatorId={props.generatorId} />
      )}
    </Dialog>
  );
}

function settingsText(settings: WeekSettings): string {
  const parts = [settings.phaseLabel ?? 'no phase'];
  if (settings.deload && settings.phase !== 'deload') parts.push('deload');
  parts.push(...modifierChips(settings).map((chip) => chip.text));
  return parts.join(' · ');
}

function GeneratorBody({
  generatorId,
  doc,
  templates,
  unit,
  formatWeight,
  onApply,
  onClose,
}: GeneratorDialogProps & { generatorId: GeneratorId }) {
  const descriptor = generatorById(generatorId);
  const exercises = useMemo(() => programExercises(doc, templates), [doc, templates]);
  const [values, setValues] = useState<FormValues>(() => {
    const initial = toFormValues(generatorId, descriptor.defaultParams(doc), unit);
    // A program whose loads are all %1RM progresses in points: start the form there.
    const kinds = new Set(exercises.map((exercise) => exercise.loadKind));
    return generatorId === 'linear' && kinds.has('percent') && !kinds.has('kg')
      ? { ...initial, mode: 'percent' }
      : initial;
  });
  const [onlyChanges, setOnlyChanges] = useState(true);
  const deferredValues = useDeferredValue(values);
  const params = useMemo(
    () => toParams(generatorId, deferredValues, unit),
    [generatorId, deferredValues, unit],
  );
  const run = useMemo(
    () => runGenerator(generatorId, doc, templates, params),
    [generatorId, doc, templates, params],
  );
  const issues = run.ok ? [] : run.issues;
  const preview = run.ok ? run.result.preview : null;
  const nothingToChange =
    preview !== null && preview.changedPrescriptions === 0 && preview.changedWeeks === 0;
  const rx = (p: PrescriptionPreview) => compactPrescription({ ...p, setDetails: null }, formatWeight);

  return (
    <>
      <DialogBody className="lt-gen">
        <section className="lt-gen__params" aria-label="Settings">
          <p className={Classes.TEXT_MUTED}>{descriptor.description}. It fills the weeks from week 1.</p>
          <GeneratorForm
            id={generatorId}
            values={values}
            onChange={setValues}
            issues={issues}
            doc={doc}
            exercises={exercises}
            unit={unit}
          />
        </section>
        <section className="lt-gen__preview" aria-label="What it changes">
          <div className="lt-gen__preview-head">
            <h3 className={Classes.HEADING}>Week by week</h3>
            {preview && (
              <span className={Classes.TEXT_MUTED} aria-live="polite">
                {preview.changedPrescriptions}{' '}
                {preview.changedPrescriptions === 1 ? 'prescription' : 'prescriptions'} and{' '}
                {preview.changedWeeks} {preview.changedWeeks === 1 ? 'week' : 'weeks'} change
              </span>
            )}
            <span className="lt-page-header__spacer" />
            <Switch
              className="lt-gen__only"
              label="Only what changes"
              checked={onlyChanges}
              onChange={(event) => setOnlyChanges(event.currentTarget.checked)}
            />
          </div>
          {preview && preview.notes.length > 0 && (
            <Callout compact icon="info-sign" className="lt-gen__note">
              <ul className="lt-gen__notes">
                {preview.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </Callout>
          )}
          {!preview ? (
            <Callout intent={Intent.WARNING} icon="edit" compact>
              Fix the values above to see what it does.
            </Callout>
          ) : nothingToChange ? (
            <Callout icon="tick" compact>
              With these values nothing changes: the program already says this.
            </Callout>
          ) : (
            <div className="lt-gen__table-scroll">
              <HTMLTable compact className="lt-gen__table" aria-label="Before and after, week by week">
                <thead>
                  <tr>
                    <th scope="col">Week</th>
                    <th scope="col">Day · exercise</th>
                    <th scope="col">Before</th>
                    <th scope="col">After</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.weeks.map((week) => {
                    const rows = week.days.flatMap((day) =>
                      day.exercises
                        .filter((exercise) => !onlyChanges || exercise.changed)
                        .map((exercise) => ({ day, exercise })),
                    );
                    if (onlyChanges && rows.length === 0 && !week.weekChanged) return null;
                    return (
                      <Fragment key={week.weekId}>
                        <tr className="lt-gen__week">
                          <th scope="rowgroup" colSpan={2}>
                            Week {week.weekNumber}
                          </th>
                          <td className={week.weekChanged ? 'lt-gen__was' : Classes.TEXT_MUTED}>
                            {settingsText(week.before)}
                          </td>
                          <td className={week.weekChanged ? 'lt-gen__now' : Classes.TEXT_MUTED}>
                            {week.weekChanged ? settingsText(week.after) : 'unchanged'}
                          </td>
                        </tr>
                        {rows.map(({ day, exercise }) => (
                          <tr key={`${day.dayId}-${exercise.templateExerciseId}`}>
                            <td />
                            <td>
                              <span className={Classes.TEXT_MUTED}>Day {day.dayIndex + 1} · </span>
                              {exercise.exerciseName}
                            </td>
                            <td className={exercise.changed ? 'lt-gen__was' : undefined}>
                              {rx(exercise.before)}
                            </td>
                            <td className={exercise.changed ? 'lt-gen__now' : undefined}>
                              {exercise.changed ? (
                                rx(exercise.after)
                              ) : (
                                <span className={Classes.TEXT_MUTED}>same</span>
                              )}
                            </td>
                          </tr>
                        ))}
                      </Fragment>
                    );
                  })}
                </tbody>
              </HTMLTable>
            </div>
          )}
        </section>
      </DialogBody>
      <DialogFooter
        actions={
          <>
            {preview && (
              <Tag minimal className="lt-gen__undo-hint">
                Ctrl+Z undoes it
              </Tag>
            )}
            <Button text="Cancel" onClick={onClose} />
            <Button
              intent={Intent.PRIMARY}
              icon="tick"
              text="Apply to weeks"
              disabled={!preview || nothingToChange}
              onClick={() => {
                onApply(generatorId, descriptor.label, toParams(generatorId, values, unit));
                onClose();
              }}
            />
          </>
        }
      />
    </>
  );
}
