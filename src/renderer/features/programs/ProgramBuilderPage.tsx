/** SCAFFOLD (issue 6): the program builder; replaced by the real screen. */
export function ProgramBuilderPage() {
  return <div className="lt-page">Builder</div>;
}
