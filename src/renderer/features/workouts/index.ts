export { WorkoutsPage, WORKOUTS_TABS } from './WorkoutsPage';
export * from './api';
