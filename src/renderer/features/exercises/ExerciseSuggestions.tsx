/**
 * The listbox of matching exercises that the library's search box and the exercise picker both
 * open under their input (the ARIA combobox pattern: focus stays in the input, which names the
 * active option with aria-activedescendant), and how the arrow keys move through it.
 */
import { Classes } from '@blueprintjs/core';
import type { ExerciseSummary } from '../../../shared/domain/exercise';
import { equipmentLabel, muscleLabel, SOURCE_LABELS } from './filters';

/** The id of option `index` in the listbox `listboxId`. */
export function suggestionId(listboxId: string, index: number): string {
  return `${listboxId}-option-${index}`;
}

/**
 * The active option after an arrow key: cycles through the options and back to "none active"
 * (-1, the input itself) between the last and the first.
 */
export function nextActiveIndex(index: number, step: 1 | -1, count: number): number {
  const position = ((index === -1 ? count : index) + step + count + 1) % (count + 1);
  return position === count ? -1 : position;
}

interface ExerciseSuggestionsProps {
  listboxId: string;
  suggestions: readonly ExerciseSummary[];
  activeIndex: number;
  onPick: (exercise: ExerciseSummary) => void;
  onActivate: (index: number) => void;
}

export function ExerciseSuggestions({
  listboxId,
  suggestions,
  activeIndex,
  onPick,
  onActivate,
}: ExerciseSuggestionsProps) {
  return (
    <ul id={listboxId} role="listbox" aria-label="Matching exercises" className={Classes.MENU}>
      {suggestions.map((exercise, index) => (
        <li
          key={exercise.id}
          id={suggestionId(listboxId, index)}
          role="option"
          aria-selected={index === activeIndex}
        >
          <div
            className={`${Classes.MENU_ITEM} ${index === activeIndex ? Classes.ACTIVE : ''}`}
            // Keep focus in the input; pick on click.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onPick(exercise)}
            onMouseEnter={() => onActivate(index)}
          >
            <span className={`${Classes.FILL} ${Classes.TEXT_OVERFLOW_ELLIPSIS}`}>
              {exercise.name}
              {exercise.source !== 'catalogue' && (
                <span className={`${Classes.TEXT_MUTED} lt-ex-search-source`}>
                  {' '}
                  · {SOURCE_LABELS[exercise.source]}
                </span>
              )}
            </span>
            <span className={`${Classes.MENU_ITEM_LABEL} ${Classes.TEXT_OVERFLOW_ELLIPSIS}`}>
              {exercise.primaryMuscles.map(muscleLabel).join(', ')}
              {exercise.equipment ? ` · ${equipmentLabel(exercise.equipment)}` : ''}
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
