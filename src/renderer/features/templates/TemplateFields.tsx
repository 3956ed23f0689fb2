/**
 * A template's name, tags and description, saved as they change (templates.update): typing after
 * a pause, tags at once. Checked with the shared schema first, so an empty name says so beside the
 * field and is not sent; the server's messages land beside their fields too.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Classes, Intent, MenuItem, TextArea } from '@blueprintjs/core';
import { MultiSelect } from '@blueprintjs/select';
import { isAppErrorShape, type FieldIssue } from '../../../shared/contract/errors';
import {
  SUGGESTED_TEMPLATE_TAGS,
  templateFields,
  type TemplateDetail,
} from '../../../shared/domain/template';
import { useToaster } from '../../app/toaster';
import { errorMessage } from '../../components/ErrorCallout';
import { issuesOf, messageFor } from '../../components/FormField';
import { useListTemplatesQuery, useUpdateTemplateMutation } from './api';
import { TYPING_DEBOUNCE_MS } from './useExerciseList';
import type { WriteTarget } from './useWriteTarget';

interface Fields {
  name: string;
  description: string;
  tags: string[];
}

const fieldsOf = (detail: TemplateDetail): Fields => ({
  name: detail.name,
  description: detail.description,
  tags: detail.tags,
});
const sameFields = (a: Fields, b: Fields) => JSON.stringify(a) === JSON.stringify(b);

interface TemplateFieldsProps {
  detail: TemplateDetail;
  target: WriteTarget;
  compact?: boolean;
  /** Focus and select the name (a template just created). */
  autoFocusName?: boolean;
  /** Whether a change is waiting or on its way (for the editor's "Saving…"). */
  onSavingChange: (saving: boolean) => void;
}

export function TemplateFields({
  detail,
  target,
  compact,
  autoFocusName,
  onSavingChange,
}: TemplateFieldsProps) {
  const [fields, setFields] = useState<Fields>(() => fieldsOf(detail));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [updateTemplate] = useUpdateTemplateMutation();
  const toaster = useToaster();
  const savedRef = useRef<Fields>(fieldsOf(detail));
  const fieldsRef = useRef(fields);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlightRef = useRef(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const savingRef = useRef(onSavingChange);
  savingRef.current = onSavingChange;
  const refreshSaving = useCallback(
    () => savingRef.current(Boolean(timerRef.current || inFlightRef.current)),
    [],
  );
  const nameId = `lt-tpl-name-${detail.id}`;
  const descriptionId = `lt-tpl-description-${detail.id}`;
  const tagsId = `lt-tpl-tags-${detail.id}`;

  useEffect(() => {
    if (!autoFocusName) return;
    nameRef.current?.focus();
    nameRef.current?.select();
  }, [autoFocusName]);

  // A change made elsewhere shows here, unless a change of ours is pending.
  useEffect(() => {
    const server = fieldsOf(detail);
    if (sameFields(server, savedRef.current) || timerRef.current || inFlightRef.current) return;
    savedRef.current = server;
    fieldsRef.current = server;
    setFields(server);
  }, [detail]);

  const send = useCallback(async () => {
    const current = fieldsRef.current;
    const parsed = templateFields.safeParse(current);
    if (!parsed.success) {
      setIssues(
        parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message }) as FieldIssue),
      );
      return;
    }
    setIssues([]);
    if (sameFields(current, savedRef.current) || inFlightRef.current) return;
    inFlightRef.current = true;
    try {
      const id = await target.ensureTarget().catch(() => null);
      if (id === null) {
        fieldsRef.current = savedRef.current;
        setFields(savedRef.current);
        return;
      }
      const result = await updateTemplate({ id, fields: current });
      if (result.error) {
        const fieldIssues = issuesOf(result.error, 'fields');
        if (fieldIssues.length > 0) setIssues(fieldIssues);
        // A name another template has: said beside the name, which is what to change.
        else if (isAppErrorShape(result.error) && result.error.code === 'conflict')
          setIssues([{ path: ['name'], message: result.error.message }]);
        else
          toaster.show({
            intent: Intent.DANGER,
            icon: 'error',
            message: `Could not save: ${errorMessage(result.error)}`,
          });
        return;
      }
      savedRef.current = fieldsOf(result.data);
    } finally {
      inFlightRef.current = false;
      // Typed while the call was out: send that too.
      if (fieldsRef.current !== current && !timerRef.current) void saveRef.current();
    }
  }, [target, toaster, updateTemplate]);
  const save = useCallback(async () => {
    timerRef.current = null;
    try {
      await send();
    } finally {
      refreshSaving();
    }
  }, [send, refreshSaving]);
  const saveRef = useRef(save);
  saveRef.current = save;

  useEffect(
    () => () => {
      if (timerRef.current) {
        clearTimeout(timerRef.current);
        void saveRef.current();
      }
    },
    [],
  );

  const change = (next: Partial<Fields>, immediately = false) => {
    const merged = { ...fieldsRef.current, ...next };
    fieldsRef.current = merged;
    setFields(merged);
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = null;
    if (immediately) void save();
    else timerRef.current = setTimeout(() => void saveRef.current(), TYPING_DEBOUNCE_MS);
    refreshSaving();
  };

  const nameError = messageFor(issues, 'name');
  const descriptionError = messageFor(issues, 'description');
  const tagsError = messageFor(issues, 'tags');

  return (
    <div className={compact ? 'lt-tpl-fields-head lt-tpl-fields-head--compact' : 'lt-tpl-fields-head'}>
      <input
        ref={nameRef}
        id={nameId}
        className={`${Classes.INPUT} lt-tpl-name-input ${nameError ? Classes.INTENT_DANGER : ''}`}
        aria-label="Template name"
        aria-invalid={nameError ? true : undefined}
        aria-describedby={nameError ? `${nameId}-error` : undefined}
        value={fields.name}
        placeholder="Template name"
        maxLength={140}
        spellCheck={false}
        onChange={(event) => change({ name: event.target.value })}
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.currentTarget.blur();
        }}
        onBlur={() => {
          if (timerRef.current) {
            clearTimeout(timerRef.current);
            void save();
          }
        }}
      />
      {nameError && (
        <div id={`${nameId}-error`} role="alert" className="lt-tpl-error">
          {nameError}
        </div>
      )}
      <TagsInput
        id={tagsId}
        value={fields.tags}
        onChange={(tags) => change({ tags }, true)}
        error={tagsError}
      />
      <TextArea
        id={descriptionId}
        className="lt-tpl-description"
        aria-label="Description"
        aria-invalid={descriptionError ? true : undefined}
        aria-describedby={descriptionError ? `${descriptionId}-error` : undefined}
        intent={descriptionError ? Intent.DANGER : Intent.NONE}
        placeholder="Description: the aim of the session, cues, equipment to set up…"
        autoResize
        rows={1}
        fill
        size="small"
        value={fields.description}
        onChange={(event) => change({ description: event.target.value })}
      />
      {descriptionError && (
        <div id={`${descriptionId}-error`} role="alert" className="lt-tpl-error">
          {descriptionError}
        </div>
      )}
    </div>
  );
}

