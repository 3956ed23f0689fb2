import { api, mutationFor, queryFor } from '../../app/api';

const endpoints = api.injectEndpoints({
  endpoints: (build) => ({
    settings: queryFor(build, 'settings.get'),
    updateSettings: mutationFor(build, 'settings.update'),
    // On demand only (a mutation is never cached): it reads the whole history.
    checkData: mutationFor(build, 'app.checkData'),
    // Settings → Background jobs; refreshed by the `changed` events each run sends (job_run).
    jobs: queryFor(build, 'jobs.list'),
    runJob: mutationFor(build, 'jobs.run'),
  }),
});

export const settingsApi = endpoints.enhanceEndpoints({
  endpoints: {
    updateSettings: {
      // Preferences apply live everywhere (theme, units): patch the cached copy at once and roll
      // back if the backend refuses the change.
      async onQueryStarted(change, { dispatch, queryFulfilled }) {
        const patch = dispatch(
          endpoints.util.updateQueryData('settings', {}, (draft) => {
            Object.assign(draft, change);
          }),
        );
        try {
          await queryFulfilled;
        } catch {
          patch.undo();
        }
      },
    },
  },
});

export const {
  useSettingsQuery,
  useUpdateSettingsMutation,
  useCheckDataMutation,
  useJobsQuery,
  useRunJobMutation,
} = settingsApi;
