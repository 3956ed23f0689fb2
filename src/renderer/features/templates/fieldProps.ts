/** Labels and ARIA wiring shared by an exercise's row and its per-set rows. */
import { Classes } from '@blueprintjs/core';
import type { WeightUnit } from '../../components/units';
import type { EffortKind, FieldErrors, FieldKey, LoadKind } from './draft';

export function loadLabel(kind: LoadKind, unit: WeightUnit): string {
  return kind === 'percent' ? '%1RM' : `Load (${unit})`;
}
export function effortLabel(kind: EffortKind): string {
  return kind === 'rpe' ? 'RPE' : 'RIR';
}

export const fieldId = (rowKey: string, field: FieldKey) => `${rowKey}-${field.replaceAll('.', '-')}`;
export const errorId = (rowKey: string, field: FieldKey) => `${fieldId(rowKey, field)}-error`;

/** Props that make an input show and announce its problem. */
export function invalidProps(rowKey: string, field: FieldKey, errors: FieldErrors | undefined) {
  const message = errors?.[field];
  return {
    id: fieldId(rowKey, field),
    'data-field': field,
    'aria-invalid': message ? true : undefined,
    'aria-describedby': message ? errorId(rowKey, field) : undefined,
    className: `${Classes.INPUT} ${Classes.SMALL} lt-tpl-input${message ? ` ${Classes.INTENT_DANGER}` : ''}`,
  } as const;
}
