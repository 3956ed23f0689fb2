/**
 * Starting a workout for the athlete picked in the frame: today's scheduled workouts first (the
 * first one's Start has the focus, so Enter starts it), then any template of the library (search
 * by name), then a blank workout. Starting a scheduled one marks it in progress on the calendar.
 */
import { Button, Card, Classes, InputGroup, Intent, NonIdealState, Tag } from '@blueprintjs/core';
import { useDeferredValue, useState } from 'react';
import type { ScheduledWorkout } from '../../../shared/domain/schedule';
import type { WorkoutDetail, WorkoutOrigin } from '../../../shared/domain/workout';
import { useToaster } from '../../app/toaster';
import { errorMessage } from '../../components/ErrorCallout';
import { useListTemplatesQuery } from '../templates';
import { useStartWorkoutMutation } from './api';

const TEMPLATES_SHOWN = 12;

export function StartWorkout({
  athleteId,
  athleteName,
  today,
  onStarted,
}: {
  athleteId: string;
  athleteName: string;
  today: readonly ScheduledWorkout[];
  onStarted: (detail: WorkoutDetail) => void;
}) {
  const toaster = useToaster();
  const [startWorkout, starting] = useStartWorkoutMutation();
  const [startingKey, setStartingKey] = useState<string | null>(null);
  const [text, setText] = useState('');
  const deferredText = useDeferredValue(text.trim());
  const { data: templates, isLoading } = useListTemplatesQuery({
    text: deferredText,
    tags: [],
    includeArchived: false,
  });
  const library = (templates?.items ?? []).filter((template) => template.ownerProgramId === null);
  const toDo = today.filter((workout) => workout.status === 'scheduled' || workout.status === 'missed');

  const start = async (key: string, from: WorkoutOrigin) => {
    setStartingKey(key);
    const result = await startWorkout({ athleteId, from });
    setStartingKey(null);
    if (result.error) {
      toaster.show({
        intent: Intent.DANGER,
        icon: 'error',
        message: `The workout did not start: ${errorMessage(result.error)}`,
      });
      return;
    }
    onStarted(result.data);
  };
  const busy = (key: string) => starting.isLoading && startingKey === key;

  return (
    <div className="lt-wo-start">
      <section aria-labelledby="wo-today" className="lt-wo-start__section">
        <h2 id="wo-today" className={Classes.HEADING}>
          Today for {athleteName}
        </h2>
        {toDo.length === 0 ? (
          <p className={Classes.TEXT_MUTED}>
            Nothing scheduled today. Start from a template or a blank workout below.
          </p>
        ) : (
          <ul className="lt-wo-start__today">
            {toDo.map((workout, index) => (
              <li key={workout.id}>
                <Card className="lt-wo-start__scheduled">
                  <div className="lt-wo-start__scheduled-text">
                    <div className="lt-wo-start__scheduled-name">{workout.templateName}</div>
                    <div className={Classes.TEXT_MUTED}>
                      {[
                        workout.programName,
                        workout.weekNumber !== null ? `week ${workout.weekNumber}` : null,
                        workout.startTime,
                      ]
                        .filter(Boolean)
                        .join(' · ') || 'Scheduled today'}
                    </div>
                  </div>
                  {workout.status === 'missed' && <Tag intent={Intent.DANGER}>Missed</Tag>}
                  <Button
                    size="large"
                    intent={Intent.PRIMARY}
                    icon="play"
                    text="Start"
                    aria-label={`Start ${workout.templateName} (scheduled today)`}
                    autoFocus={index === 0}
                    loading={busy(workout.id)}
                    disabled={starting.isLoading}
                    onClick={() =>
                      void start(workout.id, { kind: 'scheduled', scheduledWorkoutId: workout.id })
                    }
                  />
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="wo-templates" className="lt-wo-start__section">
        <div className="lt-wo-start__section-head">
          <h2 id="wo-templates" className={Classes.HEADING}>
            From a template
          </h2>
          <InputGroup
            type="search"
            leftIcon="search"
            placeholder="Search templates"
            aria-label="Search templates"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        {isLoading ? (
          <ul className="lt-wo-start__templates">
            {[0, 1, 2].map((index) => (
              <li key={index} className={`${Classes.SKELETON} lt-wo-start__template`}>
                Template
              </li>
            ))}
          </ul>
        ) : library.length === 0 ? (
          <p className={Classes.TEXT_MUTED}>
            {deferredText
              ? `No template matches “${deferredText}”.`
              : 'No templates yet (Programs → Templates).'}
          </p>
        ) : (
          <ul className="lt-wo-start__templates" aria-label="Templates">
            {library.slice(0, TEMPLATES_SHOWN).map((template) => (
              <li key={template.id}>
                <Button
                  className="lt-wo-start__template"
                  size="large"
                  alignText="start"
                  fill
                  icon="document"
                  endIcon="play"
                  aria-label={`Start from ${template.name}`}
                  loading={busy(template.id)}
                  disabled={starting.isLoading}
                  onClick={() => void start(template.id, { kind: 'template', templateId: template.id })}
                >
                  <span className="lt-wo-start__template-name">{template.name}</span>
                  <span
                    className={`${Classes.TEXT_MUTED} ${Classes.TEXT_OVERFLOW_ELLIPSIS} lt-wo-start__template-preview`}
                  >
                    {template.exercisePreview.join(', ') || 'No exercises'}
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        )}
        {library.length > TEMPLATES_SHOWN && (
          <p className={Classes.TEXT_MUTED}>{library.length - TEMPLATES_SHOWN} more: search to find one.</p>
        )}
      </section>

      <section aria-labelledby="wo-blank" className="lt-wo-start__section">
        <h2 id="wo-blank" className={Classes.HEADING}>
          Or start blank
        </h2>
        <Button
          size="large"
          icon="add"
          text="Blank workout"
          loading={busy('blank')}
          disabled={starting.isLoading}
          onClick={() => void start('blank', { kind: 'blank' })}
        />
      </section>
    </div>
  );
}

export function NoAthlete() {
  return (
    <NonIdealState
      icon="person"
      title="Who is lifting?"
      description="Pick the athlete in the bar at the top (Athlete), then start their workout here."
    />
  );
}
