import { Intent, MenuItem } from '@blueprintjs/core';
import { MultiSelect } from '@blueprintjs/select';
import { MUSCLES, type Muscle } from '../../../shared/domain/exercise';
import { muscleLabel, toggled } from './filters';

interface MuscleSelectProps {
  /** The input's id, named by the field's label. */
  id: string;
  value: Muscle[];
  onChange: (muscles: Muscle[]) => void;
  /** Muscles picked in the other role, shown disabled (a muscle is primary or secondary, not both). */
  unavailable?: readonly Muscle[];
  invalid?: boolean;
  placeholder?: string;
}

/** A type-ahead multi-select over the muscle vocabulary: type "qua", Enter, and so on. */
export function MuscleSelect({
  id,
  value,
  onChange,
  unavailable = [],
  invalid,
  placeholder,
}: MuscleSelectProps) {
  return (
    // Keys meant for the list stay in it: Escape closes the list, not the dialog around it (React
    // events bubble out of portals), and Enter picks a muscle rather than submitting the form.
    <div
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.preventDefault();
        const expanded = event.currentTarget.querySelector('[aria-expanded="true"]');
        if (event.key === 'Escape' && expanded) event.stopPropagation();
      }}
    >
      <MultiSelect<Muscle>
        items={[...MUSCLES]}
        selectedItems={value}
        onItemSelect={(muscle) => onChange(toggled(value, muscle))}
        onRemove={(muscle) => onChange(value.filter((picked) => picked !== muscle))}
        onClear={() => onChange([])}
        itemPredicate={(query, muscle) => muscle.includes(query.trim().toLowerCase())}
        itemDisabled={(muscle) => unavailable.includes(muscle)}
        itemRenderer={(muscle, { handleClick, handleFocus, modifiers, ref, id: optionId }) =>
          modifiers.matchesPredicate ? (
            <MenuItem
              key={muscle}
              id={optionId}
              ref={ref}
              roleStructure="listoption"
              text={muscleLabel(muscle)}
              active={modifiers.active}
              disabled={modifiers.disabled}
              selected={value.includes(muscle)}
              labelElement={unavailable.includes(muscle) ? 'in the other list' : undefined}
              onClick={handleClick}
              onFocus={handleFocus}
              shouldDismissPopover={false}
            />
          ) : null
        }
        noResults={<MenuItem disabled roleStructure="listoption" text="No such muscle" />}
        tagRenderer={muscleLabel}
        placeholder={placeholder ?? 'Type or pick muscles…'}
        resetOnSelect
        fill
        popoverProps={{ minimal: true, matchTargetWidth: true }}
        tagInputProps={{
          intent: invalid ? Intent.DANGER : Intent.NONE,
          tagProps: { minimal: true },
          inputProps: { id, 'aria-invalid': invalid || undefined },
        }}
      />
    </div>
  );
}
