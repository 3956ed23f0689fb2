import { Tag } from '@blueprintjs/core';

/** "PIN set", the same in the roster and the athlete dialog: a neutral minimal tag with a lock. */
export function PinSetTag() {
  return (
    <Tag minimal icon="lock">
      PIN set
    </Tag>
  );
}
