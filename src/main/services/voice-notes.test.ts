import { eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { contract, fieldIssues } from '../../shared/contract';
import { WORKOUT_LIMITS } from '../../shared/domain/workout';
import { exerciseEntry, voiceNote, workoutSession } from '../db/schema';
import { catalogueExerciseId, insertAthlete } from './schedule-test-support';
import { callChannel as call, failureOf, useServiceFixture } from './test-fixtures';
import { voiceNotesOfSession } from './voice-notes';

const fixture = useServiceFixture();

/** A few bytes that start like a WebM file (what Chromium's MediaRecorder makes). */
const WEBM = Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81]);
const OGG = Buffer.concat([Buffer.from('OggS'), Buffer.alloc(28, 7)]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

/** A workout with one exercise, straight as rows (the workout services are not under test here). */
async function workoutWithEntry(options: { deleted?: boolean } = {}) {
  const athleteId = await insertAthlete(fixture.ctx, `Voice ${uuidv7().slice(-6)}`);
  const sessionId = uuidv7();
  const entryId = uuidv7();
  await fixture.ctx.db.insert(workoutSession).values({
    id: sessionId,
    organizationId: fixture.ctx.organizationId,
    athleteId,
    name: 'Lower',
    startedAt: '2025-03-03T08:00:00.000Z',
    completedAt: '2025-03-03T08:55:00.000Z',
    deletedAt: options.deleted ? '2025-03-03T09:00:00.000Z' : null,
  });
  await fixture.ctx.db.insert(exerciseEntry).values({
    id: entryId,
    organizationId: fixture.ctx.organizationId,
    sessionId,
    exerciseId: await catalogueExerciseId(fixture.ctx, 'Barbell Back Squat'),
    position: 0,
  });
  return { sessionId, entryId };
}

function note(sessionId: string, audio: Buffer = WEBM, extra: Record<string, unknown> = {}) {
  return {
    sessionId,
    mimeType: 'audio/webm;codecs=opus',
    durationMs: 4200,
    dataBase64: audio.toString('base64'),
    ...extra,
  };
}

async function voiceNoteCount(): Promise<number> {
  const [row] = await fixture.ctx.db.select({ count: sql<number>`count(*)::int` }).from(voiceNote);
  return row!.count;
}

describe('adding a voice note', () => {
  it('stores the recording with its type, duration and size, on the workout or one of its exercises', async () => {
    const { sessionId, entryId } = await workoutWithEntry();
    const onWorkout = await call(fixture.ctx, 'voiceNotes.add', note(sessionId));
    expect(onWorkout).toMatchObject({
      sessionId,
      entryId: null,
      mimeType: 'audio/webm;codecs=opus',
      durationMs: 4200,
      sizeBytes: WEBM.length,
      createdAt: '2025-03-03T09:00:00.000Z',
    });
    expect(fixture.takeTouched()).toEqual(['voice_note']);

    fixture.clock.advance(1000);
    const onSquat = await call(fixture.ctx, 'voiceNotes.add', {
      ...note(sessionId, OGG),
      mimeType: 'audio/ogg',
      entryId,
    });
    expect(onSquat).toMatchObject({ entryId, mimeType: 'audio/ogg', sizeBytes: OGG.length });

    const [stored] = await fixture.ctx.db.select().from(voiceNote).where(eq(voiceNote.id, onWorkout.id));
    expect(Buffer.from(stored!.audio).equals(WEBM)).toBe(true);
    expect(await voiceNotesOfSession(fixture.ctx.db, sessionId)).toEqual([onWorkout, onSquat]);
  });

  it('plays back exactly the bytes recorded, as base64 with their type', async () => {
    const { sessionId } = await workoutWithEntry();
    const added = await call(fixture.ctx, 'voiceNotes.add', note(sessionId));
    expect(await call(fixture.ctx, 'voiceNotes.audio', { id: added.id })).toEqual({
      id: added.id,
      mimeType: 'audio/webm;codecs=opus',
      dataBase64: WEBM.toString('base64'),
    });
  });

  it('refuses bytes that are not a recording, data that is not base64, and recordings over 8 MB', async () => {
    const { sessionId } = await workoutWithEntry();
    const before = await voiceNoteCount();
    const cases: [Record<string, unknown>, string][] = [
      [note(sessionId, PNG), 'That is not an audio recording (WebM, Ogg, MP4, WAV, MP3 or FLAC)'],
      [{ ...note(sessionId), dataBase64: 'not base64!' }, 'The recording is not valid base64 data'],
      [
        // One byte over: still under the boundary's cap on the base64 text, so the service decides.
        note(sessionId, Buffer.concat([WEBM, Buffer.alloc(WORKOUT_LIMITS.voiceNoteBytes + 1 - WEBM.length)])),
        'A voice note is at most 8 MB',
      ],
    ];
    for (const [input, message] of cases) {
      const failure = await failureOf(call(fixture.ctx, 'voiceNotes.add', input as never));
      expect(failure.code).toBe('invalid_input');
      expect(failure.message).toBe(message);
      expect(fieldIssues(failure.toShape())).toEqual([{ path: ['dataBase64'], message }]);
    }
    expect(await voiceNoteCount()).toBe(before);
    expect(fixture.takeTouched()).toEqual([]);
  });

  it('refuses, at the boundary, a type that is not audio, an empty recording and one over 5 minutes', () => {
    const input = contract['voiceNotes.add'].input;
    const sessionId = uuidv7();
    const messages = (raw: Record<string, unknown>) =>
      input.safeParse(raw).error?.issues.map((issue) => issue.message) ?? [];
    expect(messages(note(sessionId, WEBM, { mimeType: 'image/png' }))).toEqual([
      'A voice note must be audio (audio/webm, audio/ogg…)',
    ]);
    expect(messages(note(sessionId, WEBM, { dataBase64: '' }))).toEqual(['The recording is empty']);
    expect(messages(note(sessionId, WEBM, { durationMs: 0 }))).toEqual(['The recording is empty']);
    expect(messages(note(sessionId, WEBM, { durationMs: 5 * 60_000 + 1 }))).toEqual([
      'A voice note is at most 5 minutes long',
    ]);
  });

  it('refuses an unknown or deleted workout, and an exercise that is not in it or was removed', async () => {
    const { sessionId, entryId } = await workoutWithEntry();
    const deleted = await workoutWithEntry({ deleted: true });
    const other = await workoutWithEntry();
    await fixture.ctx.db
      .update(exerciseEntry)
      .set({ deletedAt: '2025-03-03T09:00:00.000Z' })
      .where(eq(exerciseEntry.id, other.entryId));
    const before = await voiceNoteCount();

    for (const missing of [uuidv7(), deleted.sessionId]) {
      const failure = await failureOf(call(fixture.ctx, 'voiceNotes.add', note(missing)));
      expect(failure.code).toBe('not_found');
      expect(failure.message).toBe('That workout does not exist or has been deleted');
    }
    const foreign = await failureOf(
      call(fixture.ctx, 'voiceNotes.add', { ...note(sessionId), entryId: other.entryId }),
    );
    expect(foreign.message).toBe('That exercise is not part of this workout');
    expect(fieldIssues(foreign.toShape())[0]?.path).toEqual(['entryId']);
    const removed = await failureOf(
      call(fixture.ctx, 'voiceNotes.add', { ...note(other.sessionId), entryId: other.entryId }),
    );
    expect(removed.message).toBe(
      'That exercise was removed from the workout: restore it before adding a note to it',
    );
    expect(await voiceNoteCount()).toBe(before);
    expect((await call(fixture.ctx, 'voiceNotes.add', { ...note(sessionId), entryId })).entryId).toBe(
      entryId,
    );
  });
});

describe('deleting and restoring a voice note', () => {
  it('hides a deleted note from the workout and its playback, and brings it back on restore', async () => {
    const { sessionId } = await workoutWithEntry();
    const kept = await call(fixture.ctx, 'voiceNotes.add', note(sessionId));
    const dropped = await call(fixture.ctx, 'voiceNotes.add', note(sessionId));
    fixture.takeTouched();

    expect(await call(fixture.ctx, 'voiceNotes.delete', { id: dropped.id })).toEqual({ id: dropped.id });
    expect(fixture.takeTouched()).toEqual(['voice_note']);
    expect(await voiceNotesOfSession(fixture.ctx.db, sessionId)).toEqual([kept]);
    const playback = await failureOf(call(fixture.ctx, 'voiceNotes.audio', { id: dropped.id }));
    expect(playback).toMatchObject({ code: 'not_found', message: 'That voice note has been deleted' });
    const again = await failureOf(call(fixture.ctx, 'voiceNotes.delete', { id: dropped.id }));
    expect(again.message).toBe('That voice note has been deleted');

    expect(await call(fixture.ctx, 'voiceNotes.restore', { id: dropped.id })).toEqual(dropped);
    expect(fixture.takeTouched()).toEqual(['voice_note']);
    expect(await voiceNotesOfSession(fixture.ctx.db, sessionId)).toEqual([kept, dropped]);
    // Restoring twice (a double click on Undo) changes nothing more.
    expect(await call(fixture.ctx, 'voiceNotes.restore', { id: dropped.id })).toEqual(dropped);
    expect(fixture.takeTouched()).toEqual([]);
  });

  it('answers not found for a note that does not exist or whose workout was deleted', async () => {
    const { sessionId } = await workoutWithEntry();
    const added = await call(fixture.ctx, 'voiceNotes.add', note(sessionId));
    await fixture.ctx.db
      .update(workoutSession)
      .set({ deletedAt: '2025-03-03T09:30:00.000Z' })
      .where(eq(workoutSession.id, sessionId));
    for (const id of [added.id, uuidv7()]) {
      for (const channel of ['voiceNotes.audio', 'voiceNotes.delete', 'voiceNotes.restore'] as const) {
        const failure = await failureOf(call(fixture.ctx, channel, { id }));
        expect(failure).toMatchObject({
          code: 'not_found',
          message: 'That voice note does not exist, or its workout has been deleted',
        });
      }
    }
  });
});
