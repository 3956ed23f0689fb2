/**
 * Voice notes: SCAFFOLD. Every handler throws until its owner replaces this file (issue 7).
 */
import type { Handlers } from './context';

function notBuilt(): never {
  throw new Error('Not built yet');
}

export const voiceNoteHandlers = Object.fromEntries(
  ['voiceNotes.add', 'voiceNotes.audio', 'voiceNotes.delete', 'voiceNotes.restore'].map((channel) => [
    channel,
    notBuilt,
  ]),
) as unknown as Pick<
  Handlers,
  'voiceNotes.add' | 'voiceNotes.audio' | 'voiceNotes.delete' | 'voiceNotes.restore'
>;
