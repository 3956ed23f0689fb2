import { api, queryFor } from './api';

/** What the frame shows about the app itself: version, organization, data folder and counts. */
export const appInfoApi = api.injectEndpoints({
  endpoints: (build) => ({
    appInfo: queryFor(build, 'app.info'),
  }),
});

export const { useAppInfoQuery } = appInfoApi;
