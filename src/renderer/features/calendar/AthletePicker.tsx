/**
 * Whose calendar: one athlete or several at once, each with the colour their workouts carry on the
 * calendar. A compact button (names, or "12 athletes", with their swatches) opens a searchable list
 * to tick athletes in or out; the list stays open while ticking.
 */
import { Button, Classes, Menu, MenuDivider, MenuItem } from '@blueprintjs/core';
import { Select, type ItemListRenderer, type ItemRenderer } from '@blueprintjs/select';
import { memo } from 'react';
import type { Athlete } from '../../../shared/domain/athlete';
import { MAX_CALENDAR_ATHLETES } from '../../../shared/domain/schedule';
import { useStatusTheme } from '../../components/statusColors';
import { athleteColor } from './athleteColors';

const SWATCHES_ON_BUTTON = 8;

interface AthletePickerProps {
  athletes: readonly Athlete[];
  selected: readonly Athlete[];
  /** The app frame's athlete, offered as "Only …". */
  currentAthleteId: string | null;
  colorOf: (athleteId: string) => number;
  onChange: (athleteIds: string[]) => void;
}

function buttonText(selected: readonly Athlete[]): string {
  if (selected.length === 0) return 'Pick athletes';
  if (selected.length <= 2) return selected.map((athlete) => athlete.name).join(', ');
  return `${selected.length} athletes`;
}

export const AthletePicker = memo(function AthletePicker({
  athletes,
  selected,
  currentAthleteId,
  colorOf,
  onChange,
}: AthletePickerProps) {
  const theme = useStatusTheme();
  const selectedIds = selected.map((athlete) => athlete.id);
  const full = selected.length >= MAX_CALENDAR_ATHLETES;
  const current = athletes.find((athlete) => athlete.id === currentAthleteId) ?? null;

  function toggle(athlete: Athlete) {
    onChange(
      selectedIds.includes(athlete.id)
        ? selectedIds.filter((id) => id !== athlete.id)
        : [...selectedIds, athlete.id].slice(0, MAX_CALENDAR_ATHLETES),
    );
  }

  const renderAthlete: ItemRenderer<Athlete> = (
    athlete,
    { handleClick, handleFocus, modifiers, ref, id },
  ) => {
    if (!modifiers.matchesPredicate) return null;
    const isSelected = selectedIds.includes(athlete.id);
    return (
      <MenuItem
        key={athlete.id}
        id={id}
        ref={ref}
        roleStructure="listoption"
        text={athlete.name}
        active={modifiers.active}
        disabled={full && !isSelected}
        selected={isSelected}
        labelElement={
          isSelected ? (
            <span
              className="lt-swatch"
              style={{ backgroundColor: athleteColor(colorOf(athlete.id), theme) }}
              aria-hidden
            />
          ) : undefined
        }
        onClick={handleClick}
        onFocus={handleFocus}
        shouldDismissPopover={false}
      />
    );
  };

  const renderList: ItemListRenderer<Athlete> = ({ items, itemsParentRef, renderItem, menuProps }) => {
    const rendered = items.map(renderItem).filter((item) => item !== null);
    return (
      <Menu ulRef={itemsParentRef} {...menuProps} className="lt-cal-athlete-menu">
        <MenuItem
          icon="people"
          text={`All athletes${athletes.length > MAX_CALENDAR_ATHLETES ? ` (first ${MAX_CALENDAR_ATHLETES})` : ''}`}
          onClick={() => onChange(athletes.slice(0, MAX_CALENDAR_ATHLETES).map((athlete) => athlete.id))}
          shouldDismissPopover={false}
        />
        {current && (
          <MenuItem
            icon="person"
            text={`Only ${current.name}`}
            onClick={() => onChange([current.id])}
            shouldDismissPopover={false}
          />
        )}
        <MenuDivider />
        <div className="lt-cal-athlete-menu__items">
          {rendered.length > 0 ? (
            rendered
          ) : (
            <MenuItem disabled roleStructure="listoption" text="No athlete matches" />
          )}
        </div>
      </Menu>
    );
  };

  return (
    <Select<Athlete>
      items={[...athletes]}
      itemsEqual="id"
      onItemSelect={toggle}
      itemPredicate={(query, athlete) => athlete.name.toLowerCase().includes(query.trim().toLowerCase())}
      itemRenderer={renderAthlete}
      itemListRenderer={renderList}
      inputProps={{ placeholder: 'Find an athlete', 'aria-label': 'Find an athlete' }}
      popoverProps={{ minimal: true, placement: 'bottom-start' }}
      resetOnClose
    >
      <Button
        className="lt-cal-athletes"
        icon="people"
        endIcon="caret-down"
        aria-label={`Athletes shown: ${selected.map((athlete) => athlete.name).join(', ') || 'none'}`}
      >
        {/* Colours matter once several athletes share the calendar; one alone has no bar. */}
        {selected.length > 1 && (
          <span className="lt-cal-athletes__swatches" aria-hidden>
            {selected.slice(0, SWATCHES_ON_BUTTON).map((athlete) => (
              <span
                key={athlete.id}
                className="lt-swatch"
                style={{ backgroundColor: athleteColor(colorOf(athlete.id), theme) }}
              />
            ))}
          </span>
        )}
        <span className={selected.length === 0 ? Classes.TEXT_MUTED : undefined}>{buttonText(selected)}</span>
      </Button>
    </Select>
  );
});
