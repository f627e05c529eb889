import { GitPipe, type AnswerParser } from './git-pipe.js';

export interface ObjectInfo {
  sha: string;
  type: string;
  size: number;
}

export interface ObjectContents extends ObjectInfo {
  bytes: Buffer;
}

/**
 * Reads objects of one repository through a single long-lived `git cat-file --batch-command`. git
 * looks loose objects up afresh on every request, so objects written after it started, here or in
 * an alternate's store (a fork reads its network's objects so), are seen.
 */
export class GitObjectReader {
  private readonly pipe: GitPipe;

  constructor(directory: string) {
    this.pipe = new GitPipe(directory, ['cat-file', '--batch-command']);
  }

  /** The object's id, type and size; undefined when the repository cannot see it. */
  info(name: string): Promise<ObjectInfo | undefined> {
    return this.request('info', name, false);
  }

  /** The object with its bytes; undefined when the repository cannot see it. */
  contents(name: string): Promise<ObjectContents | undefined> {
    return this.request('contents', name, true) as Promise<ObjectContents | undefined>;
  }

  close(): Promise<void> {
    return this.pipe.close();
  }

  private request(command: string, name: string, withContents: boolean): Promise<ObjectInfo | undefined> {
    // One request is one line: a name with a line break in it cannot name an object anyway.
    if (/[\n\r]/.test(name) || name.trim() === '') return Promise.resolve(undefined);
    return this.pipe.ask(`${command} ${name}\n`, answer(withContents));
  }
}

/**
 * "<name> missing" or "<name> ambiguous" (a name may hold spaces), else "<sha> <type> <size>" and,
 * for contents, that many bytes and a line feed.
 */
function answer(withContents: boolean): AnswerParser<ObjectInfo | ObjectContents | undefined> {
  return (data) => {
    const newline = data.indexOf(0x0a);
    if (newline < 0) return { needed: data.length + 1 };
    const line = data.toString('utf8', 0, newline);
    const [sha, type, size] = line.split(' ');
    if (line.endsWith(' missing') || line.endsWith(' ambiguous') || !type || size === undefined)
      return { answer: undefined, length: newline + 1 };
    const info = { sha: sha!, type, size: Number(size) };
    if (!withContents) return { answer: info, length: newline + 1 };
    const end = newline + 1 + info.size;
    if (data.length < end + 1) return { needed: end + 1 };
    return { answer: { ...info, bytes: Buffer.from(data.subarray(newline + 1, end)) }, length: end + 1 };
  };
}
