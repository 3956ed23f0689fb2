/**
 * The library's table: name, tags, exercises, muscles, where it is used, when it changed, and the
 * row's actions. Rows are focusable: Enter opens, arrows move, Delete deletes (with Undo).
 */
import { type KeyboardEvent } from 'react';
import { Button, Classes, HTMLTable, Intent, Tag, Tooltip } from '@blueprintjs/core';
import { format } from 'date-fns';
import type { Muscle } from '../../../shared/domain/exercise';
import type { TemplateSummary } from '../../../shared/domain/template';
import { muscleLabel } from '../exercises';
import { deleteBlockedReason, usageSummary } from './useTemplateActions';
import { onTableRowKeyDown } from '../../components/tableRowKeys';

interface TemplateListProps {
  items: TemplateSummary[];
  loading: boolean;
  selectedId: string | null;
  /** A template is open beside the list: fewer columns. */
  narrow: boolean;
  onOpen: (template: TemplateSummary) => void;
  onDuplicate: (template: TemplateSummary) => void;
  onArchive: (template: TemplateSummary, archived: boolean) => void;
  onDelete: (template: TemplateSummary) => void;
}

const SKELETON_ROWS = 8;

/** As many muscle tags as fit the column (about 20 characters), most frequent first. */
function shownMuscles(muscles: readonly Muscle[]): Muscle[] {
  const shown: Muscle[] = [];
  let length = 0;
  for (const muscle of muscles) {
    length += muscle.length + 3;
    if (shown.length > 0 && length > 21) break;
    shown.push(muscle);
  }
  return shown;
}

