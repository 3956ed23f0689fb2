/**
 * The selected exercise: how to do it, what it trains, where it came from, and what can be done
 * with it (custom ones are edited or deleted; catalogue and imported ones are duplicated).
 */
import { Button, ButtonGroup, Classes, H4, NonIdealState, Tag } from '@blueprintjs/core';
import type { ReactNode } from 'react';
import type { ExerciseDetail } from '../../../shared/domain/exercise';
import { useToaster } from '../../app/toaster';
import { errorMessage } from '../../components/ErrorCallout';
import { useDeleteExerciseMutation, useGetExerciseQuery, useRestoreExerciseMutation } from './api';
import { FavoriteButton } from './FavoriteButton';
import { equipmentLabel, levelLabel, muscleLabel, SOURCE_LABELS, vocabularyLabel } from './filters';

interface ExerciseDetailsProps {
  exerciseId: string | null;
  onEdit: (exercise: ExerciseDetail) => void;
  onDuplicate: (exercise: ExerciseDetail) => void;
  /** Select another exercise (after Undo brings a deleted one back), or none. */
  onSelect: (exerciseId: string | null) => void;
}

export function ExerciseDetails({ exerciseId, onEdit, onDuplicate, onSelect }: ExerciseDetailsProps) {
  const {
    currentData: exercise,
    error,
    isFetching,
  } = useGetExerciseQuery({ id: exerciseId ?? '' }, { skip: exerciseId === null });
  const [deleteExercise, deleting] = useDeleteExerciseMutation();
  const [restoreExercise] = useRestoreExerciseMutation();
  const toaster = useToaster();

  if (exerciseId === null || (error && !isFetching)) {
    return (
      <NonIdealState
        icon="hand-left"
        title={exerciseId === null ? 'No exercise selected' : 'This exercise is gone'}
        description={
          exerciseId === null
            ? 'Pick one from the list to see its instructions, muscles and equipment.'
            : errorMessage(error)
        }
      />
    );
  }
  if (!exercise) return <DetailsSkeleton />;

  const handleDelete = async () => {
    const result = await deleteExercise({ id: exercise.id });
    if (result.error) {
      toaster.show({
        intent: 'danger',
        icon: 'error',
        message: `Could not delete “${exercise.name}”: ${errorMessage(result.error)}`,
      });
      return;
    }
    onSelect(null);
    toaster.show({
      icon: 'trash',
      message: `Deleted “${exercise.name}”`,
      timeout: 8000,
      action: {
        text: 'Undo',
        onClick: () => {
          void restoreExercise({ id: exercise.id }).then((restored) => {
            if (restored.error) {
              toaster.show({
                intent: 'danger',
                icon: 'error',
                message: `Could not bring back “${exercise.name}”: ${errorMessage(restored.error)}`,
              });
            } else {
              onSelect(exercise.id);
              toaster.show({
                intent: 'success',
                icon: 'undo',
                message: `Restored “${exercise.name}”`,
                timeout: 3000,
              });
            }
          });
        },
      },
    });
  };

  const editable = exercise.source === 'custom';
  return (
    <article className="lt-ex-details-inner" aria-labelledby="lt-ex-details-title">
      <header className="lt-ex-details-head">
        <H4 id="lt-ex-details-title" className="lt-ex-details-title">
          {exercise.name}
        </H4>
        <FavoriteButton exercise={exercise} size="medium" />
      </header>
      <div className="lt-ex-details-badges">
        <Tag
          minimal
          intent={exercise.source === 'custom' ? 'primary' : 'none'}
          icon={SOURCE_ICONS[exercise.source]}
        >
          {SOURCE_LABELS[exercise.source]}
        </Tag>
      </div>
      <ButtonGroup className="lt-ex-details-actions">
        {editable ? (
          <>
            <Button icon="edit" text="Edit exercise" onClick={() => onEdit(exercise)} />
            <Button
              icon="trash"
              intent="danger"
              variant="outlined"
              text="Delete exercise"
              loading={deleting.isLoading}
              onClick={() => void handleDelete()}
            />
          </>
        ) : (
          <Button
            icon="duplicate"
            text="Duplicate as custom"
            title="Catalogue and imported exercises are read-only; a custom copy can be edited"
            onClick={() => onDuplicate(exercise)}
          />
        )}
      </ButtonGroup>

      <dl className="lt-ex-props">
        <Property term="Primary muscles">
          {exercise.primaryMuscles.map((muscle) => (
            <Tag key={muscle} minimal intent="primary" className="lt-ex-muscle-tag">
              {muscleLabel(muscle)}
            </Tag>
          ))}
        </Property>
        <Property term="Secondary muscles">
          {exercise.secondaryMuscles.length === 0 ? (
            <span className={Classes.TEXT_MUTED}>None</span>
          ) : (
            exercise.secondaryMuscles.map((muscle) => (
              <Tag key={muscle} minimal className="lt-ex-muscle-tag">
                {muscleLabel(muscle)}
              </Tag>
            ))
          )}
        </Property>
        <Property term="Equipment">{equipmentLabel(exercise.equipment)}</Property>
        <Property term="Level">{levelLabel(exercise.level)}</Property>
        <Property term="Category">{vocabularyLabel(exercise.category)}</Property>
        <Property term="Mechanic">{vocabularyLabel(exercise.mechanic)}</Property>
        <Property term="Force">{vocabularyLabel(exercise.force)}</Property>
      </dl>

      <h5 className={`${Classes.HEADING} lt-ex-details-subhead`}>Instructions</h5>
      {exercise.instructions.length === 0 ? (
        <p className={Classes.TEXT_MUTED}>
          No instructions yet.{editable ? ' Edit the exercise to add them, one step per line.' : ''}
        </p>
      ) : (
        <ol className={`${Classes.RUNNING_TEXT} lt-ex-steps`}>
          {exercise.instructions.map((step, index) => (
            <li key={index}>{step}</li>
          ))}
        </ol>
      )}
    </article>
  );
}

const SOURCE_ICONS = { catalogue: 'book', import: 'import', custom: 'person' } as const;

function Property({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className={Classes.TEXT_MUTED}>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

function DetailsSkeleton() {
  return (
    <div className="lt-ex-details-inner" aria-busy="true" aria-label="Loading exercise">
      <H4 className={Classes.SKELETON}>Barbell Bench Press</H4>
      <div className="lt-ex-details-badges">
        <Tag className={Classes.SKELETON}>Catalogue</Tag>
      </div>
      <dl className="lt-ex-props">
        {['Primary muscles', 'Secondary muscles', 'Equipment', 'Level', 'Category', 'Mechanic', 'Force'].map(
          (term) => (
            <Property key={term} term={term}>
              <span className={Classes.SKELETON}>Quadriceps</span>
            </Property>
          ),
        )}
      </dl>
      <h5 className={`${Classes.HEADING} lt-ex-details-subhead`}>Instructions</h5>
      {[1, 2, 3, 4].map((line) => (
        <p key={line} className={Classes.SKELETON}>
          Lie back on a flat bench and grip the bar a little wider than shoulder width.
        </p>
      ))}
    </div>
  );
}
