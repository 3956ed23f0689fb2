/**
 * Voice notes on a workout, or on one of its exercises: the Record button and the notes recorded
 * there, each playable and deletable (Undo in the message). Mount it with the workout's notes as
 * workouts.get returns them; it shows those of `entryId`, or the workout's own when there is none.
 *
 *   <VoiceNotes sessionId={detail.id} notes={detail.voiceNotes} />
 *   <VoiceNotes sessionId={detail.id} entryId={entry.id} subject={entry.exerciseName} notes={detail.voiceNotes} compact />
 */
import { Intent } from '@blueprintjs/core';
import { useCallback, useMemo, useState } from 'react';
import type { VoiceNoteMeta } from '../../../shared/domain/workout';
import { useToaster } from '../../app/toaster';
import { errorMessage } from '../../components/ErrorCallout';
import { useDeleteVoiceNoteMutation, useRestoreVoiceNoteMutation } from './api';
import { VoiceNoteItem } from './VoiceNoteItem';
import { VoiceNoteRecorder } from './VoiceNoteRecorder';
import './VoiceNotes.css';

export interface VoiceNotesProps {
  sessionId: string;
  /** The exercise entry the notes belong to; absent (or null) for the workout's own notes. */
  entryId?: string | null;
  /** The workout's voice notes (detail.voiceNotes); already filtered is fine too. */
  notes: readonly VoiceNoteMeta[];
  /** What the notes are about, for labels ("Record a voice note for Barbell Bench Press"). */
  subject?: string;
  /** A microphone icon instead of the word Record (an exercise's card, where room is short). */
  compact?: boolean;
  className?: string;
}

export function VoiceNotes({
  sessionId,
  entryId = null,
  notes,
  subject,
  compact = false,
  className,
}: VoiceNotesProps) {
  const toaster = useToaster();
  const [deleteVoiceNote] = useDeleteVoiceNoteMutation();
  const [restoreVoiceNote] = useRestoreVoiceNoteMutation();
  // Deleted here, until the workout comes back without them (or Undo brings them back).
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');

  const mine = useMemo(
    () => notes.filter((note) => note.entryId === entryId && !hidden.has(note.id)),
    [entryId, hidden, notes],
  );
  const names = useMemo(() => {
    const byId = new Map<string, string>();
    const of = subject ? ` on ${subject}` : '';
    notes
      .filter((note) => note.entryId === entryId)
      .forEach((note, index) => byId.set(note.id, `voice note ${index + 1}${of}`));
    return byId;
  }, [entryId, notes, subject]);

  const setHiddenFor = (noteId: string, isHidden: boolean) =>
    setHidden((current) => {
      const next = new Set(current);
      if (isHidden) next.add(noteId);
      else next.delete(noteId);
      return next;
    });

  const restore = async (noteId: string) => {
    const result = await restoreVoiceNote({ id: noteId });
    if (result.error) {
      toaster.show({
        intent: Intent.DANGER,
        icon: 'error',
        message: `The voice note was not restored: ${errorMessage(result.error)}`,
      });
      return;
    }
    setHiddenFor(noteId, false);
    setAnnouncement('Voice note restored');
  };

  const remove = async (note: VoiceNoteMeta) => {
    setHiddenFor(note.id, true);
    const result = await deleteVoiceNote({ id: note.id });
    if (result.error) {
      setHiddenFor(note.id, false);
      toaster.show({
        intent: Intent.DANGER,
        icon: 'error',
        message: `The voice note was not deleted: ${errorMessage(result.error)}`,
      });
      return;
    }
    toaster.show({
      icon: 'trash',
      timeout: 10_000,
      message: `Deleted ${names.get(note.id) ?? 'the voice note'}`,
      action: { text: 'Undo', onClick: () => void restore(note.id) },
    });
  };

  const announce = useCallback((message: string) => setAnnouncement(message), []);

  return (
    <div
      className={`lt-vn${className ? ` ${className}` : ''}`}
      role="group"
      aria-label={subject ? `Voice notes for ${subject}` : 'Voice notes'}
    >
      <VoiceNoteRecorder
        sessionId={sessionId}
        entryId={entryId}
        subject={subject}
        compact={compact}
        onAnnounce={announce}
      />
      {mine.length > 0 && (
        <ul className="lt-vn-list">
          {mine.map((note) => (
            <VoiceNoteItem
              key={note.id}
              note={note}
              name={names.get(note.id) ?? 'voice note'}
              onDelete={(deleted) => void remove(deleted)}
            />
          ))}
        </ul>
      )}
      <div role="status" aria-live="polite" className="lt-visually-hidden">
        {announcement}
      </div>
    </div>
  );
}
