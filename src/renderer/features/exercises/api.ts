/**
 * The exercise library's endpoints, built from the contract entries in
 * src/shared/contract/exercises.ts (channel names, types and tags come from there).
 */
import { useCallback } from 'react';
import { useDispatch, useStore } from 'react-redux';
import type { ThunkDispatch, UnknownAction } from '@reduxjs/toolkit';
import { api, mutationFor, queryFor } from '../../app/api';

export const exercisesApi = api.injectEndpoints({
  endpoints: (build) => ({
    searchExercises: queryFor(build, 'exercises.search'),
    autocompleteExercises: queryFor(build, 'exercises.autocomplete'),
    exerciseFacets: queryFor(build, 'exercises.facets'),
    getExercise: queryFor(build, 'exercises.get'),
    createExercise: mutationFor(build, 'exercises.create'),
    updateExercise: mutationFor(build, 'exercises.update'),
    deleteExercise: mutationFor(build, 'exercises.delete'),
    restoreExercise: mutationFor(build, 'exercises.restore'),
    setExerciseFavorite: mutationFor(build, 'exercises.setFavorite'),
    importExercises: mutationFor(build, 'exercises.import'),
  }),
});

export const {
  useSearchExercisesQuery,
  useAutocompleteExercisesQuery,
  useExerciseFacetsQuery,
  useGetExerciseQuery,
  useCreateExerciseMutation,
  useUpdateExerciseMutation,
  useDeleteExerciseMutation,
  useRestoreExerciseMutation,
  useSetExerciseFavoriteMutation,
  useImportExercisesMutation,
} = exercisesApi;

type ApiRootState = Parameters<typeof exercisesApi.util.selectInvalidatedBy>[0];
type ApiDispatch = ThunkDispatch<ApiRootState, unknown, UnknownAction>;

/**
 * Toggle a favorite so the star changes on click: patch every cached search, autocomplete and
 * detail result that holds the exercise, then call the backend; put the patches back if it fails.
 * (The mutation's tags then refetch the lists, so "Favorites only" and the counts catch up.)
 */
export function useSetFavorite(): (exerciseId: string, favorite: boolean) => Promise<void> {
  const dispatch = useDispatch<ApiDispatch>();
  const store = useStore<ApiRootState>();
  const [setFavorite] = useSetExerciseFavoriteMutation();

  return useCallback(
    async (exerciseId: string, favorite: boolean) => {
      const patchItem = (item: { id: string; favorite: boolean }) => {
        if (item.id === exerciseId) item.favorite = favorite;
      };
      const patches: { undo: () => void }[] = [];
      const cached = exercisesApi.util.selectInvalidatedBy(store.getState(), [
        { type: 'Exercise', id: exerciseId },
      ]);
      for (const { endpointName, originalArgs } of cached) {
        if (endpointName === 'searchExercises' || endpointName === 'autocompleteExercises') {
          patches.push(
            dispatch(
              exercisesApi.util.updateQueryData(endpointName, originalArgs as never, (draft) => {
                draft.items.forEach(patchItem);
              }),
            ),
          );
        } else if (endpointName === 'getExercise') {
          patches.push(
            dispatch(exercisesApi.util.updateQueryData('getExercise', originalArgs as never, patchItem)),
          );
        }
      }
      const result = await setFavorite({ id: exerciseId, favorite });
      if (result.error) {
        for (const patch of patches) patch.undo();
        throw result.error;
      }
    },
    [dispatch, store, setFavorite],
  );
}
