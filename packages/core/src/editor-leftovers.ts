/**
 * Files that editors, git and file managers leave beside the file a person worked on, named after
 * it. Each entry says which tool leaves it and why the name cannot be a solution part: an export
 * names its parts after the component and a fixed ending (`<connector>_openapidefinition.json`,
 * `<Flow>-<GUID>.json`, `.xml`, `.msapp`, …), and web resources in an export are named
 * `<name without '.' and '/'><GUID>` (`new_scriptFormjs1111…`), so none ends like one of these.
 * The tests unpack every real export in ../shared/fixtures and pack its folder with nothing left out.
 * Here because pack leaves them out of a solution, and the validator's REPO-FILENAMES tells a
 * leftover named after a connector file (`apiDefinition.swagger.json.bak`, `~$Readme.md`) to be
 * removed, not renamed over the file it was left beside.
 */
interface Leftover {
  test: (name: string) => boolean;
  /** What the file is, for the warning: "<what>, not a part of the solution". */
  what: string;
}

const endsWith =
  (...endings: string[]) =>
  (name: string): boolean =>
    endings.some((ending) => name.toLowerCase().endsWith(ending));

const LEFTOVERS: readonly Leftover[] = [
  // Emacs, Vim (backupext), gedit, Kate and nano keep the previous version as `name~`; Emacs's
  // numbered backups are `name.~1~`, Vim's undo files `.name.un~`.
  { test: (name) => name.endsWith('~'), what: "a backup an editor left (a name ending in '~')" },
  // Emacs auto-saves a buffer to `#name#` until it is saved; `.#name` is its lock file.
  {
    test: (name) => (name.length > 2 && name.startsWith('#') && name.endsWith('#')) || name.startsWith('.#'),
    what: "an Emacs auto-save or lock file ('#name#', '.#name')",
  },
  // Vim's swap files while a file is open or after a crash: `.name.swp`, then .swo, .swn, … (and
  // `_name.swp` where dot files are not allowed); the pattern of github/gitignore's Vim.gitignore.
  { test: (name) => /^[._].+\.sw[a-p]$/i.test(name), what: 'a Vim swap file (.swp, .swo, …)' },
  // git mergetool keeps the conflicted file as `name.orig` (mergetool.keepBackup, on by default);
  // `git apply --reject` and patch write the hunks they could not apply to `name.rej`.
  { test: endsWith('.orig'), what: 'a copy git mergetool keeps of a conflicted file (.orig)' },
  { test: endsWith('.rej'), what: 'the rejected hunks of git apply --reject or patch (.rej)' },
  // git mergetool's versions of a conflicted `name.ext`, left behind when the merge tool is quit.
  {
    test: (name) => /_(BACKUP|BASE|LOCAL|REMOTE)_\d+(\.[^.]*)?$/.test(name),
    what: 'a file git mergetool left (name_BASE_1234.ext, _LOCAL_, _REMOTE_, _BACKUP_)',
  },
  // Backups and temporary files of Windows tools, Notepad++, `sed -i.bak`, Office (`~$name`),
  // and the safe writes of JetBrains IDEs (`name___jb_tmp___`, `name___jb_old___`).
  { test: endsWith('.bak'), what: 'a backup copy (.bak)' },
  {
    test: (name) => endsWith('.tmp', '___jb_tmp___', '___jb_old___')(name) || name.startsWith('~$'),
    what: "a temporary file (.tmp, '~$name', an IDE's safe write)",
  },
  // macOS writes a file's Finder data to `._name` beside it on volumes that cannot hold it (network
  // shares, FAT drives, zips made by tools that keep it).
  { test: (name) => name.startsWith('._'), what: "macOS's Finder data of a file ('._name')" },
];

/**
 * What `name` (a file name, no folder) is when an editor, git or a file manager left it, or
 * undefined for any other name.
 */
export function editorLeftover(name: string): string | undefined {
  return LEFTOVERS.find((leftover) => leftover.test(name))?.what;
}
