export { AthletesPage } from './AthletesPage';
export { CurrentAthletePicker } from './CurrentAthletePicker';
export { useAthletesQuery } from './api';
