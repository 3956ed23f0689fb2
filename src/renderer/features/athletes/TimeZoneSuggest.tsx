import { MenuItem } from '@blueprintjs/core';
import { Suggest, type ItemListRenderer, type ItemRenderer } from '@blueprintjs/select';
import { Menu } from '@blueprintjs/core';
import { timeZoneLabel, timeZoneMatches, timeZoneOffset, timeZones } from './timeZones';

/** Rendering all ~420 zones at once makes the popover sluggish; typing narrows it. */
const MAX_SHOWN = 60;

const renderTimeZone: ItemRenderer<string> = (timeZone, { handleClick, handleFocus, modifiers, ref }) => {
  if (!modifiers.matchesPredicate) return null;
  return (
    <MenuItem
      ref={ref}
      key={timeZone}
      active={modifiers.active}
      text={timeZoneLabel(timeZone)}
      label={timeZoneOffset(timeZone)}
      onClick={handleClick}
      onFocus={handleFocus}
      roleStructure="listoption"
    />
  );
};

const renderList: ItemListRenderer<string> = ({ filteredItems, itemsParentRef, menuProps, renderItem }) => {
  const shown = filteredItems.slice(0, MAX_SHOWN);
  return (
    <Menu ulRef={itemsParentRef} {...menuProps} className="lt-timezone-menu">
      {shown.length === 0 && <MenuItem disabled text="No time zone matches" roleStructure="listoption" />}
      {shown.map((item, index) => renderItem(item, index))}
      {filteredItems.length > MAX_SHOWN && (
        <MenuItem disabled text={`${filteredItems.length - MAX_SHOWN} more — keep typing`} roleStructure="listoption" />
      )}
    </Menu>
  );
};

interface TimeZoneSuggestProps {
  id: string;
  value: string;
  onChange: (timeZone: string) => void;
  invalid?: boolean;
}

export function TimeZoneSuggest({ id, value, onChange, invalid }: TimeZoneSuggestProps) {
  return (
    <Suggest<string>
      items={timeZones()}
      selectedItem={value}
      onItemSelect={onChange}
      itemPredicate={(query, timeZone) => timeZoneMatches(timeZone, query)}
      itemRenderer={renderTimeZone}
      itemListRenderer={renderList}
      inputValueRenderer={(timeZone) => timeZone.replaceAll('_', ' ')}
      inputProps={{
        id,
        placeholder: 'Search time zones',
        intent: invalid ? 'danger' : 'none',
        'aria-invalid': invalid || undefined,
        // While the list is open, Enter and Escape belong to it. Blueprint picks the highlighted
        // zone on Enter's keyup, so the keydown must not also submit the form (with the zone from
        // before the pick); Escape closes the list, not the dialog around it (losing the form).
        onKeyDown: (event) => {
          if (event.currentTarget.getAttribute('aria-expanded') !== 'true') return;
          if (event.key === 'Enter') event.preventDefault();
          if (event.key === 'Escape') event.stopPropagation();
        },
      }}
      popoverProps={{ minimal: true, matchTargetWidth: true }}
      resetOnClose
      fill
    />
  );
}
