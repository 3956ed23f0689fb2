/**
 * A day opened in place: what the athlete will be asked for that week (the effective
 * prescriptions), and the template editor. An edit to a template other weeks share first asks
 * "this week only, or every week" (through `resolveTarget`); each saved edit joins the undo stack.
 * A library template opened from the panel is edited the same way, with nothing to ask.
 */
import { Button, Classes, Drawer, HTMLTable, Tag } from '@blueprintjs/core';
import { resolveTemplate } from '../../../shared/calc/prescription';
import type { ProgramDoc, SlotRef } from '../../../shared/calc/program-ops';
import type { TemplateExerciseInput } from '../../../shared/domain/prescription';
import { TemplateEditor } from '../templates';
import { modifierChips, spokenPrescription } from './prescriptionText';
import type { TemplateIndex } from './templateIndex';

export type DrawerTarget =
  | { kind: 'day'; slot: SlotRef; templateId: string }
  | { kind: 'template'; templateId: string; isNew?: boolean };

interface DayDrawerProps {
  target: DrawerTarget | null;
  doc: ProgramDoc;
  templates: TemplateIndex;
  formatWeight: (kg: number) => string;
  resolveTarget: (slot: SlotRef, templateId: string) => Promise<string | null>;
  onExercisesSaved: (change: {
    templateId: string;
    before: TemplateExerciseInput[];
    after: TemplateExerciseInput[];
  }) => void;
  onClearDay: (slot: SlotRef) => void;
  onClose: () => void;
}

export function DayDrawer(props: DayDrawerProps) {
  const { target, doc } = props;
  const weekIndex =
    target?.kind === 'day' ? doc.weeks.findIndex((week) => week.id === target.slot.weekId) : -1;
  const title =
    target?.kind === 'day'
      ? `Week ${weekIndex + 1} · Day ${target.slot.dayIndex + 1}`
      : target?.isNew
        ? 'New template'
        : 'Edit template';
  return (
    <Drawer
      isOpen={target !== null}
      onClose={props.onClose}
      title={title}
      icon={target?.kind === 'day' ? 'calendar' : 'document'}
      size="min(720px, 60vw)"
      className="lt-day-drawer"
      hasBackdrop={false}
      canOutsideClickClose={false}
      autoFocus
      enforceFocus={false}
    >
      {target && <DrawerBody {...props} target={target} weekIndex={weekIndex} />}
    </Drawer>
  );
}

function DrawerBody({
  target,
  doc,
  templates,
  formatWeight,
  resolveTarget,
  onExercisesSaved,
  onClearDay,
  onClose,
  weekIndex,
}: DayDrawerProps & { target: DrawerTarget; weekIndex: number }) {
  const week = weekIndex >= 0 ? doc.weeks[weekIndex] : undefined;
  const day =
    target.kind === 'day'
      ? week?.days.find((candidate) => candidate.dayIndex === target.slot.dayIndex)
      : undefined;
  // The day may since hold a copy of the template ("this week only"): show what it holds now.
  const shownTemplate = templates.get(
    target.kind === 'day' ? (day?.templateId ?? target.templateId) : target.templateId,
  );
  const resolved =
    target.kind === 'day' && week && shownTemplate?.exercises
      ? resolveTemplate(shownTemplate.exercises, day?.overrides, week)
      : null;
  const chips = week ? modifierChips(week) : [];

  return (
    <div className={`${Classes.DRAWER_BODY} lt-day-drawer__body`}>
      {target.kind === 'day' && (
        <section className="lt-day-drawer__week" aria-label="This week’s prescriptions">
          <div className="lt-day-drawer__week-head">
            <h3 className={Classes.HEADING}>What week {weekIndex + 1} asks for</h3>
            {chips.map((chip) => (
              <Tag key={chip.key} minimal title={chip.title}>
                {chip.text}
              </Tag>
            ))}
            <span className="lt-page-header__spacer" />
            <Button
              size="small"
              variant="minimal"
              icon="eraser"
              text="Make it a rest day"
              onClick={() => {
                onClearDay(target.slot);
                onClose();
              }}
            />
          </div>
          {resolved && resolved.length > 0 ? (
            <HTMLTable compact className="lt-day-drawer__table">
              <tbody>
                {resolved.map((prescription) => (
                  <tr key={prescription.templateExerciseId}>
                    <td>{prescription.exerciseName}</td>
                    <td className="lt-numeric">{spokenPrescription(prescription, formatWeight)}</td>
                    <td className={Classes.TEXT_MUTED}>
                      {day?.overrides[prescription.templateExerciseId] ? 'changed for this day' : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </HTMLTable>
          ) : (
            <p className={Classes.TEXT_MUTED}>No exercises yet: add them below.</p>
          )}
        </section>
      )}
      <TemplateEditor
        // The editor keeps the template it opened with and follows a copy made for this week.
        templateId={target.templateId}
        compact
        autoFocusName={target.kind === 'template' && target.isNew}
        resolveTarget={
          target.kind === 'day' ? () => resolveTarget(target.slot, target.templateId) : undefined
        }
        onExercisesSaved={onExercisesSaved}
      />
    </div>
  );
}
