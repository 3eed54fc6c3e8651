// Writes to an OutputStream while honouring backpressure: when write() says the stream's buffer is
// full, wait for it to drain before writing more, so a huge listing piped into `less` or a slow
// terminal never piles up in memory.
import type { OutputStream } from '../deps';

export class Sink {
  constructor(private readonly stream: OutputStream) {}

  async write(chunk: string): Promise<void> {
    if (chunk === '') return;
    if (!this.stream.write(chunk) && this.stream.drain) await this.stream.drain();
  }
}
