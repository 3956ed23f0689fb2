/**
 * Voice notes: short recordings on a workout or one of its exercises, kept in the database with
 * the session (bytea), so they travel with it and need no files beside the data folder. Deleting
 * one leaves a tombstone until it is restored (undo).
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { InvalidInput, NotFound, type OutputOf, type ParsedInputOf } from '../../shared/contract';
import { WORKOUT_LIMITS, type VoiceNoteMeta } from '../../shared/domain/workout';
import { exerciseEntry, voiceNote, workoutSession } from '../db/schema';
import { toIsoTimestamp } from '../db/values';
import type { Handlers, ServiceContext } from './context';
import type { Queryable } from './template-read';

/** Everything but the audio: listing notes never reads the recordings themselves. */
const metaColumns = {
  id: voiceNote.id,
  sessionId: voiceNote.sessionId,
  entryId: voiceNote.exerciseEntryId,
  mimeType: voiceNote.mimeType,
  durationMs: voiceNote.durationMs,
  sizeBytes: voiceNote.sizeBytes,
  createdAt: voiceNote.createdAt,
};

function toVoiceNoteMeta(row: VoiceNoteMeta): VoiceNoteMeta {
  return { ...row, createdAt: toIsoTimestamp(row.createdAt) };
}

/** A workout's live notes, oldest first (for its detail; the workout itself is checked by the caller). */
export async function voiceNotesOfSession(db: Queryable, sessionId: string): Promise<VoiceNoteMeta[]> {
  const rows = await db
    .select(metaColumns)
    .from(voiceNote)
    .where(and(eq(voiceNote.sessionId, sessionId), isNull(voiceNote.deletedAt)))
    .orderBy(asc(voiceNote.createdAt), asc(voiceNote.id));
  return rows.map(toVoiceNoteMeta);
}

/**
 * Containers a recorder produces (MediaRecorder: WebM or Ogg in Chromium and Firefox, MP4 in
 * Safari) and the usual audio files, by their leading bytes. The declared MIME type alone is
 * whatever the caller says; these make sure the bytes are a recording too.
 */
function looksLikeAudio(bytes: Uint8Array): boolean {
  const ascii = (start: number, text: string) =>
    [...text].every((char, index) => bytes[start + index] === char.charCodeAt(0));
  return (
    (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) || // WebM / Matroska (EBML)
    ascii(0, 'OggS') ||
    ascii(4, 'ftyp') || // MP4 / M4A
    (ascii(0, 'RIFF') && ascii(8, 'WAVE')) ||
    ascii(0, 'fLaC') ||
    ascii(0, 'ID3') || // MP3 with a tag
    (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0) // an MPEG audio or ADTS (AAC) frame
  );
}

/** Standard padded base64 (what FileReader.readAsDataURL gives); one character class, so no backtracking. */
const BASE64_TEXT = /^[A-Za-z0-9+/]*={0,2}$/;

function invalid(path: string, message: string): never {
  throw new InvalidInput(message, [{ path: [path], message }]);
}

/** The recording's bytes, or a message saying why they are not a voice note. */
function decodeRecording(dataBase64: string): Uint8Array {
  if (dataBase64.length % 4 !== 0 || !BASE64_TEXT.test(dataBase64))
    invalid('dataBase64', 'The recording is not valid base64 data');
  const bytes = new Uint8Array(Buffer.from(dataBase64, 'base64'));
  if (bytes.length === 0) invalid('dataBase64', 'The recording is empty');
  if (bytes.length > WORKOUT_LIMITS.voiceNoteBytes) invalid('dataBase64', 'A voice note is at most 8 MB');
  if (!looksLikeAudio(bytes)) {
    invalid('dataBase64', 'That is not an audio recording (WebM, Ogg, MP4, WAV, MP3 or FLAC)');
  }
  return bytes;
}

async function requireLiveSession(ctx: ServiceContext, sessionId: string): Promise<void> {
  const [session] = await ctx.db
    .select({ id: workoutSession.id })
    .from(workoutSession)
    .where(
      and(
        eq(workoutSession.id, sessionId),
        eq(workoutSession.organizationId, ctx.organizationId),
        isNull(workoutSession.deletedAt),
      ),
    );
  if (!session) throw new NotFound('That workout does not exist or has been deleted');
}

