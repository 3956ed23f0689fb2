/** SCAFFOLD (issue 6): the program list; replaced by the real screen. */
export function ProgramsPage() {
  return <div className="lt-page">Programs</div>;
}
