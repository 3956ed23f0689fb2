/** The template library's endpoints, from src/shared/contract/templates.ts. */
import { api, mutationFor, queryFor } from '../../app/api';

export const templatesApi = api.injectEndpoints({
  endpoints: (build) => ({
    listTemplates: queryFor(build, 'templates.list'),
    getTemplate: queryFor(build, 'templates.get'),
    createTemplate: mutationFor(build, 'templates.create'),
    updateTemplate: mutationFor(build, 'templates.update'),
    saveTemplateExercises: mutationFor(build, 'templates.saveExercises'),
    duplicateTemplate: mutationFor(build, 'templates.duplicate'),
    forkTemplate: mutationFor(build, 'templates.fork'),
    setTemplateArchived: mutationFor(build, 'templates.setArchived'),
    deleteTemplate: mutationFor(build, 'templates.delete'),
    restoreTemplate: mutationFor(build, 'templates.restore'),
  }),
});

export const {
  useListTemplatesQuery,
  useGetTemplateQuery,
  useCreateTemplateMutation,
  useUpdateTemplateMutation,
  useSaveTemplateExercisesMutation,
  useDuplicateTemplateMutation,
  useForkTemplateMutation,
  useSetTemplateArchivedMutation,
  useDeleteTemplateMutation,
  useRestoreTemplateMutation,
} = templatesApi;
