/**
 * The rest timer's sound: three short tones made with the Web Audio API (no audio file to ship).
 * Browsers start an AudioContext only after a user gesture, so `primeAudio` is called from one (a
 * set logged) and the beep at the end of the rest can then play.
 */
let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (typeof window === 'undefined' || typeof window.AudioContext === 'undefined') return null;
  context ??= new window.AudioContext();
  return context;
}

export function primeAudio(): void {
  void audio()
    ?.resume()
    .catch(() => {});
}

export function beep(): void {
  const ctx = audio();
  if (!ctx) return;
  void ctx.resume().catch(() => {});
  const start = ctx.currentTime + 0.01;
  [0, 0.22, 0.44].forEach((offset, index) => {
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = index === 2 ? 1320 : 880;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.4, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.18);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.2);
  });
}
