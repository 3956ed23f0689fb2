/** Programs' endpoints, from src/shared/contract/programs.ts. */
import { api, mutationFor, queryFor } from '../../app/api';

export const programsApi = api.injectEndpoints({
  endpoints: (build) => ({
    listPrograms: queryFor(build, 'programs.list'),
    getProgram: queryFor(build, 'programs.get'),
    createProgram: mutationFor(build, 'programs.create'),
    saveProgram: mutationFor(build, 'programs.save'),
    duplicateProgram: mutationFor(build, 'programs.duplicate'),
    setProgramArchived: mutationFor(build, 'programs.setArchived'),
    exportProgram: queryFor(build, 'programs.export'),
    importProgram: mutationFor(build, 'programs.import'),
    previewApplyProgram: queryFor(build, 'programs.previewApply'),
    applyProgram: mutationFor(build, 'programs.apply'),
    unapplyProgram: mutationFor(build, 'programs.unapply'),
  }),
});

export const {
  useListProgramsQuery,
  useGetProgramQuery,
  useCreateProgramMutation,
  useSaveProgramMutation,
  useDuplicateProgramMutation,
  useSetProgramArchivedMutation,
  useLazyExportProgramQuery,
  useImportProgramMutation,
  usePreviewApplyProgramQuery,
  useApplyProgramMutation,
  useUnapplyProgramMutation,
} = programsApi;
