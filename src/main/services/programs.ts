/** SCAFFOLD: replaced by the real services (issue 6). */
import { Unavailable } from '../../shared/contract';
import type { Handlers } from './context';

const notYet = () => Promise.reject(new Unavailable('Not built yet'));

export const programHandlers: Pick<
  Handlers,
  | 'programs.list'
  | 'programs.get'
  | 'programs.create'
  | 'programs.save'
  | 'programs.duplicate'
  | 'programs.setArchived'
  | 'programs.export'
  | 'programs.import'
> = {
  'programs.list': notYet,
  'programs.get': notYet,
  'programs.create': notYet,
  'programs.save': notYet,
  'programs.duplicate': notYet,
  'programs.setArchived': notYet,
  'programs.export': notYet,
  'programs.import': notYet,
};
