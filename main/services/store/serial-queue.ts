/**
 * Runs store operations one at a time. Calls arrive concurrently over IPC; two saves of the
 * same conference interleaving their read-check-write steps could otherwise both pass the
 * revision check. Store operations take milliseconds, so one queue costs nothing noticeable.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task, task);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
