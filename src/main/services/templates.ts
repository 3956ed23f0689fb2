/** SCAFFOLD: replaced by the real services (issue 6). */
import { Unavailable } from '../../shared/contract';
import type { Handlers } from './context';

const notYet = () => Promise.reject(new Unavailable('Not built yet'));

export const templateHandlers: Pick<
  Handlers,
  | 'templates.list'
  | 'templates.get'
  | 'templates.create'
  | 'templates.update'
  | 'templates.saveExercises'
  | 'templates.duplicate'
  | 'templates.fork'
  | 'templates.setArchived'
  | 'templates.delete'
  | 'templates.restore'
> = {
  'templates.list': notYet,
  'templates.get': notYet,
  'templates.create': notYet,
  'templates.update': notYet,
  'templates.saveExercises': notYet,
  'templates.duplicate': notYet,
  'templates.fork': notYet,
  'templates.setArchived': notYet,
  'templates.delete': notYet,
  'templates.restore': notYet,
};
