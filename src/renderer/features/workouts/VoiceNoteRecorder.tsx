/**
 * The Record button of a workout's or an exercise's voice notes: one press starts, one press stops
 * (hands-free between sets); while recording it shows the time so far against the 5-minute limit
 * and the microphone's level. The recording is saved as soon as it stops; if saving fails it is
 * kept here with Retry, so nothing said is lost.
 */
import { Button, Callout, Classes, Intent } from '@blueprintjs/core';
import { useCallback, useState } from 'react';
import { useAppDispatch } from '../../app/store';
import { useToaster } from '../../app/toaster';
import { errorMessage } from '../../components/ErrorCallout';
import { workoutsApi } from './api';
import {
  VOICE_NOTE_MAX_BYTES,
  VOICE_NOTE_MAX_MS,
  bytesToBase64,
  formatClock,
  formatNoteLength,
} from './VoiceNoteAudio';
import { pauseVoiceNotePlayback } from './VoiceNoteItem';
import { useVoiceRecorder, type Recording } from './voiceRecorder';

interface Unsaved {
  recording: Recording;
  message: string;
}

export function VoiceNoteRecorder({
  sessionId,
  entryId,
  subject,
  compact = false,
  onAnnounce,
}: {
  sessionId: string;
  entryId: string | null;
  /** What the notes are about, for labels: an exercise's name, or undefined for the workout. */
  subject?: string;
  /** A microphone icon instead of the word Record (in an exercise's card). */
  compact?: boolean;
  onAnnounce: (message: string) => void;
}) {
  const dispatch = useAppDispatch();
  const toaster = useToaster();
  const [saving, setSaving] = useState(false);
  const [unsaved, setUnsaved] = useState<Unsaved | null>(null);

  const save = useCallback(
    async (recording: Recording) => {
      if (recording.blob.size === 0) {
        setUnsaved(null);
        toaster.show({
          intent: Intent.WARNING,
          icon: 'warning-sign',
          message: 'Nothing was recorded: check that the microphone is on, then press Record again.',
        });
        return;
      }
      if (recording.blob.size > VOICE_NOTE_MAX_BYTES) {
        setUnsaved(null);
        toaster.show({
          intent: Intent.DANGER,
          icon: 'error',
          message: 'That recording is larger than the 8 MB a voice note may take: record a shorter one.',
        });
        return;
      }
      setSaving(true);
      const dataBase64 = bytesToBase64(new Uint8Array(await recording.blob.arrayBuffer()));
      // Dispatched rather than through the mutation hook, so a recording stopped by leaving the
      // screen is still saved after this component is gone.
      const request = dispatch(
        workoutsApi.endpoints.addVoiceNote.initiate({
          sessionId,
          entryId,
          mimeType: recording.mimeType,
          durationMs: recording.durationMs,
          dataBase64,
        }),
      );
      const result = await request;
      request.reset();
      setSaving(false);
      if (result.error) {
        const message = errorMessage(result.error);
        setUnsaved({ recording, message });
        toaster.show({
          intent: Intent.DANGER,
          icon: 'error',
          message: `The voice note was not saved: ${message}`,
        });
        return;
      }
      setUnsaved(null);
      onAnnounce(`Voice note saved (${formatNoteLength(recording.durationMs)})`);
      if (recording.endedBy === 'limit') {
        toaster.show({
          icon: 'time',
          message: `Voice notes stop at ${formatClock(VOICE_NOTE_MAX_MS)}: this one is saved. Press Record to go on.`,
        });
      }
    },
    [dispatch, entryId, onAnnounce, sessionId, toaster],
  );

  const recorder = useVoiceRecorder((recording) => void save(recording));
  const forWhat = subject ? ` for ${subject}` : '';

  const startRecording = () => {
    pauseVoiceNotePlayback();
    setUnsaved(null);
    onAnnounce('');
    recorder.start();
  };

  return (
    <div className="lt-vn-recorder">
      {recorder.phase === 'recording' ? (
        <>
          <Button
            size="large"
            className="lt-vn-button"
            intent={Intent.DANGER}
            icon="stop"
            text={compact ? undefined : 'Stop'}
            aria-label={`Stop recording${forWhat}`}
            title="Stop and save the voice note"
            onClick={recorder.stop}
          />
          <span className="lt-vn-clock" role="timer" aria-label="Recording time">
            {formatClock(recorder.elapsedMs)}
            <span className={`${Classes.TEXT_MUTED} lt-vn-clock__limit`}>
              {' '}
              / {formatClock(VOICE_NOTE_MAX_MS)}
            </span>
          </span>
          <div
            className="lt-vn-meter"
            role="meter"
            aria-label="Microphone level"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(recorder.level * 100)}
          >
            <div className="lt-vn-meter__fill" style={{ transform: `scaleX(${recorder.level})` }} />
          </div>
        </>
      ) : (
        <Button
          size="large"
          className="lt-vn-button"
          icon={compact ? 'microphone' : 'record'}
          text={compact ? undefined : saving ? 'Saving…' : 'Record'}
          aria-label={saving ? 'Saving the voice note' : `Record a voice note${forWhat}`}
          title={`Record a voice note${forWhat}: press once to start, once to stop (up to ${formatClock(VOICE_NOTE_MAX_MS)})`}
          loading={recorder.phase === 'starting'}
          disabled={saving}
          onClick={startRecording}
        />
      )}
      {recorder.error && recorder.phase === 'idle' && (
        <Callout className="lt-vn-callout" intent={Intent.WARNING} icon="warning-sign" role="alert" compact>
          {recorder.error}
        </Callout>
      )}
      {unsaved && !saving && (
        <Callout className="lt-vn-callout" intent={Intent.DANGER} icon="error" role="alert" compact>
          The voice note ({formatNoteLength(unsaved.recording.durationMs)}) was not saved: {unsaved.message}{' '}
          <Button size="small" icon="refresh" text="Retry" onClick={() => void save(unsaved.recording)} />{' '}
          <Button size="small" variant="minimal" text="Discard" onClick={() => setUnsaved(null)} />
        </Callout>
      )}
    </div>
  );
}
