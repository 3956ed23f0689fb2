/**
 * The builder's left panel: the template library, searchable and filtered by tag, each template a
 * card to drag onto a day (or, from the keyboard, Enter → "Put on a day…"). "New template"
 * creates one and opens it for editing beside the grid.
 */
import { useDraggable } from '@dnd-kit/core';
import {
  Button,
  Classes,
  InputGroup,
  Menu,
  MenuItem,
  NonIdealState,
  PopoverNext,
  Tag,
} from '@blueprintjs/core';
import { useDeferredValue, useState } from 'react';
import type { TemplateSummary } from '../../../shared/domain/template';
import { useListTemplatesQuery } from '../templates';
import { dragId, type DragData } from './builderDnd';

interface TemplateLibraryProps {
  onPlace: (template: TemplateSummary) => void;
  onEdit: (template: TemplateSummary) => void;
  onNew: () => void;
  creating: boolean;
  collapsed: boolean;
  onCollapsedChange: (collapsed: boolean) => void;
}

export function TemplateLibrary(props: TemplateLibraryProps) {
  if (props.collapsed) {
    return (
      <aside className="lt-library lt-library--collapsed" aria-label="Template library">
        <Button
          variant="minimal"
          icon="chevron-right"
          aria-label="Show the template library"
          title="Show the template library"
          onClick={() => props.onCollapsedChange(false)}
        />
        <span className="lt-library__rail-label">Templates</span>
      </aside>
    );
  }
  return <LibraryPanel {...props} />;
}

function LibraryPanel({ onPlace, onEdit, onNew, creating, onCollapsedChange }: TemplateLibraryProps) {
  const [text, setText] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const deferredText = useDeferredValue(text);
  const { data, isLoading } = useListTemplatesQuery({ text: deferredText, tags, includeArchived: false });
  const templates = data?.items ?? [];
  const tagCounts = data?.tags ?? [];

  return (
    <aside className="lt-library" aria-label="Template library">
      <div className="lt-library__head">
        <h2 className={`${Classes.HEADING} lt-library__title`}>Templates</h2>
        <Button
          size="small"
          icon="add"
          text="New"
          aria-label="New template"
          title="New template"
          loading={creating}
          onClick={onNew}
        />
        <Button
          size="small"
          variant="minimal"
          icon="chevron-left"
          aria-label="Hide the template library"
          title="Hide the template library (more room for the weeks)"
          onClick={() => onCollapsedChange(true)}
        />
      </div>
      <InputGroup
        type="search"
        size="small"
        leftIcon="search"
        placeholder="Search templates"
        aria-label="Search templates"
        value={text}
        onValueChange={setText}
        className="lt-library__search"
      />
      {tagCounts.length > 0 && (
        <div className="lt-library__tags" role="group" aria-label="Filter by tag">
          {tagCounts.slice(0, 14).map((tag) => {
            const on = tags.includes(tag.value);
            return (
              <Tag
                key={tag.value}
                interactive
                round
                minimal={!on}
                intent={on ? 'primary' : 'none'}
                aria-pressed={on}
                role="button"
                tabIndex={0}
                onClick={() =>
                  setTags(on ? tags.filter((value) => value !== tag.value) : [...tags, tag.value])
                }
                onKeyDown={(event) => {
                  if (event.key !== 'Enter' && event.key !== ' ') return;
                  event.preventDefault();
                  setTags(on ? tags.filter((value) => value !== tag.value) : [...tags, tag.value]);
                }}
              >
                {tag.value}
              </Tag>
            );
          })}
        </div>
      )}
      <p className={`${Classes.TEXT_MUTED} lt-library__hint`}>
        Drag a template onto a day, or press Enter on it.
      </p>
      <ul className="lt-library__list" aria-busy={isLoading}>
        {isLoading &&
          Array.from({ length: 6 }, (_, index) => (
            <li key={index} className={`lt-library-card ${Classes.SKELETON}`} aria-hidden>
              Loading template
            </li>
          ))}
        {templates.map((template) => (
          <LibraryCard key={template.id} template={template} onPlace={onPlace} onEdit={onEdit} />
        ))}
      </ul>
      {!isLoading && templates.length === 0 && (
        <NonIdealState
          className="lt-library__empty"
          icon={deferredText || tags.length ? 'search' : 'document'}
          title={deferredText || tags.length ? 'No template matches' : 'No templates yet'}
          description={
            deferredText || tags.length
              ? undefined
              : 'A template is one workout: its exercises, sets and loads.'
          }
          action={
            deferredText || tags.length ? (
              <Button
                size="small"
                text="Clear search"
                onClick={() => {
                  setText('');
                  setTags([]);
                }}
              />
            ) : (
              <Button size="small" intent="primary" icon="add" text="New template" onClick={onNew} />
            )
          }
        />
      )}
    </aside>
  );
}

function LibraryCard({
  template,
  onPlace,
  onEdit,
}: {
  template: TemplateSummary;
  onPlace: (template: TemplateSummary) => void;
  onEdit: (template: TemplateSummary) => void;
}) {
  const [menuOpen, setMenuOpen] = useState(false);
  const drag = useDraggable({
    id: dragId.template(template.id),
    data: { kind: 'template', templateId: template.id, name: template.name } satisfies DragData,
    attributes: { roleDescription: 'template' },
  });
  const count = `${template.exerciseCount} ${template.exerciseCount === 1 ? 'exercise' : 'exercises'}`;
  return (
    <li
      ref={drag.setNodeRef}
      {...drag.attributes}
      {...drag.listeners}
      role="button"
      aria-label={`${template.name}, ${count}`}
      aria-haspopup="menu"
      className={`lt-library-card${drag.isDragging ? ' lt-library-card--dragging' : ''}`}
      onKeyDown={(event) => {
        drag.listeners?.onKeyDown?.(event);
        if (event.defaultPrevented) return;
        if (event.key === 'Enter') {
          event.preventDefault();
          onPlace(template);
        } else if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
          event.preventDefault();
          setMenuOpen(true);
        }
      }}
      onDoubleClick={() => onEdit(template)}
    >
      <div className="lt-library-card__head">
        <span className="lt-library-card__name">{template.name}</span>
        <PopoverNext
          isOpen={menuOpen}
          onInteraction={setMenuOpen}
          placement="bottom-end"
          content={
            <Menu aria-label={`${template.name} actions`}>
              <MenuItem icon="add" text="Put on a day…" label="Enter" onClick={() => onPlace(template)} />
              <MenuItem icon="edit" text="Edit template" onClick={() => onEdit(template)} />
            </Menu>
          }
          renderTarget={({ ref, ...targetProps }) => (
            <Button
              {...targetProps}
              ref={ref}
              size="small"
              variant="minimal"
              icon="more"
              tabIndex={-1}
              aria-label={`${template.name} actions`}
              className="lt-library-card__menu"
              onPointerDown={(event) => event.stopPropagation()}
            />
          )}
        />
      </div>
      <div className={`lt-library-card__meta ${Classes.TEXT_MUTED}`}>
        {count}
        {template.exercisePreview.length > 0 && ` · ${template.exercisePreview.slice(0, 3).join(', ')}`}
      </div>
      {template.tags.length > 0 && (
        <div className="lt-library-card__tags">
          {template.tags.slice(0, 4).map((tag) => (
            <span key={tag} className="lt-library-card__tag">
              {tag}
            </span>
          ))}
        </div>
      )}
    </li>
  );
}
