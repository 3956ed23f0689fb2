/**
 * The left filter panel: muscles (primary only, or primary or secondary), equipment, level,
 * favorites and the user's own exercises, each with how many exercises it holds.
 */
import { Button, Checkbox, Classes, H6, Radio, RadioGroup, Switch } from '@blueprintjs/core';
import type { ReactNode } from 'react';
import { EQUIPMENT, LEVELS, MUSCLES } from '../../../shared/domain/exercise';
import { useExerciseFacetsQuery } from './api';
import {
  equipmentLabel,
  hasFilters,
  levelLabel,
  muscleLabel,
  NO_FILTERS,
  toggled,
  type ExerciseFilters,
} from './filters';

interface FilterPanelProps {
  filters: ExerciseFilters;
  onChange: (filters: ExerciseFilters) => void;
}

export function FilterPanel({ filters, onChange }: FilterPanelProps) {
  const { data: facets, isLoading } = useExerciseFacetsQuery({});
  const countOf = <T extends string>(list: { value: T; count: number }[] | undefined, value: T) =>
    list?.find((facet) => facet.value === value)?.count ?? 0;
  const count = (value: number | undefined) => (
    <span className={`lt-ex-count ${Classes.TEXT_MUTED} ${isLoading ? Classes.SKELETON : ''}`}>
      {value ?? 0}
    </span>
  );
  const update = (patch: Partial<ExerciseFilters>) => onChange({ ...filters, ...patch });

  return (
    <div className="lt-ex-filters-inner">
      <div className="lt-ex-filters-head">
        <H6 className="lt-ex-filters-title">Filters</H6>
        <Button
          size="small"
          variant="minimal"
          icon="filter-remove"
          text="Clear filters"
          disabled={!hasFilters(filters)}
          onClick={() => onChange({ ...NO_FILTERS, muscleRole: filters.muscleRole })}
        />
      </div>

      <FilterGroup title="Show">
        <Switch
          className="lt-ex-check"
          checked={filters.favoritesOnly}
          onChange={() => update({ favoritesOnly: !filters.favoritesOnly })}
          labelElement={<>Favorites only {count(facets?.favorites)}</>}
        />
        <Switch
          className="lt-ex-check"
          checked={filters.customOnly}
          onChange={() => update({ customOnly: !filters.customOnly })}
          labelElement={<>My exercises only {count(facets?.custom)}</>}
        />
      </FilterGroup>

      <FilterGroup title="Muscles">
        <RadioGroup
          className="lt-ex-role"
          aria-label="Match muscles"
          selectedValue={filters.muscleRole}
          onChange={(event) =>
            update({ muscleRole: event.currentTarget.value === 'any' ? 'any' : 'primary' })
          }
        >
          <Radio className="lt-ex-check" value="primary" label="Primary only" />
          <Radio className="lt-ex-check" value="any" label="Primary or secondary" />
        </RadioGroup>
        {MUSCLES.map((muscle) => (
          <Checkbox
            key={muscle}
            className="lt-ex-check"
            checked={filters.muscles.includes(muscle)}
            onChange={() => update({ muscles: toggled(filters.muscles, muscle) })}
            labelElement={
              <>
                {muscleLabel(muscle)} {count(countOf(facets?.muscles, muscle))}
              </>
            }
          />
        ))}
      </FilterGroup>

      <FilterGroup title="Equipment">
        {EQUIPMENT.map((item) => (
          <Checkbox
            key={item}
            className="lt-ex-check"
            checked={filters.equipment.includes(item)}
            onChange={() => update({ equipment: toggled(filters.equipment, item) })}
            labelElement={
              <>
                {equipmentLabel(item)} {count(countOf(facets?.equipment, item))}
              </>
            }
          />
        ))}
      </FilterGroup>

      <FilterGroup title="Level">
        {LEVELS.map((level) => (
          <Checkbox
            key={level}
            className="lt-ex-check"
            checked={filters.levels.includes(level)}
            onChange={() => update({ levels: toggled(filters.levels, level) })}
            labelElement={
              <>
                {levelLabel(level)} {count(countOf(facets?.levels, level))}
              </>
            }
          />
        ))}
      </FilterGroup>
    </div>
  );
}

function FilterGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="lt-ex-filter-group">
      <legend className={`lt-ex-legend ${Classes.TEXT_MUTED}`}>{title}</legend>
      {children}
    </fieldset>
  );
}
