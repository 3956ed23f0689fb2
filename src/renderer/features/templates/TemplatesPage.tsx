/** SCAFFOLD (issue 6): the template library; replaced by the real screen. */
export function TemplatesPage() {
  return <div className="lt-page">Templates</div>;
}
