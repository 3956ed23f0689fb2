/**
 * Picks one exercise from the library by name: an autocomplete over exercises.autocomplete (the
 * same typo-tolerant search as the library's box), in the ARIA combobox pattern of SearchBox.tsx.
 * Focus stays in the input; arrows move the active option; Enter picks it, or the best match when
 * none is active (so "squat" Enter adds the first squat), even if it arrives after the key press.
 * The text clears after a pick, ready for the next one.
 */
import { useEffect, useId, useState, type KeyboardEvent, type Ref } from 'react';
import { InputGroup, PopoverNext } from '@blueprintjs/core';
import type { ExerciseSummary } from '../../../shared/domain/exercise';
import { useAutocompleteExercisesQuery } from './api';
import { ExerciseSuggestions, nextActiveIndex, suggestionId } from './ExerciseSuggestions';
import './exercises.css';

const DEBOUNCE_MS = 120;

export interface ExercisePickerProps {
  onPick: (exercise: ExerciseSummary) => void;
  /** The input's accessible name; "Add exercise" by default. */
  label?: string;
  placeholder?: string;
  inputRef?: Ref<HTMLInputElement>;
  disabled?: boolean;
  className?: string;
  /** The input's id (for a visible <label htmlFor>). */
  id?: string;
}

export function ExercisePicker({
  onPick,
  label = 'Add exercise',
  placeholder = 'Add exercise…',
  inputRef,
  disabled,
  className,
  id,
}: ExercisePickerProps) {
  const listboxId = useId();
  const [draft, setDraft] = useState('');
  const [debounced, setDebounced] = useState('');
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  // Enter pressed before the matches for the typed text arrived: pick the best one when they do.
  const [pickWhenReady, setPickWhenReady] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(draft.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft]);

  const { currentData } = useAutocompleteExercisesQuery(
    { text: debounced, limit: 8 },
    { skip: debounced === '' },
  );
  const settled = debounced !== '' && debounced === draft.trim() && currentData !== undefined;
  const suggestions = debounced === '' ? [] : (currentData?.items ?? []);
  const isOpen = open && draft.trim() !== '' && suggestions.length > 0;

  const pick = (exercise: ExerciseSummary) => {
    setDraft('');
    setDebounced('');
    setOpen(false);
    setActiveIndex(-1);
    setPickWhenReady(false);
    onPick(exercise);
  };

  useEffect(() => {
    if (!pickWhenReady || !settled) return;
    const best = suggestions[0];
    if (best) pick(best);
    else setPickWhenReady(false);
    // `pick` and `suggestions` follow from the state checked here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pickWhenReady, settled]);

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (suggestions.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActiveIndex((index) => nextActiveIndex(index, step, suggestions.length));
    } else if (event.key === 'Enter') {
      if (draft.trim() === '') return;
      event.preventDefault();
      const chosen = isOpen
        ? (suggestions[activeIndex] ?? (settled ? suggestions[0] : undefined))
        : undefined;
      if (chosen) pick(chosen);
      else setPickWhenReady(true);
    } else if (event.key === 'Escape') {
      if (isOpen) {
        event.preventDefault();
        event.stopPropagation();
        setOpen(false);
        setActiveIndex(-1);
      } else if (draft !== '') {
        event.preventDefault();
        event.stopPropagation();
        setDraft('');
      }
    }
  };

  return (
    <PopoverNext
      isOpen={isOpen}
      autoFocus={false}
      enforceFocus={false}
      shouldReturnFocusOnClose={false}
      arrow={false}
      fill
      matchTargetWidth
      placement="bottom-start"
      onInteraction={(nextOpen, event) => {
        // Only a real interaction (a click outside) closes the list; see SearchBox.tsx.
        if (!nextOpen && event) setOpen(false);
      }}
      className={className ? `lt-ex-picker ${className}` : 'lt-ex-picker'}
      popoverClassName="lt-ex-search-popover"
      content={
        <ExerciseSuggestions
          listboxId={listboxId}
          suggestions={suggestions}
          activeIndex={activeIndex}
          onPick={pick}
          onActivate={setActiveIndex}
        />
      }
    >
      <InputGroup
        id={id}
        leftIcon="plus"
        placeholder={placeholder}
        aria-label={label}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={isOpen}
        aria-controls={listboxId}
        aria-activedescendant={isOpen && activeIndex >= 0 ? suggestionId(listboxId, activeIndex) : undefined}
        aria-busy={pickWhenReady || undefined}
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
        inputRef={inputRef}
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
          setOpen(true);
          setActiveIndex(-1);
          setPickWhenReady(false);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={handleKeyDown}
        fill
      />
    </PopoverNext>
  );
}
