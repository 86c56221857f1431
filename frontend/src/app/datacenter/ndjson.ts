/**
 * Splits a text stream into JSON lines: `push(chunk)` returns the objects of the lines completed
 * so far and keeps an unfinished last line for the next chunk; blank lines are skipped.
 */
export class NdjsonReader<T> {
  private rest = '';

  push(chunk: string): T[] {
    const lines = (this.rest + chunk).split('\n');
    this.rest = lines.pop() ?? '';
    return lines.filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as T);
  }

  /** The last line when the stream ends without a newline. */
  finish(): T[] {
    const last = this.rest.trim();
    this.rest = '';
    return last === '' ? [] : [JSON.parse(last) as T];
  }
}
