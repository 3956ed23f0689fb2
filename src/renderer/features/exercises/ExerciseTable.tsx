/**
 * The results: a dense table fed page by page from exercises.search ("Show more" adds a page,
 * each page is its own cached query), with skeleton rows while loading and NonIdealStates for
 * "nothing matches" and "could not load".
 */
import { useState, type KeyboardEvent } from 'react';
import { Button, Classes, HTMLTable, NonIdealState, Tag } from '@blueprintjs/core';
import type { AppErrorShape } from '../../../shared/contract/errors';
import type { ExerciseSummary, Muscle } from '../../../shared/domain/exercise';
import { useSearchExercisesQuery } from './api';
import { FavoriteButton } from './FavoriteButton';
import {
  equipmentLabel,
  hasFilters,
  levelLabel,
  muscleLabel,
  SOURCE_LABELS,
  type ExerciseFilters,
} from './filters';

export const PAGE_SIZE = 100;

interface ExerciseTableProps {
  filters: ExerciseFilters;
  selectedId: string | null;
  onSelect: (exercise: ExerciseSummary) => void;
  onClearFilters: () => void;
  onNewExercise: () => void;
}

export function ExerciseTable({
  filters,
  selectedId,
  onSelect,
  onClearFilters,
  onNewExercise,
}: ExerciseTableProps) {
  // New filters start again from one page; the previous results stay (dimmed) until the new arrive.
  const filtersKey = JSON.stringify(filters);
  const [paging, setPaging] = useState({ filtersKey, pageCount: 1 });
  const pageCount = paging.filtersKey === filtersKey ? paging.pageCount : 1;
  const first = useSearchExercisesQuery({ ...filters, limit: PAGE_SIZE, offset: 0 });
  const total = first.data?.total;

  if (first.error && !first.data) {
    return (
      <NonIdealState
        icon="error"
        title="Could not load exercises"
        description={(first.error as AppErrorShape).message}
        action={<Button text="Try again" icon="refresh" onClick={() => void first.refetch()} />}
      />
    );
  }
  if (total === 0) {
    return hasFilters(filters) ? (
      <NonIdealState
        icon="search"
        title="No exercises match"
        description={
          filters.text.trim()
            ? `Nothing matches “${filters.text.trim()}” with these filters. Check the spelling or loosen the filters.`
            : 'No exercise fits all of these filters. Loosen them to see more.'
        }
        action={<Button text="Clear filters" icon="filter-remove" onClick={onClearFilters} />}
      />
    ) : (
      <NonIdealState
        icon="th-list"
        title="No exercises yet"
        description="Create your own, or import a library file in Settings."
        action={<Button text="New exercise" icon="plus" intent="primary" onClick={onNewExercise} />}
      />
    );
  }

  const shown = Math.min(total ?? 0, pageCount * PAGE_SIZE);
  const remaining = (total ?? 0) - shown;

  const handleKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button.lt-ex-name')];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index === -1) return;
    const next = buttons[index + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next) {
      event.preventDefault();
      next.focus();
      next.click();
    }
  };

  // The previous results stay on screen, dimmed, until those for the new filters arrive.
  const stale = Boolean(first.data && !first.currentData);
  return (
    <div className={stale ? 'lt-ex-table-wrap lt-ex-stale' : 'lt-ex-table-wrap'}>
      <div className="lt-ex-table-status" role="status">
        {total === undefined ? (
          <span className={Classes.SKELETON}>Showing 100 of 1000 exercises</span>
        ) : (
          <span className={Classes.TEXT_MUTED}>
            {shown === total
              ? `${total} ${total === 1 ? 'exercise' : 'exercises'}`
              : `Showing ${shown} of ${total} exercises`}
          </span>
        )}
      </div>
      <HTMLTable
        compact
        interactive
        className="lt-ex-table"
        aria-label="Exercises"
        aria-rowcount={total}
        // Dimmed rows are the old results: tell assistive technology (and tests) they are updating.
        aria-busy={stale || undefined}
      >
        <thead>
          <tr>
            <th className="lt-ex-col-fav">
              <span className={Classes.TEXT_MUTED} title="Favorite">
                ★
              </span>
            </th>
            <th>Name</th>
            <th className="lt-ex-col-muscles">Primary muscles</th>
            <th className="lt-ex-col-equipment">Equipment</th>
            <th className="lt-ex-col-level">Level</th>
          </tr>
        </thead>
        <tbody onKeyDown={handleKeyDown}>
          {first.data ? (
            <Rows items={first.data.items} selectedId={selectedId} onSelect={onSelect} />
          ) : (
            <SkeletonRows count={24} />
          )}
          {Array.from({ length: pageCount - 1 }, (_, index) => (
            <LaterPage
              key={index + 1}
              filters={filters}
              offset={(index + 1) * PAGE_SIZE}
              selectedId={selectedId}
              onSelect={onSelect}
            />
          ))}
        </tbody>
      </HTMLTable>
      {remaining > 0 && (
        <div className="lt-ex-more">
          <Button
            text={`Show ${Math.min(PAGE_SIZE, remaining)} more`}
            icon="chevron-down"
            variant="outlined"
            onClick={() => setPaging({ filtersKey, pageCount: pageCount + 1 })}
          />
        </div>
      )}
    </div>
  );
}

