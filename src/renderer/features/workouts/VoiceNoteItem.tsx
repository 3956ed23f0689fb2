/**
 * One voice note in a list: Play/Pause (the audio is fetched on the first play, decoded from the
 * contract's base64 into a Blob URL, and kept until the row goes), its length and when it was
 * recorded, and Delete. One note plays at a time in the whole app.
 */
import { Button, Classes, Intent } from '@blueprintjs/core';
import { useEffect, useRef, useState } from 'react';
import type { VoiceNoteMeta } from '../../../shared/domain/workout';
import { useAppDispatch } from '../../app/store';
import { errorMessage } from '../../components/ErrorCallout';
import { workoutsApi } from './api';
import { base64ToBytes, formatClock, formatNoteLength } from './VoiceNoteAudio';

let playingAudio: HTMLAudioElement | null = null;

/** Stops whatever note is playing (before recording, so the microphone does not hear it). */
export function pauseVoiceNotePlayback(): void {
  playingAudio?.pause();
}

export function VoiceNoteItem({
  note,
  name,
  onDelete,
}: {
  note: VoiceNoteMeta;
  /** What labels call it: "voice note 2", or "voice note 2 on Barbell Bench Press". */
  name: string;
  onDelete: (note: VoiceNoteMeta) => void;
}) {
  const dispatch = useAppDispatch();
  const audio = useRef<HTMLAudioElement>(null);
  const url = useRef<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [playing, setPlaying] = useState(false);
  const [positionMs, setPositionMs] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(
    () => () => {
      if (playingAudio === audio.current) playingAudio = null;
      audio.current?.pause();
      if (url.current) URL.revokeObjectURL(url.current);
    },
    [],
  );

  const toggle = async () => {
    const element = audio.current;
    if (!element) return;
    if (playing) {
      element.pause();
      return;
    }
    setError(null);
    if (!url.current) {
      setLoading(true);
      // Fetched once, not subscribed: the recording never changes, and a subscription would fetch
      // it again on every change to the workout.
      const result = await dispatch(
        workoutsApi.endpoints.voiceNoteAudio.initiate({ id: note.id }, { subscribe: false }),
      );
      setLoading(false);
      if (!result.data) {
        setError(`This voice note could not be loaded: ${errorMessage(result.error)}`);
        return;
      }
      const bytes = base64ToBytes(result.data.dataBase64);
      url.current = URL.createObjectURL(new Blob([bytes], { type: result.data.mimeType }));
      element.src = url.current;
    }
    try {
      await element.play();
    } catch (cause) {
      // A pause() before playing began rejects play() too; that is not a failure.
      if (cause instanceof DOMException && cause.name === 'AbortError') return;
      setError('This recording cannot be played here (its format is not supported by this window).');
    }
  };

  const length = formatNoteLength(note.durationMs);
  const recordedAt = new Date(note.createdAt).toLocaleTimeString(undefined, {
    hour: 'numeric',
    minute: '2-digit',
  });

  return (
    <li className="lt-vn-note">
      <Button
        className="lt-vn-button"
        size="large"
        variant="minimal"
        icon={playing ? 'pause' : 'play'}
        intent={playing ? Intent.PRIMARY : Intent.NONE}
        loading={loading}
        aria-label={`${playing ? 'Pause' : 'Play'} ${name} (${length})`}
        onClick={() => void toggle()}
      />
      <span className="lt-vn-note__text">
        <span className="lt-vn-note__length">
          {playing || positionMs > 0 ? `${formatClock(positionMs)} / ${length}` : length}
        </span>
        <span className={`${Classes.TEXT_MUTED} lt-vn-note__when`}>{recordedAt}</span>
        {error && (
          <span className="lt-vn-note__error" role="alert">
            {error}
          </span>
        )}
      </span>
      <Button
        className="lt-vn-button"
        size="large"
        variant="minimal"
        icon="trash"
        aria-label={`Delete ${name}`}
        title="Delete the voice note (Undo in the message)"
        onClick={() => onDelete(note)}
      />
      <audio
        ref={audio}
        preload="none"
        onPlay={(event) => {
          if (playingAudio && playingAudio !== event.currentTarget) playingAudio.pause();
          playingAudio = event.currentTarget;
          setPlaying(true);
        }}
        onPause={() => setPlaying(false)}
        onEnded={() => {
          setPlaying(false);
          setPositionMs(0);
        }}
        onTimeUpdate={(event) => setPositionMs(event.currentTarget.currentTime * 1000)}
        onError={() =>
          url.current && setError('This recording cannot be played here (its format is not supported).')
        }
      />
    </li>
  );
}
