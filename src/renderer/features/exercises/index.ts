export { ExercisesPage } from './ExercisesPage';
export { ExerciseImportCard } from './ExerciseImportCard';
