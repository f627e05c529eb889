import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { reportedPath } from '../src/runtime/reported-path.js';

describe('reportedPath, how an action names what it wrote', () => {
  it('names a file in the workspace from it, with /', () => {
    expect(reportedPath('/home/runner/work/r/r', '/home/runner/work/r/r/out/x.zip', path.posix)).toBe(
      'out/x.zip',
    );
    expect(reportedPath('/home/runner/work/r/r', 'out/x.zip', path.posix)).toBe('out/x.zip');
    expect(reportedPath('/home/runner/work/r/r', '/home/runner/work/r/r', path.posix)).toBe('.');
    expect(reportedPath('D:\\a\\r\\r', 'D:\\a\\r\\r\\out\\x.zip', path.win32)).toBe('out/x.zip');
  });

  // A hosted runner's runner.temp is /home/runner/work/_temp beside the workspace: it was named
  // ../../_temp/connector-promote/solution.zip in the log, the job summary and the outputs.
  it("names a file under runner.temp by its absolute path, as '${{ runner.temp }}/…' gives it", () => {
    const zip = '/home/runner/work/_temp/connector-promote/solution.zip';
    expect(reportedPath('/home/runner/work/r/r', zip, path.posix)).toBe(zip);
    expect(
      reportedPath('/home/runner/work/r/r', '../../_temp/connector-promote/solution.zip', path.posix),
    ).toBe(zip);
    expect(reportedPath('D:\\a\\r\\r', 'D:\\a\\_temp\\solution.zip', path.win32)).toBe(
      'D:\\a\\_temp\\solution.zip',
    );
  });
});
