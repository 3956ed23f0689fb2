import { describe, expect, it } from 'vitest';
import { createTaskQueue, QueueClosedError } from './task-queue';

describe('task queue', () => {
  it('runs tasks one at a time in the order they were queued', async () => {
    const queue = createTaskQueue();
    const order: string[] = [];
    const slow = queue.run(async () => {
      order.push('slow starts');
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('slow ends');
      return 'slow';
    });
    const quick = queue.run(async () => {
      order.push('quick');
      return 'quick';
    });

    expect(await Promise.all([slow, quick])).toEqual(['slow', 'quick']);
    expect(order).toEqual(['slow starts', 'slow ends', 'quick']);
  });

  it('passes a failure to its caller only; the next task still runs', async () => {
    const queue = createTaskQueue();
    const failing = queue.run(async () => {
      throw new Error('broken');
    });
    const next = queue.run(async () => 'fine');

    await expect(failing).rejects.toThrow('broken');
    expect(await next).toBe('fine');
  });

  it('drops the tasks that had not started when it closed', async () => {
    const queue = createTaskQueue();
    let ran = false;
    const closing = queue.run(async () => queue.close());
    const late = queue.run(async () => {
      ran = true;
    });

    await closing;
    await expect(late).rejects.toBeInstanceOf(QueueClosedError);
    await queue.drained();
    expect(ran).toBe(false);
  });
});