export function TemplateList({
  items,
  loading,
  selectedId,
  narrow,
  onOpen,
  onDuplicate,
  onArchive,
  onDelete,
}: TemplateListProps) {
  const columns = narrow ? 2 : 7;

  function onRowKeyDown(event: KeyboardEvent<HTMLTableRowElement>, template: TemplateSummary) {
    onTableRowKeyDown(event, { Enter: () => onOpen(template), Delete: () => onDelete(template) });
  }

  return (
    <HTMLTable
      compact
      interactive
      className={narrow ? 'lt-tpl-table lt-tpl-table--narrow' : 'lt-tpl-table'}
      aria-label="Templates"
      aria-busy={loading || undefined}
    >
      <thead>
        <tr>
          <th scope="col" className="lt-tpl-col-name">
            Name
          </th>
          {!narrow && (
            <>
              <th scope="col" className="lt-tpl-col-tags">
                Tags
              </th>
              <th scope="col" className="lt-tpl-col-exercises">
                Exercises
              </th>
              <th scope="col" className="lt-tpl-col-muscles">
                Muscles
              </th>
              <th scope="col" className="lt-tpl-col-usage">
                Used by
              </th>
              <th scope="col" className="lt-tpl-col-updated">
                Updated
              </th>
            </>
          )}
          <th scope="col" className="lt-tpl-col-actions">
            <span className={Classes.TEXT_MUTED}>Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {loading
          ? Array.from({ length: SKELETON_ROWS }, (_, index) => (
              <tr key={index} aria-hidden>
                {Array.from({ length: columns }, (_, cell) => (
                  <td key={cell}>
                    <span className={Classes.SKELETON}>{cell === 0 ? 'Upper body strength' : 'push'}</span>
                  </td>
                ))}
              </tr>
            ))
          : items.map((template) => {
              const selected = template.id === selectedId;
              const usage = usageSummary(template.usage);
              const blocked = deleteBlockedReason(template.usage);
              const classes = [
                selected ? 'lt-tpl-row--selected' : '',
                template.archived ? 'lt-tpl-row--archived' : '',
              ]
                .filter(Boolean)
                .join(' ');
              return (
                <tr
                  key={template.id}
                  tabIndex={0}
                  className={classes || undefined}
                  aria-selected={selected}
                  onClick={(event) => {
                    if ((event.target as HTMLElement).closest('button, a')) return;
                    onOpen(template);
                  }}
                  onKeyDown={(event) => onRowKeyDown(event, template)}
                >
                  <td className="lt-tpl-col-name">
                    <div className="lt-tpl-name-cell">
                      <span className="lt-tpl-row-name" title={template.name}>
                        {template.name}
                      </span>
                      {template.archived && (
                        <Tag minimal round>
                          Archived
                        </Tag>
                      )}
                    </div>
                    {narrow && (
                      <div className={`${Classes.TEXT_MUTED} lt-tpl-row-sub`}>
                        {template.exerciseCount} {template.exerciseCount === 1 ? 'exercise' : 'exercises'}
                        {usage ? ` · ${usage}` : ''}
                        {template.tags.length > 0 && (
                          <span className="lt-tpl-row-tags">
                            {template.tags.map((tag) => (
                              <Tag key={tag} minimal intent={Intent.PRIMARY}>
                                {tag}
                              </Tag>
                            ))}
                          </span>
                        )}
                      </div>
                    )}
                  </td>
                  {!narrow && (
                    <>
                      <td className="lt-tpl-col-tags">
                        {template.tags.map((tag) => (
                          <Tag key={tag} minimal intent={Intent.PRIMARY} className="lt-tpl-tag">
                            {tag}
                          </Tag>
                        ))}
                      </td>
                      <td className="lt-tpl-col-exercises" title={template.exercisePreview.join(', ')}>
                        <span className="lt-tpl-count">{template.exerciseCount}</span>
                        <span className={Classes.TEXT_MUTED}>
                          {template.exerciseCount === 0
                            ? 'none yet'
                            : template.exercisePreview.join(', ') +
                              (template.exerciseCount > template.exercisePreview.length ? ', …' : '')}
                        </span>
                      </td>
                      <td className="lt-tpl-col-muscles" title={template.muscles.map(muscleLabel).join(', ')}>
                        {shownMuscles(template.muscles).map((muscle) => (
                          <Tag key={muscle} minimal className="lt-tpl-tag">
                            {muscleLabel(muscle)}
                          </Tag>
                        ))}
                        {template.muscles.length > shownMuscles(template.muscles).length && (
                          <Tag minimal className="lt-tpl-tag">
                            +{template.muscles.length - shownMuscles(template.muscles).length}
                          </Tag>
                        )}
                      </td>
                      <td className="lt-tpl-col-usage">
                        {usage ?? <span className={Classes.TEXT_MUTED}>–</span>}
                      </td>
                      <td className={`lt-tpl-col-updated ${Classes.TEXT_MUTED}`}>
                        <time dateTime={template.updatedAt}>
                          {format(new Date(template.updatedAt), 'd MMM yyyy')}
                        </time>
                      </td>
                    </>
                  )}
                  <td className="lt-tpl-col-actions">
                    <Tooltip
                      popoverClassName="lt-tpl-tip"
                      content="Duplicate"
                      placement="top"
                      hoverOpenDelay={400}
                    >
                      <Button
                        size="small"
                        variant="minimal"
                        icon="duplicate"
                        aria-label={`Duplicate ${template.name}`}
                        onClick={() => onDuplicate(template)}
                      />
                    </Tooltip>
                    {template.archived ? (
                      <Tooltip
                        popoverClassName="lt-tpl-tip"
                        content="Restore to the library"
                        placement="top"
                        hoverOpenDelay={400}
                      >
                        <Button
                          size="small"
                          variant="minimal"
                          icon="unarchive"
                          aria-label={`Restore ${template.name}`}
                          onClick={() => onArchive(template, false)}
                        />
                      </Tooltip>
                    ) : (
                      <Tooltip
                        popoverClassName="lt-tpl-tip"
                        content="Archive (hide from the library)"
                        placement="top"
                        hoverOpenDelay={400}
                      >
                        <Button
                          size="small"
                          variant="minimal"
                          icon="archive"
                          aria-label={`Archive ${template.name}`}
                          onClick={() => onArchive(template, true)}
                        />
                      </Tooltip>
                    )}
                    <Tooltip
                      content={blocked ?? 'Delete (with Undo)'}
                      placement="top-end"
                      hoverOpenDelay={blocked ? 100 : 400}
                    >
                      <Button
                        size="small"
                        variant="minimal"
                        icon="trash"
                        className={blocked ? 'lt-tpl-delete--blocked' : undefined}
                        intent={blocked ? Intent.NONE : Intent.DANGER}
                        aria-label={`Delete ${template.name}`}
                        aria-description={blocked ?? undefined}
                        onClick={() => onDelete(template)}
                      />
                    </Tooltip>
                  </td>
                </tr>
              );
            })}
      </tbody>
    </HTMLTable>
  );
}
