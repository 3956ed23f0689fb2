export * from './api';
export { ProgramsPage } from './ProgramsPage';
export { ProgramBuilderPage } from './ProgramBuilderPage';
export { ApplyProgramDialog, type ApplyProgramDialogProps } from './ApplyProgramDialog';
