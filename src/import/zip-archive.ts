import { type Entry, openPromise, type ZipFile } from 'yauzl';
import { ImportError } from './import-source.ts';

/**
 * A ZIP read through its central directory (yauzl): the entry list first, then one entry at a
 * time, so a 1 GB export never sits in memory; only the entry being read does.
 */
export class ZipArchive {
  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: ReadonlyMap<string, Entry>,
    readonly path: string,
  ) {}

  static async open(path: string): Promise<ZipArchive> {
    let zip: ZipFile;
    try {
      zip = await openPromise(path, { lazyEntries: true, autoClose: false });
    } catch (error) {
      throw new ImportError(`${path} is not a ZIP file that can be read (${(error as Error).message}).`);
    }
    const entries = new Map<string, Entry>();
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: Entry) => {
        if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.once('end', resolve);
      zip.once('error', (error: Error) => reject(new ImportError(`${path}: ${error.message}`)));
      zip.readEntry();
    });
    return new ZipArchive(zip, entries, path);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** One entry, parsed as JSON; a broken one is an ImportError naming it. */
  async json(name: string): Promise<unknown> {
    const entry = this.entries.get(name);
    if (!entry) throw new ImportError(`${this.path} has no ${name}.`);
    const chunks: Buffer[] = [];
    try {
      const stream = await this.zip.openReadStreamPromise(entry);
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch (error) {
      throw new ImportError(`${this.path}: ${name} is not valid JSON (${(error as Error).message}).`);
    }
  }

  close(): void {
    this.zip.close();
  }
}
