/**
 * The search box: typing filters the list (server-side, typo-tolerant) and offers the best
 * matching names in a listbox (ARIA combobox pattern: focus stays in the input, arrows move the
 * active option, Enter picks it, Escape closes, then clears).
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { InputGroup, PopoverNext } from '@blueprintjs/core';
import type { ExerciseSummary } from '../../../shared/domain/exercise';
import { useAutocompleteExercisesQuery } from './api';
import { ExerciseSuggestions, nextActiveIndex, suggestionId } from './ExerciseSuggestions';

const DEBOUNCE_MS = 150;

interface SearchBoxProps {
  /** The text the list is filtered by. */
  value: string;
  onChange: (text: string) => void;
  /** An exercise picked from the suggestions. */
  onPick: (exercise: ExerciseSummary) => void;
  inputRef?: Ref<HTMLInputElement>;
}

export function SearchBox({ value, onChange, onPick, inputRef }: SearchBoxProps) {
  const listboxId = useId();
  const [draft, setDraft] = useState(value);
  const [debounced, setDebounced] = useState(value);
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  // The text last handed to onChange: when it comes back as `value`, it is our own echo, and the
  // user may have typed on since (taking it as a change from outside would eat those keystrokes).
  const sent = useRef(value.trim());

  // Clear filters (or a restored view) changes the text from outside.
  useEffect(() => {
    if (value.trim() === sent.current) return;
    sent.current = value.trim();
    setDraft((current) => (current.trim() === value.trim() ? current : value));
  }, [value]);

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(draft.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft]);

  useEffect(() => {
    if (debounced === value.trim()) return;
    sent.current = debounced;
    onChange(debounced);
    // Only the settled text should reach the list; `value` changing alone must not echo back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const { currentData } = useAutocompleteExercisesQuery(
    { text: debounced, limit: 8 },
    { skip: debounced === '' },
  );
  const suggestions = debounced === '' ? [] : (currentData?.items ?? []);
  const isOpen = open && draft.trim() !== '' && suggestions.length > 0;

  const pick = (exercise: ExerciseSummary) => {
    setDraft(exercise.name);
    setDebounced(exercise.name);
    sent.current = exercise.name;
    onChange(exercise.name);
    setOpen(false);
    setActiveIndex(-1);
    onPick(exercise);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (suggestions.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActiveIndex((index) => nextActiveIndex(index, step, suggestions.length));
    } else if (event.key === 'Enter') {
      const active = isOpen ? suggestions[activeIndex] : undefined;
      if (active) {
        event.preventDefault();
        pick(active);
      } else {
        // Search now, without waiting for the debounce.
        setDebounced(draft.trim());
        setOpen(false);
      }
    } else if (event.key === 'Escape') {
      if (isOpen) {
        event.preventDefault();
        event.stopPropagation();
        setOpen(false);
        setActiveIndex(-1);
      } else if (draft !== '') {
        event.preventDefault();
        setDraft('');
      }
    }
  };

  return (
    <PopoverNext
      isOpen={isOpen}
      autoFocus={false}
      enforceFocus={false}
      // Focus never leaves the input while the list is open; "returning" it on close would refocus
      // the input after a click elsewhere, and its onFocus would open the list again.
      shouldReturnFocusOnClose={false}
      arrow={false}
      fill
      matchTargetWidth
      placement="bottom-start"
      onInteraction={(nextOpen, event) => {
        // PopoverNext also calls this, without an event, to echo our own `isOpen` going false (the
        // suggestions are briefly empty while the next ones load); closing then would keep the list
        // shut for the rest of the typing. Only a real interaction (a click outside) closes it.
        if (!nextOpen && event) setOpen(false);
      }}
      className="lt-ex-search"
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
        type="search"
        leftIcon="search"
        placeholder="Search exercises…"
        aria-label="Search exercises"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={isOpen}
        aria-controls={listboxId}
        aria-activedescendant={isOpen && activeIndex >= 0 ? suggestionId(listboxId, activeIndex) : undefined}
        autoComplete="off"
        spellCheck={false}
        inputRef={inputRef}
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
          setOpen(true);
          setActiveIndex(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={handleKeyDown}
        fill
      />
    </PopoverNext>
  );
}
