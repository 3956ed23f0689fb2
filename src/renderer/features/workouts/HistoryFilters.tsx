/**
 * The history's filters, kept in the address (#/workouts/history?exercise=<id>&from=…&to=…) so a
 * reload, the back button and a shared link show the same list: one exercise (picked with the
 * library's search) and a date range (either end may stay open).
 */
import { Button, Classes, InputGroup, Tag } from '@blueprintjs/core';
import { Link, useSearchParams } from 'react-router';
import { isoDate } from '../../../shared/domain/dates';
import { ExercisePicker, useGetExerciseQuery } from '../exercises';

export interface HistoryFilterValues {
  exerciseId: string | null;
  from: string | null;
  to: string | null;
}

const validDate = (value: string | null) => (value && isoDate.safeParse(value).success ? value : null);

/** The filters in the address, with anything malformed left out. */
export function useHistoryFilters(): [HistoryFilterValues, (change: Partial<HistoryFilterValues>) => void] {
  const [params, setParams] = useSearchParams();
  const values: HistoryFilterValues = {
    exerciseId: params.get('exercise') || null,
    from: validDate(params.get('from')),
    to: validDate(params.get('to')),
  };
  const update = (change: Partial<HistoryFilterValues>) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        const keys = { exerciseId: 'exercise', from: 'from', to: 'to' } as const;
        for (const [field, key] of Object.entries(keys) as [keyof HistoryFilterValues, string][]) {
          if (!(field in change)) continue;
          const value = change[field];
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  };
  return [values, update];
}

/** A range that ends before it starts: said next to the fields, and the list waits for a fix. */
export function rangeError(filters: HistoryFilterValues): string | undefined {
  return filters.from && filters.to && filters.from > filters.to
    ? '“From” is after “To”: swap the dates or clear one'
    : undefined;
}

export function HistoryFilters({
  filters,
  onChange,
}: {
  filters: HistoryFilterValues;
  onChange: (change: Partial<HistoryFilterValues>) => void;
}) {
  const { data: exercise } = useGetExerciseQuery(
    { id: filters.exerciseId ?? '' },
    { skip: filters.exerciseId === null },
  );
  const error = rangeError(filters);
  const anyFilter = filters.exerciseId !== null || filters.from !== null || filters.to !== null;

  return (
    <div className="lt-history-filters" role="group" aria-label="Filters">
      {filters.exerciseId ? (
        <span className="lt-history-filters__exercise">
          <Tag size="large" minimal icon="filter">
            {exercise?.name ?? 'Exercise'}
          </Tag>
          <Button
            variant="minimal"
            size="small"
            icon="cross"
            aria-label={`Remove the filter ${exercise?.name ?? 'exercise'}`}
            onClick={() => onChange({ exerciseId: null })}
          />
          <Link to={`/workouts/exercises/${filters.exerciseId}`}>All sessions and records of it</Link>
        </span>
      ) : (
        <ExercisePicker
          className="lt-history-filters__picker"
          label="Filter by exercise"
          placeholder="Filter by exercise…"
          onPick={(picked) => onChange({ exerciseId: picked.id })}
        />
      )}
      <label className="lt-history-filters__date">
        <span className={Classes.TEXT_MUTED}>From</span>
        <InputGroup
          type="date"
          aria-label="From date"
          value={filters.from ?? ''}
          max={filters.to ?? undefined}
          intent={error ? 'danger' : 'none'}
          aria-invalid={error ? true : undefined}
          onChange={(event) => onChange({ from: event.currentTarget.value || null })}
        />
      </label>
      <label className="lt-history-filters__date">
        <span className={Classes.TEXT_MUTED}>To</span>
        <InputGroup
          type="date"
          aria-label="To date"
          value={filters.to ?? ''}
          min={filters.from ?? undefined}
          intent={error ? 'danger' : 'none'}
          aria-invalid={error ? true : undefined}
          onChange={(event) => onChange({ to: event.currentTarget.value || null })}
        />
      </label>
      {anyFilter && (
        <Button
          variant="minimal"
          icon="filter-remove"
          text="Clear filters"
          onClick={() => onChange({ exerciseId: null, from: null, to: null })}
        />
      )}
      {error && (
        <span className="lt-history-filters__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
