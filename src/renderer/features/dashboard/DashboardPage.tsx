/**
 * A short welcome with what is already in the app (from app.info) and quick ways in. The
 * training overview (today's sessions, compliance, records) is a later issue; until then the page
 * says so rather than showing anything made up.
 */
import { Button, Card, Classes, Elevation, Icon, Intent } from '@blueprintjs/core';
import type { IconName } from '@blueprintjs/icons';
import { useNavigate } from 'react-router';
import { useAppInfoQuery } from '../../app/appInfoApi';
import { ComingNext } from '../../components/ComingNext';
import { ErrorCallout } from '../../components/ErrorCallout';
import './dashboard.css';

const count = new Intl.NumberFormat();

function Stat({
  icon,
  value,
  label,
  loading,
}: {
  icon: IconName;
  value: number | undefined;
  label: string;
  loading: boolean;
}) {
  return (
    <Card className="lt-stat" elevation={Elevation.ZERO}>
      <Icon icon={icon} size={20} className={Classes.TEXT_MUTED} />
      <div>
        <div className={`lt-stat__value ${loading ? Classes.SKELETON : ''}`}>
          {value === undefined ? '0' : count.format(value)}
        </div>
        <div className={`lt-stat__label ${Classes.TEXT_MUTED}`}>{label}</div>
      </div>
    </Card>
  );
}

export function DashboardPage() {
  const navigate = useNavigate();
  const { data: info, error, isLoading, refetch } = useAppInfoQuery({});

  return (
    <div className="lt-page lt-dashboard">
      <header className="lt-page-header">
        <h1 className={Classes.HEADING}>Dashboard</h1>
        {info && <span className="lt-page-header__meta">{info.organization.name}</span>}
      </header>
      <ErrorCallout title="Could not read the app's details" error={error} onRetry={refetch} />
      <section className="lt-dashboard__welcome" aria-label="Welcome">
        <div className="lt-dashboard__stats">
          <Stat
            icon="people"
            value={info?.athleteCount}
            label={info?.athleteCount === 1 ? 'athlete' : 'athletes'}
            loading={isLoading}
          />
          <Stat
            icon="book"
            value={info?.exerciseCount}
            label={info?.exerciseCount === 1 ? 'exercise in the library' : 'exercises in the library'}
            loading={isLoading}
          />
        </div>
        <div className="lt-dashboard__actions">
          <Button
            icon="new-person"
            intent={Intent.PRIMARY}
            text="Add an athlete"
            onClick={() => navigate('/athletes?new=1')}
          />
          <Button icon="search" text="Browse exercises" onClick={() => navigate('/exercises')} />
          <Button icon="cog" text="Units and theme" onClick={() => navigate('/settings')} />
        </div>
      </section>
      <ComingNext title="The training overview" icon="dashboard">
        Today’s scheduled sessions, this week’s completion across your athletes, recent personal records and
        athletes who missed workouts will appear here once programs and workout logging arrive.
      </ComingNext>
    </div>
  );
}
