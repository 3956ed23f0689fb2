/** The calendar's endpoints, from src/shared/contract/schedule.ts. */
import { api, mutationFor, queryFor } from '../../app/api';

export const scheduleApi = api.injectEndpoints({
  endpoints: (build) => ({
    scheduleRange: queryFor(build, 'schedule.range'),
    getScheduledWorkout: queryFor(build, 'schedule.get'),
    createScheduledWorkout: mutationFor(build, 'schedule.create'),
    updateScheduledWorkout: mutationFor(build, 'schedule.update'),
    deleteScheduledWorkout: mutationFor(build, 'schedule.delete'),
    restoreScheduledWorkout: mutationFor(build, 'schedule.restore'),
  }),
});

export const {
  useScheduleRangeQuery,
  useGetScheduledWorkoutQuery,
  useCreateScheduledWorkoutMutation,
  useUpdateScheduledWorkoutMutation,
  useDeleteScheduledWorkoutMutation,
  useRestoreScheduledWorkoutMutation,
} = scheduleApi;
