/**
 * The template library beside the calendar: search it, then drag a template onto a date to schedule
 * it (FullCalendar's external dragging). Every drag has a keyboard path: Enter on a template, or its
 * menu's "Schedule on…", opens the quick-add dialog with the template filled in.
 */
import { Button, Classes, InputGroup, Menu, MenuItem, NonIdealState, PopoverNext } from '@blueprintjs/core';
import { Draggable } from '@fullcalendar/interaction';
import { memo, useDeferredValue, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import type { TemplateSummary } from '../../../shared/domain/template';
import { ErrorCallout } from '../../components/ErrorCallout';
import { useListTemplatesQuery } from '../templates';

const TEMPLATE_ITEM = 'lt-cal-template';
const SKELETON_ITEMS = 6;

interface TemplatePanelProps {
  onSchedule(template: TemplateSummary): void;
}

export const TemplatePanel = memo(function TemplatePanel({ onSchedule }: TemplatePanelProps) {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const deferredText = useDeferredValue(text);
  const { data, error, isLoading, refetch } = useListTemplatesQuery({ text: deferredText });
  const templates = data?.items ?? [];
  const listRef = useRef<HTMLUListElement>(null);

  // One Draggable for the whole list: it finds the dragged item by selector, so items may come
  // and go with the search without re-creating it.
  const hasList = !isLoading && !error && templates.length > 0;
  useEffect(() => {
    if (!hasList || !listRef.current) return;
    const draggable = new Draggable(listRef.current, {
      itemSelector: `.${TEMPLATE_ITEM}`,
      eventData: (element) => ({ title: element.dataset.templateName ?? '', create: false }),
    });
    return () => draggable.destroy();
  }, [hasList]);

  const libraryIsEmpty = hasList === false && !isLoading && !error && deferredText === '';

  return (
    <aside className="lt-cal-panel" aria-label="Templates">
      <div className="lt-cal-panel__header">
        <h2 className="lt-cal-panel__title">Templates</h2>
        <span className={Classes.TEXT_MUTED}>drag onto a date</span>
      </div>
      <InputGroup
        type="search"
        leftIcon="search"
        placeholder="Search templates"
        aria-label="Search templates"
        value={text}
        onValueChange={setText}
        className="lt-cal-panel__search"
      />
      {error ? (
        <ErrorCallout title="Templates could not be loaded" error={error} onRetry={refetch} />
      ) : libraryIsEmpty ? (
        <NonIdealState
          className="lt-cal-panel__empty"
          icon="th-list"
          title="No templates yet"
          description="Templates are the workouts you schedule: write one, then drag it onto a date."
          action={
            <Button icon="add" text="Create a template" onClick={() => navigate('/programs/templates')} />
          }
        />
      ) : !isLoading && templates.length === 0 ? (
        <p className={`lt-cal-panel__none ${Classes.TEXT_MUTED}`}>No template matches “{deferredText}”.</p>
      ) : (
        <ul ref={listRef} className="lt-cal-panel__list" aria-busy={isLoading}>
          {isLoading
            ? Array.from({ length: SKELETON_ITEMS }, (_, index) => (
                <li key={index} className={`${TEMPLATE_ITEM}--skeleton ${Classes.SKELETON}`} aria-hidden>
                  Template
                </li>
              ))
            : templates.map((template) => (
                <TemplateItem key={template.id} template={template} onSchedule={() => onSchedule(template)} />
              ))}
        </ul>
      )}
    </aside>
  );
});

function TemplateItem({ template, onSchedule }: { template: TemplateSummary; onSchedule(): void }) {
  const [menuOpen, setMenuOpen] = useState(false);
  function onKeyDown(event: KeyboardEvent<HTMLLIElement>) {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSchedule();
    } else if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      event.preventDefault();
      setMenuOpen(true);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const sibling =
        event.key === 'ArrowDown'
          ? event.currentTarget.nextElementSibling
          : event.currentTarget.previousElementSibling;
      (sibling as HTMLElement | null)?.focus();
    }
  }
  const exercises = template.exerciseCount === 1 ? '1 exercise' : `${template.exerciseCount} exercises`;
  return (
    <li
      className={TEMPLATE_ITEM}
      data-template-id={template.id}
      data-template-name={template.name}
      tabIndex={0}
      aria-label={`${template.name}, ${exercises}. Drag onto a date, or press Enter to schedule it`}
      onKeyDown={onKeyDown}
    >
      <span className="lt-cal-template__grip" aria-hidden>
        ⋮⋮
      </span>
      <span className="lt-cal-template__text">
        <span className="lt-cal-template__name">{template.name}</span>
        <span className={`lt-cal-template__meta ${Classes.TEXT_MUTED}`}>
          {exercises}
          {template.muscles.length > 0 ? ` · ${template.muscles.slice(0, 3).join(', ')}` : ''}
        </span>
      </span>
      <PopoverNext
        isOpen={menuOpen}
        onInteraction={setMenuOpen}
        placement="bottom-end"
        content={
          <Menu aria-label={`${template.name} actions`}>
            <MenuItem icon="calendar" text="Schedule on…" label="Enter" onClick={onSchedule} />
          </Menu>
        }
        renderTarget={({ ref, ...targetProps }) => (
          <Button
            {...targetProps}
            ref={ref}
            variant="minimal"
            size="small"
            icon="more"
            aria-label={`${template.name} actions`}
            className="lt-cal-template__menu"
          />
        )}
      />
    </li>
  );
}
