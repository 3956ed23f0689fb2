/**
 * The program laid on a calendar and charted: from a start date (next Monday by default) on the
 * chosen weekdays (the program's suggestion by default), every training day's date week by week,
 * the end date, and the volume wave and intensity of the block.
 */
import { Callout, Classes, FormGroup, HTMLTable, InputGroup } from '@blueprintjs/core';
import { useMemo, useState } from 'react';
import { averageIntensityByWeek, weeklySetsByMuscle } from '../../../shared/calc/program-volume';
import type { ProgramDoc } from '../../../shared/calc/program-ops';
import type { TemplatesById } from '../../../shared/calc/periodization';
import { suggestedWeekdays, trainingDates } from '../../../shared/calc/schedule';
import { isoDate } from '../../../shared/domain/dates';
import { formatLongDay, formatShortDay, nextMondayIso } from './dates';
import { PHASE_INTENTS, phaseLabel } from './phases';
import { IntensityChart, VolumeChart } from './ProgramCharts';
import type { TemplateIndex } from './templateIndex';
import { WeekdayToggles } from './WeekdayToggles';

interface ProgramPreviewProps {
  doc: ProgramDoc;
  templates: TemplateIndex;
  templatesWithExercises: TemplatesById;
  dark: boolean;
}

export function ProgramPreview({ doc, templates, templatesWithExercises, dark }: ProgramPreviewProps) {
  const [startDate, setStartDate] = useState(nextMondayIso);
  const [chosenWeekdays, setChosenWeekdays] = useState<number[] | null>(null);
  const weekdays = chosenWeekdays ?? suggestedWeekdays(doc.daysPerWeek);
  const validStart = isoDate.safeParse(startDate).success;

  const dates = useMemo(
    () =>
      validStart && weekdays.length > 0
        ? trainingDates({ startDate, weekdays }, doc.weeks.length * doc.daysPerWeek)
        : [],
    [validStart, startDate, weekdays, doc.weeks.length, doc.daysPerWeek],
  );
  const volume = useMemo(
    () => weeklySetsByMuscle(doc, templatesWithExercises),
    [doc, templatesWithExercises],
  );
  const intensity = useMemo(
    () => averageIntensityByWeek(doc, templatesWithExercises),
    [doc, templatesWithExercises],
  );
  const endDate = dates.at(-1);

  return (
    <div className="lt-preview">
      <div className="lt-preview__controls">
        <FormGroup label="Start date" labelFor="preview-start" inline className="lt-preview__start">
          <InputGroup
            id="preview-start"
            type="date"
            value={startDate}
            intent={validStart ? 'none' : 'danger'}
            onValueChange={setStartDate}
          />
        </FormGroup>
        <WeekdayToggles value={weekdays} onChange={setChosenWeekdays} small />
        <span className="lt-preview__range" aria-live="polite">
          {endDate && validStart ? (
            <>
              {formatLongDay(startDate)} → <strong>{formatLongDay(endDate)}</strong>
            </>
          ) : (
            <span className={Classes.TEXT_MUTED}>Pick a start date and at least one weekday</span>
          )}
        </span>
      </div>
      {weekdays.length > 0 && weekdays.length !== doc.daysPerWeek && (
        <Callout compact icon="info-sign" className="lt-preview__note">
          {doc.daysPerWeek} training days a week on {weekdays.length} weekdays: each program week{' '}
          {weekdays.length < doc.daysPerWeek ? 'takes more' : 'takes less'} than a calendar week.
        </Callout>
      )}
      <div className="lt-preview__charts">
        <VolumeChart weeks={volume} dark={dark} />
        <IntensityChart weeks={intensity} dark={dark} />
      </div>
      <div className="lt-preview__dates">
        <HTMLTable compact striped className="lt-preview__table" aria-label="Dates by week">
          <thead>
            <tr>
              <th scope="col">Week</th>
              {Array.from({ length: doc.daysPerWeek }, (_, index) => (
                <th scope="col" key={index}>
                  Day {index + 1}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {doc.weeks.map((week, weekIndex) => (
              <tr key={week.id}>
                <th scope="row">
                  Week {weekIndex + 1}
                  {week.phase && (
                    <span className={`lt-preview__phase lt-preview__phase--${PHASE_INTENTS[week.phase]}`}>
                      {phaseLabel(week.phase)}
                    </span>
                  )}
                </th>
                {Array.from({ length: doc.daysPerWeek }, (_, dayIndex) => {
                  const date = dates[weekIndex * doc.daysPerWeek + dayIndex];
                  const day = week.days.find((candidate) => candidate.dayIndex === dayIndex);
                  const name = day?.templateId ? templates.get(day.templateId)?.name : null;
                  return (
                    <td key={dayIndex} className={name ? undefined : Classes.TEXT_MUTED}>
                      <span className="lt-preview__date">{date ? formatShortDay(date) : '–'}</span>{' '}
                      {name ?? 'rest'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </HTMLTable>
      </div>
    </div>
  );
}
