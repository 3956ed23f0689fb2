/**
 * The plain parts of voice notes, apart from React and the browser's media objects (so they are
 * tested in Node): which recording format to ask for, what to tell the user when the microphone
 * fails, the base64 the contract carries, the clock and the level meter.
 */
import { WORKOUT_LIMITS } from '../../../shared/domain/workout';

/** A note stops by itself here (the backend refuses longer ones). */
export const VOICE_NOTE_MAX_MS = WORKOUT_LIMITS.voiceNoteMs;
export const VOICE_NOTE_MAX_BYTES = WORKOUT_LIMITS.voiceNoteBytes;

/**
 * Speech needs little: 48 kbit/s Opus is clear speech, and 5 minutes of it is under 2 MB, well
 * within the 8 MB a note may take.
 */
export const VOICE_BITS_PER_SECOND = 48_000;

/**
 * Formats in the order we prefer them: Opus in WebM (Chromium, Electron, Firefox), Opus in Ogg
 * (Firefox), then whatever WebM or MP4 the browser makes (Safari records MP4/AAC).
 */
const PREFERRED_TYPES = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/webm', 'audio/mp4'];

/** The first format the browser can record, or undefined to let MediaRecorder choose. */
export function pickRecordingMimeType(isTypeSupported: (type: string) => boolean): string | undefined {
  return PREFERRED_TYPES.find((type) => {
    try {
      return isTypeSupported(type);
    } catch {
      return false;
    }
  });
}

/** The message for a getUserMedia or MediaRecorder failure: what happened, and what to do. */
export function microphoneErrorMessage(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'Lift Tracker may not use the microphone. Allow it in your system’s or browser’s privacy settings, then press Record again.';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'No microphone was found. Plug one in or turn it on, then press Record again.';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'The microphone could not be started: another app may be using it. Close that app, then press Record again.';
    default:
      return `The recording could not start${error instanceof Error && error.message ? `: ${error.message}` : ''}. Press Record to try again.`;
  }
}

export const NO_RECORDING_SUPPORT =
  'This window cannot record audio (no microphone access here). Use Lift Tracker’s desktop app or an up-to-date browser.';

/** m:ss, for the recording clock and the notes' lengths. */
export function formatClock(milliseconds: number): string {
  const totalSeconds = Math.max(0, Math.floor(milliseconds / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** A note's length as the list shows it: whole seconds rounded up, so a short note never reads 0:00. */
export function formatNoteLength(durationMs: number): string {
  return formatClock(Math.ceil(durationMs / 1000) * 1000);
}

/** The duration to store: whole milliseconds, at least 1, at most the limit. */
export function recordedDurationMs(elapsedMs: number): number {
  return Math.min(VOICE_NOTE_MAX_MS, Math.max(1, Math.round(elapsedMs)));
}

/** The quietest level the meter shows (dBFS); silence sits at the bottom, normal speech mid-way. */
const METER_FLOOR_DB = -60;

/**
 * The meter's level, 0–1, from a frame of samples (-1…1): the frame's RMS in decibels below full
 * scale, mapped from the floor (0) to full scale (1).
 */
export function levelFromSamples(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sumOfSquares = 0;
  for (let index = 0; index < samples.length; index += 1) sumOfSquares += samples[index]! ** 2;
  const rms = Math.sqrt(sumOfSquares / samples.length);
  if (rms === 0) return 0;
  const decibels = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (decibels - METER_FLOOR_DB) / -METER_FLOOR_DB));
}

/** Bytes in a chunk of String.fromCharCode's arguments (well under engines' argument limits). */
const CHUNK = 0x8000;

/** Standard padded base64 of the bytes (what the contract's dataBase64 expects). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
