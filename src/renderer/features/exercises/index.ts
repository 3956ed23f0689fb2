export { ExercisesPage } from './ExercisesPage';
export { ExerciseImportCard } from './ExerciseImportCard';
export { ExercisePicker, type ExercisePickerProps } from './ExercisePicker';
export { muscleLabel, equipmentLabel } from './filters';
export { useGetExerciseQuery } from './api';
