export * from './api';
export { CalendarPage } from './CalendarPage';