async function requireEntryOf(ctx: ServiceContext, sessionId: string, entryId: string): Promise<void> {
  const [entry] = await ctx.db
    .select({ sessionId: exerciseEntry.sessionId, deletedAt: exerciseEntry.deletedAt })
    .from(exerciseEntry)
    .where(and(eq(exerciseEntry.id, entryId), eq(exerciseEntry.organizationId, ctx.organizationId)));
  if (!entry || entry.sessionId !== sessionId)
    invalid('entryId', 'That exercise is not part of this workout');
  if (entry.deletedAt !== null) {
    invalid('entryId', 'That exercise was removed from the workout: restore it before adding a note to it');
  }
}

export async function addVoiceNote(
  ctx: ServiceContext,
  input: ParsedInputOf<'voiceNotes.add'>,
): Promise<VoiceNoteMeta> {
  const audio = decodeRecording(input.dataBase64);
  await requireLiveSession(ctx, input.sessionId);
  if (input.entryId !== null) await requireEntryOf(ctx, input.sessionId, input.entryId);

  const id = uuidv7();
  const timestamp = ctx.now().toISOString();
  await ctx.db.insert(voiceNote).values({
    id,
    organizationId: ctx.organizationId,
    sessionId: input.sessionId,
    exerciseEntryId: input.entryId,
    mimeType: input.mimeType,
    durationMs: input.durationMs,
    sizeBytes: audio.length,
    audio,
    createdAt: timestamp,
    updatedAt: timestamp,
  });
  ctx.touched('voice_note');
  return requireLiveNote(ctx, id);
}

/** The organization's note on a live workout, live or tombstoned. */
async function findNote(
  ctx: ServiceContext,
  noteId: string,
): Promise<{ meta: VoiceNoteMeta; deleted: boolean }> {
  const [row] = await ctx.db
    .select({ ...metaColumns, deletedAt: voiceNote.deletedAt })
    .from(voiceNote)
    .innerJoin(workoutSession, eq(workoutSession.id, voiceNote.sessionId))
    .where(
      and(
        eq(voiceNote.id, noteId),
        eq(voiceNote.organizationId, ctx.organizationId),
        isNull(workoutSession.deletedAt),
      ),
    );
  if (!row) throw new NotFound('That voice note does not exist, or its workout has been deleted');
  const { deletedAt, ...meta } = row;
  return { meta: toVoiceNoteMeta(meta), deleted: deletedAt !== null };
}

async function requireLiveNote(ctx: ServiceContext, noteId: string): Promise<VoiceNoteMeta> {
  const { meta, deleted } = await findNote(ctx, noteId);
  if (deleted) throw new NotFound('That voice note has been deleted');
  return meta;
}

export async function voiceNoteAudio(
  ctx: ServiceContext,
  noteId: string,
): Promise<OutputOf<'voiceNotes.audio'>> {
  const meta = await requireLiveNote(ctx, noteId);
  const [row] = await ctx.db
    .select({ audio: voiceNote.audio })
    .from(voiceNote)
    .where(eq(voiceNote.id, noteId));
  return { id: noteId, mimeType: meta.mimeType, dataBase64: Buffer.from(row!.audio).toString('base64') };
}

async function setDeleted(ctx: ServiceContext, noteId: string, deleted: boolean): Promise<void> {
  const timestamp = ctx.now().toISOString();
  await ctx.db
    .update(voiceNote)
    .set({ deletedAt: deleted ? timestamp : null, updatedAt: timestamp })
    .where(and(eq(voiceNote.id, noteId), eq(voiceNote.organizationId, ctx.organizationId)));
  ctx.touched('voice_note');
}

/** Tombstones the note; `voiceNotes.restore` undoes it. */
export async function deleteVoiceNote(ctx: ServiceContext, noteId: string): Promise<{ id: string }> {
  await requireLiveNote(ctx, noteId);
  await setDeleted(ctx, noteId, true);
  return { id: noteId };
}

/** Undoes a delete; restoring a note that is not deleted changes nothing. */
export async function restoreVoiceNote(ctx: ServiceContext, noteId: string): Promise<VoiceNoteMeta> {
  const { meta, deleted } = await findNote(ctx, noteId);
  if (deleted) await setDeleted(ctx, noteId, false);
  return meta;
}

export const voiceNoteHandlers: Pick<
  Handlers,
  'voiceNotes.add' | 'voiceNotes.audio' | 'voiceNotes.delete' | 'voiceNotes.restore'
> = {
  'voiceNotes.add': (input, ctx) => addVoiceNote(ctx, input),
  'voiceNotes.audio': (input, ctx) => voiceNoteAudio(ctx, input.id),
  'voiceNotes.delete': (input, ctx) => deleteVoiceNote(ctx, input.id),
  'voiceNotes.restore': (input, ctx) => restoreVoiceNote(ctx, input.id),
};
