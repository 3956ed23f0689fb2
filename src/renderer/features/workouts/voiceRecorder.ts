/**
 * useVoiceRecorder: hands-free recording with the browser's MediaRecorder. One call starts (asking
 * for the microphone), one stops; meanwhile it reports the time so far and the input level (an
 * AnalyserNode on the same stream). It stops by itself at the 5-minute limit. Only one recording
 * runs in the app at a time: starting another stops (and so saves) the first. Leaving the screen
 * mid-recording stops it too, and the recording is still handed over, so nothing said is lost.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  NO_RECORDING_SUPPORT,
  VOICE_BITS_PER_SECOND,
  VOICE_NOTE_MAX_MS,
  levelFromSamples,
  microphoneErrorMessage,
  pickRecordingMimeType,
  recordedDurationMs,
} from './VoiceNoteAudio';

export interface Recording {
  blob: Blob;
  mimeType: string;
  durationMs: number;
  /** 'limit' when it stopped by itself at 5 minutes. */
  endedBy: 'user' | 'limit';
}

export type RecorderPhase = 'idle' | 'starting' | 'recording';

export interface VoiceRecorder {
  phase: RecorderPhase;
  elapsedMs: number;
  /** The input level, 0–1, for the meter. */
  level: number;
  /** Why the last start failed (no microphone, permission refused…), until the next start. */
  error: string | null;
  start(): void;
  stop(): void;
}

/** The recording in progress anywhere in the app, so a second Record stops it first. */
let stopActiveRecording: (() => void) | null = null;

/** How often the clock and meter re-render (the meter reads every frame, React needs less). */
const REPAINT_MS = 80;

interface Session {
  stream: MediaStream;
  recorder: MediaRecorder;
  audioContext: AudioContext | null;
  frame: number;
  limitTimer: ReturnType<typeof setTimeout>;
  startedAt: number;
  endedBy: Recording['endedBy'];
}

export function useVoiceRecorder(onRecorded: (recording: Recording) => void): VoiceRecorder {
  const [phase, setPhase] = useState<RecorderPhase>('idle');
  const [elapsedMs, setElapsedMs] = useState(0);
  const [level, setLevel] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const session = useRef<Session | null>(null);
  const mounted = useRef(true);
  const starting = useRef(false);
  const latestOnRecorded = useRef(onRecorded);
  latestOnRecorded.current = onRecorded;

  const stop = useCallback((endedBy: Recording['endedBy'] = 'user') => {
    const current = session.current;
    if (!current || current.recorder.state === 'inactive') return;
    current.endedBy = endedBy;
    // Flushes the last chunk, then fires 'stop' (handled where the recorder is made).
    current.recorder.stop();
  }, []);

  const start = useCallback(async () => {
    if (session.current || starting.current) return;
    setError(null);
    if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined') {
      setError(NO_RECORDING_SUPPORT);
      return;
    }
    stopActiveRecording?.();
    starting.current = true;
    setPhase('starting');
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
    } catch (cause) {
      starting.current = false;
      if (mounted.current) {
        setPhase('idle');
        setError(microphoneErrorMessage(cause));
      }
      return;
    }
    starting.current = false;
    if (!mounted.current) {
      for (const track of stream.getTracks()) track.stop();
      return;
    }

    let recorder: MediaRecorder;
    try {
      const mimeType = pickRecordingMimeType((type) => MediaRecorder.isTypeSupported(type));
      recorder = new MediaRecorder(stream, {
        ...(mimeType ? { mimeType } : {}),
        audioBitsPerSecond: VOICE_BITS_PER_SECOND,
      });
    } catch (cause) {
      for (const track of stream.getTracks()) track.stop();
      setPhase('idle');
      setError(microphoneErrorMessage(cause));
      return;
    }

    const chunks: Blob[] = [];
    const current: Session = {
      stream,
      recorder,
      audioContext: null,
      frame: 0,
      limitTimer: setTimeout(() => stop('limit'), VOICE_NOTE_MAX_MS),
      startedAt: performance.now(),
      endedBy: 'user',
    };
    session.current = current;
    const stopThis = () => stop('user');
    stopActiveRecording = stopThis;
    const release = () => {
      clearTimeout(current.limitTimer);
      cancelAnimationFrame(current.frame);
      for (const track of stream.getTracks()) track.stop();
      void current.audioContext?.close().catch(() => {});
      if (session.current === current) session.current = null;
      if (stopActiveRecording === stopThis) stopActiveRecording = null;
      if (mounted.current) {
        setPhase('idle');
        setLevel(0);
        setElapsedMs(0);
      }
    };

    recorder.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    };
    recorder.onstop = () => {
      const durationMs = recordedDurationMs(performance.now() - current.startedAt);
      const mimeType = recorder.mimeType || chunks[0]?.type || 'audio/webm';
      release();
      latestOnRecorded.current({
        blob: new Blob(chunks, { type: mimeType }),
        mimeType,
        durationMs,
        endedBy: current.endedBy,
      });
    };
    recorder.onerror = (event) => {
      release();
      const cause = (event as Event & { error?: unknown }).error;
      if (mounted.current) setError(microphoneErrorMessage(cause));
    };
    // A chunk a second: a crash or a closed window loses at most the last second, not everything.
    recorder.start(1000);
    setElapsedMs(0);
    setPhase('recording');

    // The meter is a nicety: a browser without Web Audio still records.
    try {
      const audioContext = new AudioContext();
      current.audioContext = audioContext;
      void audioContext.resume().catch(() => {});
      const analyser = audioContext.createAnalyser();
      analyser.fftSize = 1024;
      audioContext.createMediaStreamSource(stream).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      let lastPaint = 0;
      const read = (now: number) => {
        if (now - lastPaint >= REPAINT_MS) {
          lastPaint = now;
          analyser.getFloatTimeDomainData(samples);
          setLevel(levelFromSamples(samples));
          setElapsedMs(performance.now() - current.startedAt);
        }
        current.frame = requestAnimationFrame(read);
      };
      current.frame = requestAnimationFrame(read);
    } catch {
      const tick = () => {
        setElapsedMs(performance.now() - current.startedAt);
        current.frame = requestAnimationFrame(tick);
      };
      current.frame = requestAnimationFrame(tick);
    }
  }, [stop]);

  // Leaving the screen stops the recording; 'stop' still hands it over to be saved.
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      stop('user');
    };
  }, [stop]);

  return {
    phase,
    elapsedMs,
    level,
    error,
    start: () => void start(),
    stop: () => stop('user'),
  };
}
