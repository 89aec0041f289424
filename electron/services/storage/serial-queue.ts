/**
 * Runs async operations one at a time, in call order, so read-modify-write cycles on a file never
 * interleave. Each caller still gets its own operation's result or error; a failure does not stop
 * the operations queued behind it.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.tail.then(operation, operation);
    this.tail = result.catch(() => undefined); // the caller handles the error; the queue only keeps order
    return result;
  }
}
