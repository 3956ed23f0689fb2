import { api, mutationFor, queryFor } from '../../app/api';

export const athletesApi = api.injectEndpoints({
  endpoints: (build) => ({
    athletes: queryFor(build, 'athletes.list'),
    athlete: queryFor(build, 'athletes.get'),
    createAthlete: mutationFor(build, 'athletes.create'),
    updateAthlete: mutationFor(build, 'athletes.update'),
    setAthleteArchived: mutationFor(build, 'athletes.setArchived'),
  }),
});

export const {
  useAthletesQuery,
  useAthleteQuery,
  useCreateAthleteMutation,
  useUpdateAthleteMutation,
  useSetAthleteArchivedMutation,
} = athletesApi;
