/** SCAFFOLD: replaced by the real services (issue 6). */
import { Unavailable } from '../../shared/contract';
import type { Handlers } from './context';

const notYet = () => Promise.reject(new Unavailable('Not built yet'));

export const scheduleHandlers: Pick<
  Handlers,
  | 'schedule.range'
  | 'schedule.get'
  | 'schedule.create'
  | 'schedule.update'
  | 'schedule.delete'
  | 'schedule.restore'
> = {
  'schedule.range': notYet,
  'schedule.get': notYet,
  'schedule.create': notYet,
  'schedule.update': notYet,
  'schedule.delete': notYet,
  'schedule.restore': notYet,
};
