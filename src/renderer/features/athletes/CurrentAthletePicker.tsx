/**
 * The athlete the app is working on, chosen in the frame and kept in preferences.currentAthleteId
 * so it survives a reload. Lists live (not archived) athletes.
 */
import { Button, MenuItem } from '@blueprintjs/core';
import { Select, type ItemPredicate, type ItemRenderer } from '@blueprintjs/select';
import { useNavigate } from 'react-router';
import type { Athlete } from '../../../shared/domain/athlete';
import { usePreferences, useUpdatePreferencesMutation } from '../settings';
import { useAthletesQuery } from './api';

const matchesName: ItemPredicate<Athlete> = (query, athlete) =>
  athlete.name.toLowerCase().includes(query.trim().toLowerCase());

export function CurrentAthletePicker() {
  const navigate = useNavigate();
  const { preferences } = usePreferences();
  const [updatePreferences] = useUpdatePreferencesMutation();
  const { data, isLoading } = useAthletesQuery({ text: '', includeArchived: false });
  const athletes = data?.items ?? [];
  const current = athletes.find((athlete) => athlete.id === preferences.currentAthleteId) ?? null;

  const renderAthlete: ItemRenderer<Athlete> = (athlete, { handleClick, handleFocus, modifiers, ref }) => {
    if (!modifiers.matchesPredicate) return null;
    return (
      <MenuItem
        ref={ref}
        key={athlete.id}
        active={modifiers.active}
        selected={athlete.id === current?.id}
        roleStructure="listoption"
        text={athlete.name}
        label={athlete.timeZone.split('/').pop()?.replaceAll('_', ' ')}
        onClick={handleClick}
        onFocus={handleFocus}
      />
    );
  };

  return (
    <Select<Athlete>
      items={athletes}
      itemRenderer={renderAthlete}
      itemPredicate={matchesName}
      itemsEqual="id"
      activeItem={current}
      onItemSelect={(athlete) => void updatePreferences({ currentAthleteId: athlete.id })}
      inputProps={{ placeholder: 'Find an athlete', 'aria-label': 'Find an athlete' }}
      popoverProps={{ minimal: true, placement: 'bottom-start' }}
      resetOnClose
      noResults={
        athletes.length === 0 ? (
          <MenuItem
            icon="add"
            text="Add an athlete…"
            roleStructure="listoption"
            onClick={() => navigate('/athletes?new=1')}
          />
        ) : (
          <MenuItem disabled text="No athlete matches" roleStructure="listoption" />
        )
      }
    >
      <Button
        variant="minimal"
        icon="person"
        endIcon="caret-down"
        loading={isLoading}
        text={current ? current.name : 'No athlete selected'}
        aria-label={`Current athlete: ${current ? current.name : 'none'}`}
        className="lt-athlete-picker"
      />
    </Select>
  );
}
