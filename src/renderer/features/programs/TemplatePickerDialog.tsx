/**
 * Put a library template on a day from the keyboard: type to filter, arrows to choose, Enter.
 */
import { Classes, Dialog, DialogBody, InputGroup, Menu, MenuItem, NonIdealState } from '@blueprintjs/core';
import { useState, type KeyboardEvent } from 'react';
import type { SlotRef } from '../../../shared/calc/program-ops';
import type { TemplateSummary } from '../../../shared/domain/template';

interface TemplatePickerDialogProps {
  slot: SlotRef | null;
  title: string;
  library: readonly TemplateSummary[];
  currentTemplateId: string | null;
  onPick: (slot: SlotRef, template: TemplateSummary) => void;
  onClose: () => void;
}

export function TemplatePickerDialog(props: TemplatePickerDialogProps) {
  return (
    <Dialog
      isOpen={props.slot !== null}
      onClose={props.onClose}
      title={props.title}
      icon="add"
      className="lt-template-picker"
      // The builder puts the focus back on the grid itself: Blueprint would do it after the
      // closing animation, taking it from wherever the keyboard has gone since.
      shouldReturnFocusOnClose={false}
    >
      {props.slot && <PickerBody {...props} slot={props.slot} />}
    </Dialog>
  );
}

function PickerBody({
  slot,
  library,
  currentTemplateId,
  onPick,
}: TemplatePickerDialogProps & { slot: SlotRef }) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const query = text.trim().toLowerCase();
  const matches = library.filter(
    (template) =>
      template.name.toLowerCase().includes(query) || template.tags.some((tag) => tag.includes(query)),
  );
  const activeIndex = Math.min(active, Math.max(matches.length - 1, 0));

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') setActive(Math.min(activeIndex + 1, matches.length - 1));
    else if (event.key === 'ArrowUp') setActive(Math.max(activeIndex - 1, 0));
    else if (event.key === 'Enter' && matches[activeIndex]) onPick(slot, matches[activeIndex]);
    else return;
    event.preventDefault();
  }

  return (
    <DialogBody>
      <InputGroup
        autoFocus
        type="search"
        leftIcon="search"
        placeholder="Filter templates by name or tag"
        aria-label="Filter templates"
        aria-controls="lt-template-picker-list"
        aria-activedescendant={
          matches[activeIndex] ? `lt-template-option-${matches[activeIndex].id}` : undefined
        }
        value={text}
        onValueChange={(value) => {
          setText(value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {matches.length === 0 ? (
        <NonIdealState
          icon="search"
          title={library.length === 0 ? 'No templates yet' : 'No template matches'}
          description={
            library.length === 0 ? 'Create one with “New template” in the library panel.' : undefined
          }
        />
      ) : (
        <Menu
          id="lt-template-picker-list"
          role="listbox"
          aria-label="Templates"
          className="lt-template-picker__list"
        >
          {matches.map((template, index) => (
            <MenuItem
              key={template.id}
              id={`lt-template-option-${template.id}`}
              roleStructure="listoption"
              active={index === activeIndex}
              selected={template.id === currentTemplateId}
              text={template.name}
              label={`${template.exerciseCount} ${template.exerciseCount === 1 ? 'exercise' : 'exercises'}`}
              onClick={() => onPick(slot, template)}
            />
          ))}
        </Menu>
      )}
      <p className={`${Classes.TEXT_MUTED} lt-template-picker__hint`}>
        ↑ ↓ to choose, Enter to put it on the day.
      </p>
    </DialogBody>
  );
}
