import { Menu, MenuItem } from '@blueprintjs/core';
import { Suggest, type ItemListRenderer, type ItemRenderer } from '@blueprintjs/select';
import { useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
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

/**
 * The MAX_SHOWN zones around the highlighted one: opening the list on a zone late in the alphabet
 * (Asia/Tokyo) shows it, and ↑/↓ never move the highlight onto a zone that is not drawn.
 */
function shownRange(count: number, activeIndex: number): { start: number; end: number } {
  if (count <= MAX_SHOWN || activeIndex < MAX_SHOWN / 2) return { start: 0, end: Math.min(count, MAX_SHOWN) };
  const start = Math.min(activeIndex - MAX_SHOWN / 2, count - MAX_SHOWN);
  return { start, end: start + MAX_SHOWN };
}

const renderList: ItemListRenderer<string> = ({
  activeItem,
  filteredItems,
  itemsParentRef,
  menuProps,
  renderItem,
}) => {
  const activeIndex = typeof activeItem === 'string' ? filteredItems.indexOf(activeItem) : -1;
  const { start, end } = shownRange(filteredItems.length, activeIndex);
  const more = (count: number, where: string) =>
    count > 0 && <MenuItem disabled text={`${count} ${where} — keep typing`} roleStructure="listoption" />;
  return (
    <Menu ulRef={itemsParentRef} {...menuProps} className="lt-timezone-menu">
      {filteredItems.length === 0 && (
        <MenuItem disabled text="No time zone matches" roleStructure="listoption" />
      )}
      {more(start, 'earlier')}
      {filteredItems.slice(start, end).map((item, offset) => renderItem(item, start + offset))}
      {more(filteredItems.length - end, 'more')}
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
  const inputRef = useRef<HTMLInputElement>(null);
  // Blueprint's Suggest blurs its input when a zone is picked or Escape closes the list, and the
  // dialog then moves focus to its own start (so Tab went to Close, not Bodyweight). As in the
  // WAI-ARIA combobox pattern, focus goes back to the field; while it is back, a keystroke (typing,
  // ↓) reopens the list, since Suggest would otherwise reopen it on that very focus.
  const [focusReturns, setFocusReturns] = useState(0);
  const [opensOnKeyOnly, setOpensOnKeyOnly] = useState(false);
  useLayoutEffect(() => {
    if (focusReturns > 0) inputRef.current?.focus();
  }, [focusReturns]);

  function keepFocusOnField() {
    setOpensOnKeyOnly(true);
    setFocusReturns((count) => count + 1);
  }

  return (
    <Suggest<string>
      items={timeZones()}
      selectedItem={value}
      onItemSelect={(timeZone) => {
        onChange(timeZone);
        keepFocusOnField();
      }}
      itemPredicate={(query, timeZone) => timeZoneMatches(timeZone, query)}
      itemRenderer={renderTimeZone}
      itemListRenderer={renderList}
      inputValueRenderer={(timeZone) => timeZone.replaceAll('_', ' ')}
      openOnKeyDown={opensOnKeyOnly}
      inputProps={{
        id,
        inputRef,
        placeholder: 'Search time zones',
        intent: invalid ? 'danger' : 'none',
        'aria-invalid': invalid || undefined,
        // While the list is open, Enter and Escape belong to it. Blueprint picks the highlighted
        // zone on Enter's keyup, so the keydown must not also submit the form (with the zone from
        // before the pick); Escape closes the list, not the dialog around it (losing the form).
        onKeyDown: (event) => {
          if (event.currentTarget.getAttribute('aria-expanded') !== 'true') return;
          if (event.key === 'Enter') event.preventDefault();
          if (event.key === 'Escape') {
            event.stopPropagation();
            keepFocusOnField();
          }
        },
        onBlur: () => setOpensOnKeyOnly(false),
        // A click on the field with the list closed opens it again, as the first click did: let go of
        // the focus (after Suggest has been told to open on focus again), so that the click's own
        // focus goes through Suggest's "open on focus".
        onMouseDown: (event) => {
          if (!opensOnKeyOnly || event.currentTarget.getAttribute('aria-expanded') === 'true') return;
          flushSync(() => setOpensOnKeyOnly(false));
          event.currentTarget.blur();
        },
      }}
      popoverProps={{ minimal: true, matchTargetWidth: true }}
      resetOnClose
      fill
    />
  );
}
