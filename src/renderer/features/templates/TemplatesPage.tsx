/**
 * The template library (#/programs/templates, and #/programs/templates/<id> with one open): search,
 * tag filter and "Show archived" over a dense table; the open template is edited beside it. "n"
 * creates a template, "/" searches, "a" goes to the open template's Add exercise.
 */
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import {
  Button,
  Classes,
  InputGroup,
  Intent,
  NonIdealState,
  Switch,
  Tag,
  useHotkeys,
  type HotkeyConfig,
} from '@blueprintjs/core';
import { useLocation, useNavigate, useParams } from 'react-router';
import { id as idSchema } from '../../../shared/domain/common';
import type { TemplateSummary } from '../../../shared/domain/template';
import { ErrorCallout } from '../../components/ErrorCallout';
import { PROGRAMS_TABS, SectionTabs } from '../../components/SectionTabs';
import { useGetTemplateQuery, useListTemplatesQuery } from './api';
import { TemplateEditor } from './TemplateEditor';
import { TemplateList } from './TemplateList';
import { isUsed, usageSummary, useTemplateActions } from './useTemplateActions';
import { useTemplatesView } from './useTemplatesView';
import './templates.css';

export function TemplatesPage() {
  const { '*': pathId } = useParams();
  const selectedId = pathId && idSchema.safeParse(pathId).success ? pathId : null;
  const navigate = useNavigate();
  const location = useLocation();
  const [view, updateView] = useTemplatesView();
  const deferredText = useDeferredValue(view.text);
  const query = { text: deferredText, tags: view.tags, includeArchived: view.includeArchived };
  const { data, error, isLoading, isFetching, refetch } = useListTemplatesQuery(query);
  // A template just created opens with its name selected, ready to type over.
  const [newTemplateId, setNewTemplateId] = useState<string | null>(null);

  const open = useCallback(
    (id: string | null, options?: { isNew?: boolean }) => {
      setNewTemplateId(options?.isNew && id ? id : null);
      void navigate({
        pathname: id ? `/programs/templates/${id}` : '/programs/templates',
        search: location.search,
      });
    },
    [navigate, location.search],
  );
  const actions = useTemplateActions(open);
  const { create } = actions;

  const hotkeys = useMemo<HotkeyConfig[]>(
    () => [
      {
        combo: 'n',
        global: true,
        group: 'Templates',
        label: 'New template',
        preventDefault: true,
        onKeyDown: () => void create(),
      },
      {
        combo: 'a',
        global: true,
        group: 'Templates',
        label: 'Add an exercise to the open template',
        preventDefault: true,
        disabled: selectedId === null,
        onKeyDown: () => document.querySelector<HTMLInputElement>('.lt-tpl-picker input')?.focus(),
      },
      {
        combo: 'escape',
        global: true,
        group: 'Templates',
        label: 'Close the open template',
        disabled: selectedId === null,
        onKeyDown: (event) => {
          if (
            event.target instanceof HTMLElement &&
            event.target.closest('input, textarea, select, [role="dialog"]')
          )
            return;
          open(null);
        },
      },
    ],
    [create, selectedId, open],
  );
  useHotkeys(hotkeys);

  const items = data?.items ?? [];
  const tagCounts = data?.tags ?? [];
  const filtered = deferredText !== '' || view.tags.length > 0;
  const libraryIsEmpty = !isLoading && !error && items.length === 0 && !filtered && !view.includeArchived;
  // The open template's summary (from its detail, so it stays when a filter hides its row).
  const { data: openDetail } = useGetTemplateQuery({ id: selectedId ?? '' }, { skip: selectedId === null });
  const selected: TemplateSummary | undefined =
    openDetail?.id === selectedId ? openDetail : items.find((item) => item.id === selectedId);
  const toggleTag = (tag: string) =>
    updateView({
      tags: view.tags.includes(tag) ? view.tags.filter((item) => item !== tag) : [...view.tags, tag],
    });

  return (
    <div className={selectedId ? 'lt-tpl-page lt-tpl-page--open' : 'lt-tpl-page'}>
      <header className="lt-tpl-header">
        <h1 className="lt-visually-hidden">Templates</h1>
        <SectionTabs tabs={PROGRAMS_TABS} label="Programs and templates" asTitle />
        {!isLoading && !libraryIsEmpty && (
          <span className="lt-page-header__meta lt-tpl-count-meta" aria-live="polite">
            {items.length === 1 ? '1 template' : `${items.length} templates`}
            {deferredText ? ` matching “${deferredText}”` : ''}
          </span>
        )}
        <div className="lt-page-header__spacer" />
        <InputGroup
          type="search"
          className="lt-tpl-search"
          leftIcon="search"
          placeholder="Search templates"
          aria-label="Search templates"
          value={view.text}
          onValueChange={(text) => updateView({ text })}
          rightElement={isFetching && !isLoading ? <span className="lt-input-unit">…</span> : undefined}
        />
        <Switch
          className="lt-tpl-archived-toggle"
          label="Show archived"
          checked={view.includeArchived}
          onChange={(event) => updateView({ includeArchived: event.currentTarget.checked })}
        />
        <Button
          intent={Intent.PRIMARY}
          icon="add"
          text="New template"
          title="New template (n)"
          onClick={() => void actions.create()}
        />
      </header>

      <div className="lt-tpl-body">
        <section className="lt-tpl-library" aria-label="Template library">
          {tagCounts.length > 0 && (
            <div className="lt-tpl-tagfilter" role="group" aria-label="Filter by tag">
              {tagCounts.map((tag) => {
                const active = view.tags.includes(tag.value);
                return (
                  <button
                    key={tag.value}
                    type="button"
                    aria-pressed={active}
                    className={`${Classes.TAG} ${Classes.INTERACTIVE} ${Classes.ROUND} ${active ? Classes.INTENT_PRIMARY : Classes.MINIMAL} lt-tpl-tagfilter-tag`}
                    onClick={() => toggleTag(tag.value)}
                  >
                    {tag.value} <span className="lt-tpl-tagfilter-count">{tag.count}</span>
                  </button>
                );
              })}
              {view.tags.length > 0 && (
                <Button
                  size="small"
                  variant="minimal"
                  text="Clear"
                  onClick={() => updateView({ tags: [] })}
                />
              )}
            </div>
          )}
          {error ? (
            <ErrorCallout title="The templates could not be loaded" error={error} onRetry={refetch} />
          ) : libraryIsEmpty ? (
            <NonIdealState
              icon="clipboard"
              title="No templates yet"
              description="A template is a named workout: exercises in order with sets, reps, load and rest. Build one, then use it in programs."
              action={
                <Button
                  intent={Intent.PRIMARY}
                  icon="add"
                  text="New template"
                  onClick={() => void actions.create()}
                />
              }
            />
          ) : !isLoading && items.length === 0 ? (
            <NonIdealState
              icon="search"
              title={deferredText ? `No templates match “${deferredText}”` : 'No templates with these tags'}
              description={
                view.includeArchived
                  ? undefined
                  : 'Archived templates are hidden; turn on “Show archived” to include them.'
              }
              action={
                <Button
                  icon="filter-remove"
                  text="Clear search and tags"
                  onClick={() => updateView({ text: '', tags: [] })}
                />
              }
            />
          ) : (
            <div className="lt-tpl-table-scroll">
              <TemplateList
                items={items}
                loading={isLoading}
                selectedId={selectedId}
                narrow={selectedId !== null}
                onOpen={(template) => open(template.id)}
                onDuplicate={(template) => void actions.duplicate(template)}
                onArchive={(template, archived) => void actions.setArchived(template, archived)}
                onDelete={(template) => void actions.remove(template)}
              />
            </div>
          )}
        </section>

        {selectedId && (
          <section className="lt-tpl-panel" aria-label="Open template">
            <div className="lt-tpl-panel-bar">
              <span className={Classes.TEXT_MUTED}>
                {selected ? <UsageLine template={selected} /> : null}
              </span>
              <div className="lt-page-header__spacer" />
              {selected && (
                <>
                  <Button
                    size="small"
                    variant="minimal"
                    icon="duplicate"
                    text="Duplicate"
                    onClick={() => void actions.duplicate(selected)}
                  />
                  <Button
                    size="small"
                    variant="minimal"
                    icon={selected.archived ? 'unarchive' : 'archive'}
                    text={selected.archived ? 'Restore' : 'Archive'}
                    onClick={() => void actions.setArchived(selected, !selected.archived)}
                  />
                  <Button
                    size="small"
                    variant="minimal"
                    icon="trash"
                    text="Delete"
                    intent={isUsed(selected.usage) ? Intent.NONE : Intent.DANGER}
                    onClick={() => void actions.remove(selected)}
                  />
                </>
              )}
              <Button
                size="small"
                variant="minimal"
                icon="cross"
                aria-label="Close the template"
                title="Close (Escape)"
                onClick={() => open(null)}
              />
            </div>
            <TemplateEditor templateId={selectedId} autoFocusName={newTemplateId === selectedId} />
          </section>
        )}
      </div>
    </div>
  );
}

function UsageLine({ template }: { template: TemplateSummary }) {
  const usage = usageSummary(template.usage);
  return (
    <>
      {template.archived && (
        <Tag minimal round className="lt-tpl-archived-tag">
          Archived
        </Tag>
      )}
      {usage ? `Used by ${usage}` : 'Not used by any program yet'}
    </>
  );
}