/** Tags as a TagInput with suggestions: the usual ones first, then those other templates use. */
function TagsInput({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string[];
  onChange: (tags: string[]) => void;
  error?: string;
}) {
  const { data } = useListTemplatesQuery({ text: '', tags: [], includeArchived: true });
  const inUse = (data?.tags ?? []).map((tag) => tag.value);
  const suggestions = [...new Set([...SUGGESTED_TEMPLATE_TAGS, ...inUse])];
  const normalize = (tag: string) => tag.trim().toLowerCase();
  return (
    <div
      className="lt-tpl-tags"
      onKeyDown={(event) => {
        const expanded = event.currentTarget.querySelector('[aria-expanded="true"]');
        if (event.key === 'Escape' && expanded) event.stopPropagation();
      }}
    >
      <MultiSelect<string>
        items={suggestions}
        selectedItems={value}
        onItemSelect={(tag) => {
          const clean = normalize(tag);
          if (!clean) return;
          onChange(value.includes(clean) ? value.filter((item) => item !== clean) : [...value, clean]);
        }}
        onRemove={(tag) => onChange(value.filter((item) => item !== tag))}
        itemPredicate={(query, tag) => tag.includes(normalize(query))}
        itemsEqual={(a, b) => normalize(a) === normalize(b)}
        createNewItemFromQuery={(query) => normalize(query)}
        createNewItemRenderer={(query, active, handleClick) =>
          normalize(query) && !suggestions.includes(normalize(query)) ? (
            <MenuItem
              icon="add"
              roleStructure="listoption"
              text={`New tag “${normalize(query)}”`}
              active={active}
              onClick={handleClick}
              shouldDismissPopover={false}
            />
          ) : undefined
        }
        itemRenderer={(tag, { handleClick, handleFocus, modifiers, ref, id: optionId }) =>
          modifiers.matchesPredicate ? (
            <MenuItem
              key={tag}
              id={optionId}
              ref={ref}
              roleStructure="listoption"
              text={tag}
              active={modifiers.active}
              selected={value.includes(tag)}
              onClick={handleClick}
              onFocus={handleFocus}
              shouldDismissPopover={false}
            />
          ) : null
        }
        tagRenderer={(tag) => tag}
        placeholder={value.length === 0 ? 'Tags: push, legs, strength…' : ''}
        resetOnSelect
        fill
        popoverProps={{ minimal: true, matchTargetWidth: true }}
        tagInputProps={{
          leftIcon: 'tag',
          intent: error ? Intent.DANGER : Intent.NONE,
          tagProps: { minimal: true, intent: Intent.PRIMARY },
          inputProps: {
            id,
            'aria-label': 'Tags',
            'aria-invalid': error ? true : undefined,
            'aria-describedby': error ? `${id}-error` : undefined,
          },
        }}
      />
      {error && (
        <div id={`${id}-error`} role="alert" className="lt-tpl-error">
          {error}
        </div>
      )}
    </div>
  );
}
