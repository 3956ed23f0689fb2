/** SCAFFOLD: replaced by the real services (issue 6). */
import { Unavailable } from '../../shared/contract';
import type { Handlers } from './context';

const notYet = () => Promise.reject(new Unavailable('Not built yet'));

export const jobHandlers: Pick<Handlers, 'jobs.list' | 'jobs.run' | 'testing.setClock'> = {
  'jobs.list': notYet,
  'jobs.run': notYet,
  'testing.setClock': notYet,
};
