import { afterAll, describe, expect, it } from '@jest/globals';
import {
  chmodSync,
  chownSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {
  cannotRunAsNobody,
  NOBODY,
  REPO_ROOT,
  spawnAsNobody,
  temporaryFolders,
} from '@connector-alm/testing';
import { validApiProperties, validReadme, validSwagger } from '@connector-alm/validator/testing';

// validate --fix judged a file read-only by its owner's write bit alone: a file of mode 0464 (its
// group may write it) was left alone for a member of the group, though the system lets them write
// it. The bit decides for the owner and for root only; the built CLI runs here as `nobody`.

const CLI = path.join(REPO_ROOT, 'dist/cli/index.cjs');
const folders = temporaryFolders('cli-fix-permissions-');
afterAll(() => folders.cleanup());

const skipReason = cannotRunAsNobody();
if (skipReason) console.warn(`Skipping the validate --fix permission tests as another user: ${skipReason}.`);
const describeAsNobody = skipReason ? describe.skip : describe;

/** The file validate --fix is to fix, and its text with a trailing comma. */
const PROPERTIES = path.join('certified-connectors', 'Contoso', 'apiProperties.json');
const SLIPPED = JSON.stringify(validApiProperties(), null, 2).replace(/\n}$/, ',\n}');

/** A repository of root's with one connector, whose apiProperties.json (of mode `mode`) has a slip. */
function repositoryOfRoot(mode: number): string {
  const root = folders.make();
  const folder = path.join(root, 'certified-connectors', 'Contoso');
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), JSON.stringify(validSwagger(), null, 2));
  writeFileSync(path.join(root, PROPERTIES), SLIPPED);
  writeFileSync(path.join(folder, 'readme.md'), validReadme());
  // Owned by root, of nobody's group, which may write the folders (the fix renames into them).
  chmodSync(root, 0o755);
  for (const made of [path.join(root, 'certified-connectors'), folder, path.join(root, PROPERTIES)]) {
    chownSync(made, 0, NOBODY);
    chmodSync(made, 0o775);
  }
  chmodSync(path.join(root, PROPERTIES), mode);
  return root;
}

/** validate --fix of the built CLI, run as nobody in `root`. */
const fixAsNobody = (root: string) =>
  spawnAsNobody(process.execPath, [CLI, 'validate', '--fix', '.'], { cwd: root });

describeAsNobody('validate --fix run by a user who is not the owner of the file', () => {
  it('fixes a file whose group may write it (mode 0464), the user being of the group', () => {
    const root = repositoryOfRoot(0o464);
    const run = fixAsNobody(root);
    expect(run.stderr).toBe(`fixed 1 JSON slip in ${PROPERTIES}\n`);
    expect(run.status).toBe(0);
    expect(readFileSync(path.join(root, PROPERTIES), 'utf8')).toBe(
      JSON.stringify(validApiProperties(), null, 2),
    );
    expect(statSync(path.join(root, PROPERTIES)).mode & 0o777).toBe(0o464);
  });

  it("keeps the file's owner (root) and group: the fix does not make it the user's", () => {
    // A new file renamed over it would be nobody's, and only root may give a file away: the file
    // is written in place.
    const root = repositoryOfRoot(0o664);
    const run = fixAsNobody(root);
    expect(run.stderr).toBe(`fixed 1 JSON slip in ${PROPERTIES}\n`);
    expect(run.status).toBe(0);
    expect(readFileSync(path.join(root, PROPERTIES), 'utf8')).toBe(
      JSON.stringify(validApiProperties(), null, 2),
    );
    const { uid, gid, mode } = statSync(path.join(root, PROPERTIES));
    expect({ uid, gid, mode: mode & 0o7777 }).toEqual({ uid: 0, gid: NOBODY, mode: 0o664 });
  });

  it('fixes a file its group may write in a folder the user may not write to', () => {
    // Written in place, the file needs no temporary file beside it.
    const root = repositoryOfRoot(0o664);
    chmodSync(path.dirname(path.join(root, PROPERTIES)), 0o755);
    const run = fixAsNobody(root);
    expect(run.stderr).toBe(`fixed 1 JSON slip in ${PROPERTIES}\n`);
    expect(run.status).toBe(0);
    expect(readFileSync(path.join(root, PROPERTIES), 'utf8')).toBe(
      JSON.stringify(validApiProperties(), null, 2),
    );
  });

  it('leaves alone a file the user may not write, as before, saying why', () => {
    // The owner may write it, nobody's group not: the rename into the folder would replace it anyway.
    const root = repositoryOfRoot(0o644);
    const run = fixAsNobody(root);
    expect(run.stderr).toMatch(/^not fixed: .*apiProperties\.json: it is read-only: /);
    expect(run.stdout).toMatch(/trailing comma/i);
    expect(run.status).toBe(1);
    expect(readFileSync(path.join(root, PROPERTIES), 'utf8')).toBe(SLIPPED);
  });
});

// The renames of validate --fix were tested as root, whom a folder's mode does not stop: a refused
// rename's reason, and the edits then made under the name the file keeps, were never seen.
describeAsNobody('validate --fix renaming a connector file in a folder the user may not write to', () => {
  it('leaves the file under its name, says why, and still fixes the slips in it', () => {
    const root = repositoryOfRoot(0o664);
    const folder = path.dirname(path.join(root, PROPERTIES));
    const misnamed = path.join(path.dirname(PROPERTIES), 'apiProperty.json');
    renameSync(path.join(root, PROPERTIES), path.join(root, misnamed));
    chmodSync(folder, 0o755);
    const run = fixAsNobody(root);
    expect(run.stderr.split('\n')).toEqual([
      `fixed 1 JSON slip in ${misnamed}`,
      `not fixed: ${misnamed}: it could not be renamed to apiProperties.json (EACCES); rename it by hand, or make the folder writable and run validate --fix again.`,
      '',
    ]);
    expect(run.status).toBe(1);
    expect(readdirSync(folder).sort()).toEqual([
      'apiDefinition.swagger.json',
      'apiProperty.json',
      'readme.md',
    ]);
    expect(readFileSync(path.join(root, misnamed), 'utf8')).toBe(
      JSON.stringify(validApiProperties(), null, 2),
    );
  });
});
