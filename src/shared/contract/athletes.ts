import { z } from 'zod';
import { athlete, athleteFields } from '../domain/athlete';
import { id } from '../domain/common';
import { mutation, query } from './define';

export const athleteChannels = {
  'athletes.list': query({
    input: z
      .object({
        text: z.string().trim().max(100).default(''),
        includeArchived: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ items: z.array(athlete) }),
    provides: ['Athlete'],
  }),
  'athletes.get': query({
    input: z.object({ id }).strict(),
    output: athlete,
    provides: ['Athlete'],
  }),
  'athletes.create': mutation({
    input: athleteFields,
    output: athlete,
    invalidates: ['Athlete', 'Organization'],
  }),
  'athletes.update': mutation({
    input: z.object({ id, fields: athleteFields }).strict(),
    output: athlete,
    invalidates: ['Athlete'],
  }),
  /** Archive hides an athlete from the roster and pickers; nothing of theirs is deleted. */
  'athletes.setArchived': mutation({
    input: z.object({ id, archived: z.boolean() }).strict(),
    output: athlete,
    invalidates: ['Athlete', 'Organization', 'Settings'],
  }),
  /** Check a kiosk PIN without revealing anything about it. */
  'athletes.verifyPin': mutation({
    input: z.object({ id, pin: z.string().max(8) }).strict(),
    output: z.object({ ok: z.boolean() }),
    invalidates: [],
  }),
};
