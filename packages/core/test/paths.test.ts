import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { isBelow, isWithin, posixRelativePath, shownPath, toDisplayPath } from '../src/paths.js';

describe('isWithin and isBelow', () => {
  const root = path.resolve('/work/repo');
  it('take the root and what lies below it, and nothing beside or above it', () => {
    expect(isWithin(root, root)).toBe(true);
    expect(isWithin(root, path.join(root, 'a', 'b'))).toBe(true);
    expect(isWithin(root, path.join(root, '..config'))).toBe(true);
    expect(isWithin(root, path.resolve('/work/repo-other/x'))).toBe(false);
    expect(isWithin(root, path.resolve('/work'))).toBe(false);
    expect(isWithin(path.resolve('/'), path.resolve('/etc/x'))).toBe(true);
  });
  it('compare Windows paths as Windows does, with path.win32: any case, either separator, one drive', () => {
    const workspace = 'D:\\a\\connectors\\connectors';
    expect(isWithin(workspace, 'd:/A/Connectors/connectors/out.sarif', path.win32)).toBe(true);
    expect(isWithin(workspace, 'D:\\a\\_temp\\x.zip', path.win32)).toBe(false);
    expect(isWithin(workspace, 'C:\\a\\connectors\\connectors\\x.zip', path.win32)).toBe(false);
  });
  it('isBelow leaves out the root itself', () => {
    expect(isBelow(root, root)).toBe(false);
    expect(isBelow(root, path.join(root, 'a'))).toBe(true);
    expect(isBelow(root, path.resolve('/work/repo-other'))).toBe(false);
  });
});

describe('posixRelativePath', () => {
  // path.win32 shows what a Windows runner does, on any OS.
  const workspace = 'D:\\a\\connectors\\connectors';
  it("names a file of the workspace as GitHub does, with '/', from a Windows path", () => {
    expect(
      posixRelativePath(
        workspace,
        'certified-connectors\\Contoso Tasks\\apiDefinition.swagger.json',
        path.win32,
      ),
    ).toBe('certified-connectors/Contoso Tasks/apiDefinition.swagger.json');
    expect(posixRelativePath(workspace, `${workspace}\\reports\\connector-alm.sarif`, path.win32)).toBe(
      'reports/connector-alm.sarif',
    );
    // Windows takes either separator, and a drive letter in any case.
    expect(posixRelativePath(workspace, 'd:/a/connectors/connectors/x/y.json', path.win32)).toBe('x/y.json');
    expect(posixRelativePath(workspace, workspace, path.win32)).toBe('.');
  });
  it('leads out of the workspace with ../, which Node on Windows follows too', () => {
    expect(posixRelativePath(workspace, 'D:\\a\\_temp\\solution.zip', path.win32)).toBe(
      '../../_temp/solution.zip',
    );
  });
  it('keeps a file on another drive absolute and native: no relative path reaches it', () => {
    expect(posixRelativePath(workspace, 'C:\\Users\\runner\\x.zip', path.win32)).toBe(
      'C:\\Users\\runner\\x.zip',
    );
  });
  it('leaves a backslash in a Linux or macOS file name alone: there it is part of the name', () => {
    expect(posixRelativePath('/work/repo', '/work/repo/odd\\name/x.json', path.posix)).toBe(
      'odd\\name/x.json',
    );
    expect(posixRelativePath('/work/repo', 'a/b', path.posix)).toBe('a/b');
  });
});

describe('toDisplayPath', () => {
  it('names a path from the working directory, whether given absolute or relative', () => {
    const cwd = '/home/runner/work/repo/repo';
    expect(toDisplayPath(cwd, '/home/runner/work/repo/repo/solutions/x/Other/Solution.xml', path.posix)).toBe(
      'solutions/x/Other/Solution.xml',
    );
    expect(toDisplayPath(cwd, 'solutions/x/../x/Other/Solution.xml', path.posix)).toBe(
      'solutions/x/Other/Solution.xml',
    );
    expect(toDisplayPath(cwd, cwd, path.posix)).toBe('.');
  });
  it('steps up with .. to a path beside the working directory, as validate names it', () => {
    expect(toDisplayPath('/work/repo', '/work/other/x.zip', path.posix)).toBe('../other/x.zip');
  });
  it('keeps a path on another drive absolute: it has no relative form', () => {
    expect(toDisplayPath('D:\\a\\repo', 'C:\\temp\\x.zip', path.win32)).toBe('C:\\temp\\x.zip');
    expect(toDisplayPath('D:\\a\\repo', 'D:\\a\\repo\\src\\x.zip', path.win32)).toBe('src\\x.zip');
  });
});

describe('shownPath', () => {
  it('names an absolute path in the working directory from it, and any other path as given', () => {
    expect(shownPath(path.join(process.cwd(), 'connectors', 'Contoso'))).toBe(
      path.join('connectors', 'Contoso'),
    );
    const elsewhere = path.join(path.dirname(process.cwd()), 'elsewhere', 'Contoso');
    expect(shownPath(elsewhere)).toBe(elsewhere);
    expect(shownPath(path.join('..', 'Contoso'))).toBe(path.join('..', 'Contoso'));
  });
});
