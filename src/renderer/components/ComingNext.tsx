import { NonIdealState } from '@blueprintjs/core';
import type { IconName } from '@blueprintjs/icons';
import type { ReactNode } from 'react';

interface ComingNextProps {
  title: string;
  icon: IconName;
  /** What this section will hold, in a sentence or two. No made-up data. */
  children: ReactNode;
  action?: React.JSX.Element;
}

/** A section that a later release fills: says plainly what will be here. */
export function ComingNext({ title, icon, children, action }: ComingNextProps) {
  return (
    <NonIdealState
      className="lt-coming-next"
      icon={icon}
      title={`${title} is coming next`}
      description={<div className="lt-coming-next__text">{children}</div>}
      action={action}
    />
  );
}
