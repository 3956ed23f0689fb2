import { describe, expect, it } from 'vitest';
import {
  NO_RECORDING_SUPPORT,
  VOICE_BITS_PER_SECOND,
  VOICE_NOTE_MAX_BYTES,
  VOICE_NOTE_MAX_MS,
  base64ToBytes,
  bytesToBase64,
  formatClock,
  formatNoteLength,
  levelFromSamples,
  microphoneErrorMessage,
  pickRecordingMimeType,
  recordedDurationMs,
} from './VoiceNoteAudio';

const domError = (name: string) => new DOMException('', name);

describe('the recording format', () => {
  it('prefers Opus in WebM when the browser records it', () => {
    expect(pickRecordingMimeType(() => true)).toBe('audio/webm;codecs=opus');
  });

  it('falls back to Ogg, then plain WebM or MP4', () => {
    expect(pickRecordingMimeType((type) => type === 'audio/ogg;codecs=opus')).toBe('audio/ogg;codecs=opus');
    expect(pickRecordingMimeType((type) => type === 'audio/mp4')).toBe('audio/mp4');
  });

  it('lets the browser choose when it knows none of them, or throws when asked', () => {
    expect(pickRecordingMimeType(() => false)).toBeUndefined();
    expect(
      pickRecordingMimeType(() => {
        throw new Error('not implemented');
      }),
    ).toBeUndefined();
  });

  it('keeps five minutes of speech well under the size a note may take', () => {
    expect((VOICE_BITS_PER_SECOND / 8) * (VOICE_NOTE_MAX_MS / 1000)).toBeLessThan(VOICE_NOTE_MAX_BYTES / 2);
  });
});

describe('microphone failures', () => {
  it('say how to allow the microphone when permission is refused', () => {
    for (const name of ['NotAllowedError', 'SecurityError']) {
      expect(microphoneErrorMessage(domError(name))).toMatch(/may not use the microphone.*Allow it/);
    }
  });

  it('say to plug one in when there is no microphone', () => {
    expect(microphoneErrorMessage(domError('NotFoundError'))).toMatch(/No microphone was found/);
    expect(microphoneErrorMessage(domError('OverconstrainedError'))).toMatch(/No microphone was found/);
  });

  it('say another app may hold it when it cannot start', () => {
    expect(microphoneErrorMessage(domError('NotReadableError'))).toMatch(/another app may be using it/);
  });

  it('keep anything else’s own words and offer to try again', () => {
    expect(microphoneErrorMessage(new Error('The device vanished'))).toBe(
      'The recording could not start: The device vanished. Press Record to try again.',
    );
    expect(microphoneErrorMessage('weird')).toBe('The recording could not start. Press Record to try again.');
    expect(NO_RECORDING_SUPPORT).toMatch(/cannot record audio/);
  });
});

describe('clock and lengths', () => {
  it('shows minutes and seconds', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(3_999)).toBe('0:03');
    expect(formatClock(65_000)).toBe('1:05');
    expect(formatClock(VOICE_NOTE_MAX_MS)).toBe('5:00');
    expect(formatClock(-20)).toBe('0:00');
  });

  it('never shows a short note as 0:00', () => {
    expect(formatNoteLength(300)).toBe('0:01');
    expect(formatNoteLength(12_000)).toBe('0:12');
    expect(formatNoteLength(12_001)).toBe('0:13');
  });

  it('stores a whole number of milliseconds, at least 1 and at most the limit', () => {
    expect(recordedDurationMs(0.2)).toBe(1);
    expect(recordedDurationMs(3_456.7)).toBe(3_457);
    expect(recordedDurationMs(VOICE_NOTE_MAX_MS + 40)).toBe(VOICE_NOTE_MAX_MS);
  });
});

describe('the level meter', () => {
  it('rests at the bottom in silence', () => {
    expect(levelFromSamples(new Float32Array(512))).toBe(0);
    expect(levelFromSamples([])).toBe(0);
  });

  it('fills at full scale and sits between for speech', () => {
    expect(levelFromSamples(new Float32Array(512).fill(1))).toBe(1);
    // RMS 0.1 is -20 dBFS: two thirds of the way up from -60.
    expect(levelFromSamples(new Float32Array(512).fill(0.1))).toBeCloseTo(2 / 3, 5);
  });

  it('never leaves 0–1', () => {
    expect(levelFromSamples(new Float32Array(8).fill(1e-9))).toBe(0);
    expect(levelFromSamples(new Float32Array(8).fill(3))).toBe(1);
  });
});

describe('base64', () => {
  it('round-trips every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, index) => index);
    expect([...base64ToBytes(bytesToBase64(bytes))]).toEqual([...bytes]);
  });

  it('writes standard padded base64', () => {
    expect(bytesToBase64(new TextEncoder().encode('Man'))).toBe('TWFu');
    expect(bytesToBase64(Uint8Array.of(0xfb, 0xff))).toBe('+/8=');
    expect(bytesToBase64(Uint8Array.of(0x1a))).toBe('Gg==');
  });

  it('handles recordings larger than one chunk, and empty ones', () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, index) => (index * 31) % 256);
    const text = bytesToBase64(bytes);
    expect(text).toHaveLength(Math.ceil(bytes.length / 3) * 4);
    expect([...base64ToBytes(text)]).toEqual([...bytes]);
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });
});
