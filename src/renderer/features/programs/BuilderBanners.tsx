/** What the builder says above the grid (who follows the program, that it is archived) and its loading skeleton. */
import { Callout, Classes, Intent } from '@blueprintjs/core';
import type { ProgramAssignment } from '../../../shared/domain/program';

export function AppliedBanner({ assignments }: { assignments: readonly ProgramAssignment[] }) {
  if (assignments.length === 0) return null;
  const upcoming = assignments.reduce((sum, assignment) => sum + assignment.upcoming, 0);
  const names = [...new Set(assignments.map((assignment) => assignment.athleteName))];
  return (
    <Callout intent={Intent.PRIMARY} icon="people" compact className="lt-builder__applied">
      Applied to {names.length} {names.length === 1 ? 'athlete' : 'athletes'} ({names.slice(0, 4).join(', ')}
      {names.length > 4 ? ` and ${names.length - 4} more` : ''})
      {upcoming > 0
        ? ` — their ${upcoming} upcoming ${upcoming === 1 ? 'workout follows' : 'workouts follow'} your edits.`
        : ' — none of its workouts are still to come, so edits change no calendar.'}
    </Callout>
  );
}

export function ArchivedBanner() {
  return (
    <Callout intent={Intent.WARNING} icon="archive" compact className="lt-builder__applied">
      This program is archived: it can still be edited, but it is hidden from the list and cannot be applied.
    </Callout>
  );
}

export function BuilderSkeleton() {
  return (
    <div className="lt-builder" aria-busy="true" aria-label="Loading the program">
      <header className="lt-builder__header">
        <span className={Classes.SKELETON}>Programs</span>
        <h1 className={`${Classes.HEADING} ${Classes.SKELETON}`}>Loading the program</h1>
      </header>
      <div className="lt-builder__body">
        <aside className="lt-library">
          {Array.from({ length: 6 }, (_, index) => (
            <div key={index} className={`lt-library-card ${Classes.SKELETON}`}>
              Template
            </div>
          ))}
        </aside>
        <section className="lt-builder__plan">
          <div className="lt-builder__grid-scroll">
            {Array.from({ length: 4 }, (_, index) => (
              <div key={index} className={`lt-skeleton-row ${Classes.SKELETON}`} />
            ))}
          </div>
        </section>
      </div>
    </div>
  );
}
