import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { describeProblem } from '@connector-alm/core';
import {
  isInWritableFolder,
  ledOutByLink,
  outsideWritableFoldersError,
  realPathBelow,
} from '../src/runtime/writable-folders.js';

describe('isInWritableFolder', () => {
  const linux = { workspace: '/home/runner/work/repo/repo', runnerTemp: '/home/runner/work/_temp' };

  it('takes the workspace, the runner temp folder and what lies below them', () => {
    for (const real of [
      '/home/runner/work/repo/repo',
      '/home/runner/work/repo/repo/reports/connector-alm.sarif',
      '/home/runner/work/repo/repo/..connector-alm.sarif',
      '/home/runner/work/_temp/solution.zip',
      '/home/runner/work/_temp',
    ])
      expect([real, isInWritableFolder(real, linux, path.posix)]).toEqual([real, true]);
  });

  it('refuses what lies beside or above them', () => {
    for (const real of [
      '/home/runner/work/repo/out.sarif',
      '/home/runner/work/repo/repo-other/x.zip',
      '/home/runner/work/_temp-other/x.zip',
      '/home/runner',
      '/etc/passwd',
      '/',
    ])
      expect([real, isInWritableFolder(real, linux, path.posix)]).toEqual([real, false]);
  });

  it('takes only the workspace when the runner has no temp folder (a local run)', () => {
    const local = { workspace: '/home/me/connectors' };
    expect(isInWritableFolder('/home/me/connectors/out/x.zip', local, path.posix)).toBe(true);
    expect(isInWritableFolder('/tmp/x.zip', local, path.posix)).toBe(false);
  });

  it('compares Windows paths as Windows does: any case, either separator, never another drive', () => {
    const windows = { workspace: 'D:\\a\\connectors\\connectors', runnerTemp: 'D:\\a\\_temp' };
    expect(isInWritableFolder('d:\\A\\Connectors\\connectors\\out.sarif', windows, path.win32)).toBe(true);
    expect(isInWritableFolder('D:/a/_temp/solution.zip', windows, path.win32)).toBe(true);
    expect(isInWritableFolder('D:\\a\\connectors\\out.sarif', windows, path.win32)).toBe(false);
    expect(isInWritableFolder('C:\\a\\_temp\\solution.zip', windows, path.win32)).toBe(false);
    expect(isInWritableFolder('C:\\Windows\\System32\\x.dll', windows, path.win32)).toBe(false);
  });
});

describe('realPathBelow', () => {
  it('appends the part that does not exist yet to the real path of its deepest existing ancestor', () => {
    expect(
      realPathBelow('/work/repo/reports/2026/x.sarif', '/work/repo/reports', '/tmp/elsewhere', path.posix),
    ).toBe('/tmp/elsewhere/2026/x.sarif');
    expect(realPathBelow('/work/repo/x.sarif', '/work/repo/x.sarif', '/work/repo/x.sarif', path.posix)).toBe(
      '/work/repo/x.sarif',
    );
  });

  it('keeps the case of the missing part on Windows', () => {
    expect(realPathBelow('D:\\a\\repo\\Out\\X.zip', 'd:\\A\\repo', 'D:\\a\\repo', path.win32)).toBe(
      'D:\\a\\repo\\Out\\X.zip',
    );
  });
});

describe('ledOutByLink', () => {
  // macOS: every temp folder lies below the system's link /var -> /private/var.
  const named = { workspace: '/var/folders/T/ws' };
  const real = { workspace: '/private/var/folders/T/ws' };

  it('blames no link when the path leaves the workspace as given, whatever links lie above it', () => {
    expect(
      ledOutByLink('/var/folders/T/x.sarif', '/private/var/folders/T/x.sarif', { named, real }, path.posix),
    ).toBe(false);
    expect(ledOutByLink('/etc/x', '/private/etc/x', { named, real }, path.posix)).toBe(false);
  });

  it('blames a link in the workspace that leads out, the workspace named either way', () => {
    expect(ledOutByLink('/var/folders/T/ws/reports/x', '/srv/x', { named, real }, path.posix)).toBe(true);
    expect(ledOutByLink('/private/var/folders/T/ws/reports/x', '/srv/x', { named, real }, path.posix)).toBe(
      true,
    );
  });

  it("blames a link in the runner's temp folder that leads out", () => {
    const folders = {
      named: { ...named, runnerTemp: '/tmp/_temp' },
      real: { ...real, runnerTemp: '/tmp/_temp' },
    };
    expect(ledOutByLink('/tmp/_temp/out/x.zip', '/srv/x.zip', folders, path.posix)).toBe(true);
  });
});

describe('outsideWritableFoldersError', () => {
  const folders = { workspace: '/home/runner/work/repo/repo', runnerTemp: '/home/runner/work/_temp' };

  it('names the input, the value, where it led, and where to write instead', () => {
    const error = outsideWritableFoldersError(
      {
        input: 'sarif-file',
        value: '../out.sarif',
        absolute: '/home/runner/work/repo/out.sarif',
        real: '/home/runner/work/repo/out.sarif',
        throughLink: false,
      },
      folders,
      path.posix,
    );
    expect(describeProblem(error)).toBe(
      "Input 'sarif-file' must name a place inside the workspace or the runner's temp folder; got '../out.sarif', which is '/home/runner/work/repo/out.sarif'. Nothing was written. " +
        "Use a path inside the workspace (/home/runner/work/repo/repo), or under runner.temp (/home/runner/work/_temp), such as '${{ runner.temp }}/out.sarif'. No '..' or symbolic link may lead out of it.",
    );
    expect(error.location).toBeUndefined();
  });

  it('says when a symbolic link led out', () => {
    const error = outsideWritableFoldersError(
      {
        input: 'folder',
        value: 'linked/src',
        absolute: '/home/runner/work/repo/repo/linked/src',
        real: '/srv/shared/src',
        throughLink: true,
      },
      folders,
      path.posix,
    );
    expect(error.message).toBe(
      "Input 'folder' must name a place inside the workspace or the runner's temp folder; got 'linked/src', which a symbolic link leads to '/srv/shared/src'. Nothing was written.",
    );
  });

  it('offers the workspace alone on a local run, which has no runner temp folder', () => {
    const error = outsideWritableFoldersError(
      { input: 'destination', value: '/etc/x', absolute: '/etc/x', real: '/etc/x', throughLink: false },
      { workspace: '/home/me/connectors' },
      path.posix,
    );
    expect(describeProblem(error)).toBe(
      "Input 'destination' must name a place inside the workspace; got '/etc/x', which is '/etc/x'. Nothing was written. " +
        "Use a path inside the workspace (/home/me/connectors), such as 'x'. No '..' or symbolic link may lead out of it.",
    );
  });
});
