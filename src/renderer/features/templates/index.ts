export * from './api';
export { TemplatesPage } from './TemplatesPage';