function LaterPage({
  filters,
  offset,
  selectedId,
  onSelect,
}: {
  filters: ExerciseFilters;
  offset: number;
  selectedId: string | null;
  onSelect: (exercise: ExerciseSummary) => void;
}) {
  const page = useSearchExercisesQuery({ ...filters, limit: PAGE_SIZE, offset });
  if (page.data) return <Rows items={page.data.items} selectedId={selectedId} onSelect={onSelect} />;
  if (page.error) {
    return (
      <tr>
        <td colSpan={5}>
          <span className={Classes.INTENT_DANGER}>{(page.error as AppErrorShape).message}</span>{' '}
          <Button size="small" variant="minimal" text="Try again" onClick={() => void page.refetch()} />
        </td>
      </tr>
    );
  }
  return <SkeletonRows count={8} />;
}

function Rows({
  items,
  selectedId,
  onSelect,
}: {
  items: ExerciseSummary[];
  selectedId: string | null;
  onSelect: (exercise: ExerciseSummary) => void;
}) {
  return (
    <>
      {items.map((exercise) => {
        const selected = exercise.id === selectedId;
        return (
          <tr
            key={exercise.id}
            className={selected ? 'lt-ex-row lt-ex-row-selected' : 'lt-ex-row'}
            onClick={(event) => {
              // The star has its own action.
              if ((event.target as HTMLElement).closest('.lt-ex-fav')) return;
              onSelect(exercise);
            }}
          >
            <td className="lt-ex-col-fav">
              <FavoriteButton exercise={exercise} />
            </td>
            <td>
              <div className="lt-ex-name-cell">
                <button
                  type="button"
                  className="lt-ex-name"
                  title={exercise.name}
                  aria-current={selected ? 'true' : undefined}
                >
                  {exercise.name}
                </button>
                {exercise.source === 'custom' && (
                  <Tag minimal intent="primary" className="lt-ex-source-tag">
                    {SOURCE_LABELS.custom}
                  </Tag>
                )}
              </div>
            </td>
            <td className="lt-ex-col-muscles">
              <MuscleTags muscles={exercise.primaryMuscles} />
            </td>
            <td className="lt-ex-col-equipment">
              {exercise.equipment ? (
                equipmentLabel(exercise.equipment)
              ) : (
                <span className={Classes.TEXT_MUTED}>—</span>
              )}
            </td>
            <td className="lt-ex-col-level">{levelLabel(exercise.level)}</td>
          </tr>
        );
      })}
    </>
  );
}

/** Up to two muscles fit a row; with more, the first and a count (all are named in the tooltip). */
function MuscleTags({ muscles }: { muscles: Muscle[] }) {
  const shown = muscles.length > 2 ? muscles.slice(0, 1) : muscles;
  const hidden = muscles.length - shown.length;
  return (
    <span title={muscles.map(muscleLabel).join(', ')}>
      {shown.map((muscle) => (
        <Tag key={muscle} minimal className="lt-ex-muscle-tag">
          {muscleLabel(muscle)}
        </Tag>
      ))}
      {hidden > 0 && (
        <Tag minimal className="lt-ex-muscle-tag">
          +{hidden}
        </Tag>
      )}
    </span>
  );
}

const SKELETON_NAMES = [
  'Barbell Bench Press',
  'Romanian Deadlift',
  'Pull-up',
  'Seated Cable Row',
  'Front Squat',
];

function SkeletonRows({ count }: { count: number }) {
  return (
    <>
      {Array.from({ length: count }, (_, index) => (
        <tr key={index} className="lt-ex-row" aria-hidden="true">
          <td className="lt-ex-col-fav">
            <span className={`${Classes.SKELETON} lt-ex-skeleton-star`} />
          </td>
          <td>
            <span className={Classes.SKELETON}>{SKELETON_NAMES[index % SKELETON_NAMES.length]}</span>
          </td>
          <td className="lt-ex-col-muscles">
            <span className={Classes.SKELETON}>Quadriceps</span>
          </td>
          <td className="lt-ex-col-equipment">
            <span className={Classes.SKELETON}>Barbell</span>
          </td>
          <td className="lt-ex-col-level">
            <span className={Classes.SKELETON}>Beginner</span>
          </td>
        </tr>
      ))}
    </>
  );
}
