/**
 * What to load on each side of the bar for a weight, from the bar and plates in the preferences
 * (null there: the unit's standard bar and plates), drawn as plates on a sleeve and listed in
 * words. A weight the plates cannot make says so and gives the nearest one they can.
 */
import { Classes, FormGroup, InputGroup } from '@blueprintjs/core';
import { useId, useState } from 'react';
import { loadPlates, nearestLoadable, STANDARD_BAR, STANDARD_PLATES } from '../../../shared/calc/plates';
import { roundForDisplay, weightFromKg, type WeightUnit } from '../../components/units';
import { usePreferences } from '../settings';

export interface PlateSetup {
  unit: WeightUnit;
  /** In the unit. */
  bar: number;
  /** In the unit, heaviest first. */
  plates: number[];
}

const inUnit = (kg: number, unit: WeightUnit) => Math.round(weightFromKg(kg, unit) * 100) / 100;

export function usePlateSetup(): PlateSetup {
  const { preferences } = usePreferences();
  const unit = preferences.weightUnit;
  const bar = preferences.barKg === null ? STANDARD_BAR[unit] : inUnit(preferences.barKg, unit);
  const plates = (preferences.platesKg?.map((kg) => inUnit(kg, unit)) ?? [...STANDARD_PLATES[unit]]).sort(
    (a, b) => b - a,
  );
  return { unit, bar, plates };
}

const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

export function PlateCalculator({ weightKg }: { weightKg: number | null }) {
  const setup = usePlateSetup();
  const inputId = useId();
  const initial = weightKg === null ? '' : String(roundForDisplay(weightFromKg(weightKg, setup.unit)));
  const [text, setText] = useState(initial);
  const target = Number(text.replace(',', '.'));
  const valid = text.trim() !== '' && Number.isFinite(target) && target > 0;
  const load = valid ? loadPlates(target, setup.bar, setup.plates) : null;
  const nearest = valid && load && !load.exact ? nearestLoadable(target, setup.bar, setup.plates) : null;

  return (
    <div className="lt-plates">
      <FormGroup label={`Weight (${setup.unit})`} labelFor={inputId} inline className="lt-plates__input">
        <InputGroup
          id={inputId}
          inputMode="decimal"
          value={text}
          autoFocus
          onChange={(event) => setText(event.target.value)}
          onFocus={(event) => event.target.select()}
        />
      </FormGroup>
      {!valid && <p className={Classes.TEXT_MUTED}>Type the weight to load.</p>}
      {valid && target < setup.bar && (
        <p role="status">
          {number.format(target)} {setup.unit} is less than the bar ({number.format(setup.bar)} {setup.unit}).
        </p>
      )}
      {load && target >= setup.bar && (
        <>
          <div className="lt-plates__bar" aria-hidden>
            <span className="lt-plates__sleeve" />
            {load.perSide.flatMap(({ plate, count }) =>
              Array.from({ length: count }, (_, index) => (
                <span
                  key={`${plate}-${index}`}
                  className="lt-plates__plate"
                  style={{ height: `${28 + (72 * plate) / setup.plates[0]!}px` }}
                >
                  {number.format(plate)}
                </span>
              )),
            )}
            <span className="lt-plates__collar" />
          </div>
          <p role="status" className="lt-plates__words">
            {load.perSide.length === 0
              ? `The bar alone (${number.format(setup.bar)} ${setup.unit}).`
              : `Each side: ${load.perSide
                  .map(({ plate, count }) =>
                    count > 1 ? `${count} × ${number.format(plate)}` : number.format(plate),
                  )
                  .join(' + ')} ${setup.unit}, on a ${number.format(setup.bar)} ${setup.unit} bar.`}
          </p>
          {!load.exact && nearest !== null && (
            <p className="lt-plates__nearest">
              These plates make {number.format(load.total)} {setup.unit}, not {number.format(target)}.{' '}
              <button
                type="button"
                className={`${Classes.BUTTON} ${Classes.SMALL}`}
                onClick={() => setText(String(nearest))}
              >
                Load {number.format(nearest)} {setup.unit}
              </button>
            </p>
          )}
        </>
      )}
      <p className={`${Classes.TEXT_MUTED} lt-plates__setup`}>
        Bar {number.format(setup.bar)} {setup.unit}; plates{' '}
        {setup.plates.map((plate) => number.format(plate)).join(', ')} {setup.unit} (Settings).
      </p>
    </div>
  );
}
