import { Button } from '@blueprintjs/core';
import type { AppErrorShape } from '../../../shared/contract/errors';
import { useSetFavorite } from './api';
import { useToaster } from '../../app/toaster';
import { errorMessage } from '../../components/ErrorCallout';

interface FavoriteButtonProps {
  exercise: { id: string; name: string; favorite: boolean };
  size?: 'small' | 'medium';
}

/** A star that toggles at once (the cache is patched before the backend answers). */
export function FavoriteButton({ exercise, size = 'small' }: FavoriteButtonProps) {
  const setFavorite = useSetFavorite();
  const toaster = useToaster();
  const label = exercise.favorite
    ? `Remove ${exercise.name} from favorites`
    : `Add ${exercise.name} to favorites`;
  return (
    <Button
      className="lt-ex-fav"
      size={size}
      variant="minimal"
      icon={exercise.favorite ? 'star' : 'star-empty'}
      intent={exercise.favorite ? 'warning' : 'none'}
      aria-label={label}
      title={label}
      onClick={() => {
        setFavorite(exercise.id, !exercise.favorite).catch((error: AppErrorShape) => {
          toaster.show({
            intent: 'danger',
            icon: 'error',
            message: `Could not change favorites: ${errorMessage(error)}`,
          });
        });
      }}
    />
  );
}
