export { AthletesPage } from './AthletesPage';
export { CurrentAthletePicker } from './CurrentAthletePicker';
