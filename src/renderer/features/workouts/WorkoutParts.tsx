/** Small pieces of the workout screen: the time so far, and the skeleton shown while it loads. */
import { Card, Classes } from '@blueprintjs/core';
import { useEffect, useState } from 'react';

/** Seconds since `startedAt`, updated every few seconds. */
export function useElapsedSeconds(startedAt: string): number {
  const started = new Date(startedAt).getTime();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const interval = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(interval);
  }, []);
  return Math.max(0, (now - started) / 1000);
}

/** The layout of the workout screen in skeleton blocks, while it loads. */
export function WorkoutSkeleton() {
  return (
    <div className="lt-wo" aria-busy="true" aria-label="Loading the workout">
      <div className="lt-wo-head">
        <h2 className={`${Classes.HEADING} ${Classes.SKELETON}`}>Workout name</h2>
      </div>
      <div className={`lt-rest ${Classes.SKELETON}`} />
      {[0, 1].map((index) => (
        <Card key={index} className="lt-wo-entry__card lt-wo-skeleton-card" compact>
          <div className={Classes.SKELETON}>Exercise name</div>
          {[0, 1, 2].map((row) => (
            <div key={row} className={`${Classes.SKELETON} lt-wo-skeleton-row`} />
          ))}
        </Card>
      ))}
    </div>
  );
}
