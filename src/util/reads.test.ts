import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exists, listDir, listedEntry, present, withListings } from './reads.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dockpolicy-reads-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
mkdirSync(path.join(tmp, 'sub'));
writeFileSync(path.join(tmp, 'Dockerfile'), 'FROM alpine\n');
mkdirSync(path.join(tmp, 'accents'));
writeFileSync(path.join(tmp, 'accents', 'café'), '');

/** What a listing says of a name it lacks: never answered on Windows. */
const absent = process.platform === 'win32' ? undefined : null;

describe('listings kept for a run', () => {
  it('answer from a listing only inside a run, and only for what the listing can tell', async () => {
    expect(listedEntry(path.join(tmp, '.env'))).toBeUndefined(); // no run
    await withListings(async () => {
      expect(listedEntry(path.join(tmp, '.env'))).toBeUndefined(); // not listed yet
      const entries = listDir(tmp);
      expect(listDir(tmp)).toBe(entries); // listed once
      expect(listedEntry(path.join(tmp, 'Dockerfile'))?.isFile()).toBe(true);
      expect(listedEntry(path.join(tmp, 'sub'))?.isDirectory()).toBe(true);
      expect(listedEntry(path.join(tmp, '.env'))).toBe(absent);
      expect(listedEntry(path.join(tmp, 'missing', 'deeper', 'package.json'))).toBe(absent); // under a missing directory
      expect(listedEntry(path.join(tmp, 'sub', '.env'))).toBeUndefined(); // sub not listed
      expect(listedEntry(path.join(tmp, 'Dockerfile', 'x'))).toBeUndefined(); // under a file: ENOTDIR, not told
      expect(listedEntry(`${tmp}${path.sep}..`)).toBeUndefined();
      expect(listedEntry(`${tmp}${path.sep}.${path.sep}Dockerfile`)).toBeUndefined(); // not normalised
      // Another spelling a case-insensitive file system would find: not answered.
      expect(listedEntry(path.join(tmp, 'DOCKERFILE'))).toBeUndefined();
      expect(listedEntry(path.join(tmp, 'déjà'))).toBeUndefined();
      listDir(path.join(tmp, 'accents'));
      expect(listedEntry(path.join(tmp, 'accents', '.env'))).toBeUndefined(); // a name that is not ASCII there
      expect(present(path.join(tmp, 'Dockerfile'))).toBe(true);
      expect(exists(path.join(tmp, '.env'))).toBe(false);
    });
    expect(listedEntry(path.join(tmp, '.env'))).toBeUndefined(); // forgotten after the run
  });

  it('are not kept after the run: a file removed since is not found by the next one', async () => {
    const file = path.join(tmp, 'sub', 'gone');
    writeFileSync(file, '');
    await withListings(async () => {
      listDir(path.join(tmp, 'sub'));
      expect(present(file)).toBe(true);
    });
    unlinkSync(file);
    await withListings(async () => expect(present(file)).toBe(false));
  });
});
