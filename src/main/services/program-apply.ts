/** SCAFFOLD: replaced by the real services (issue 6). */
import { Unavailable } from '../../shared/contract';
import type { Handlers } from './context';

const notYet = () => Promise.reject(new Unavailable('Not built yet'));

export const programApplyHandlers: Pick<
  Handlers,
  'programs.previewApply' | 'programs.apply' | 'programs.unapply'
> = {
  'programs.previewApply': notYet,
  'programs.apply': notYet,
  'programs.unapply': notYet,
};
