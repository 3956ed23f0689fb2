export * from './api';
export { TemplatesPage } from './TemplatesPage';
export { TemplateEditor, type TemplateEditorProps } from './TemplateEditor';
