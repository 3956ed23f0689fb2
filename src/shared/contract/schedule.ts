import { z } from 'zod';
import { id } from '../domain/common';
import {
  scheduleCreateInput,
  scheduleRangeInput,
  scheduledWorkout,
  scheduledWorkoutDetail,
  scheduleUpdateInput,
} from '../domain/schedule';
import { mutation, query } from './define';

export const scheduleChannels = {
  /** The calendar: workouts of some athletes between two dates (inclusive), by date. */
  'schedule.range': query({
    input: scheduleRangeInput,
    output: z.object({ items: z.array(scheduledWorkout) }),
    provides: ['Schedule'],
  }),
  'schedule.get': query({
    input: z.object({ id }).strict(),
    output: scheduledWorkoutDetail,
    provides: ['Schedule'],
  }),
  /** Quick add, or a template dropped on a date. */
  'schedule.create': mutation({
    input: scheduleCreateInput,
    output: scheduledWorkout,
    invalidates: ['Schedule', 'Template'],
  }),
  /** Move (a new date pins it against program edits), change the time or notes, skip or unskip. */
  'schedule.update': mutation({
    input: scheduleUpdateInput,
    output: scheduledWorkout,
    invalidates: ['Schedule'],
  }),
  /** Undoable with `schedule.restore`; a started or done workout cannot be deleted. */
  'schedule.delete': mutation({
    input: z.object({ id }).strict(),
    output: z.object({ id }),
    invalidates: ['Schedule', 'Template', 'Program'],
  }),
  'schedule.restore': mutation({
    input: z.object({ id }).strict(),
    output: scheduledWorkout,
    invalidates: ['Schedule', 'Template', 'Program'],
  }),
};
