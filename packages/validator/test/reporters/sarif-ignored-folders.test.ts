import { describe, expect, it } from '@jest/globals';
import { sarifReport, toSarif } from '../../src/reporters/index.js';
import { SAMPLE_RULES, sampleResult } from './sample-result.js';
import { expectValidSarif } from './sarif-schema.js';

// The folders asked for that the configuration's `ignore` skips were said on stderr, in the JSON and
// in the action's notices: a code scanning user, who sees the SARIF log alone, saw nothing.

const LEGACY = {
  path: 'connectors/Legacy Tasks',
  pattern: 'connectors/Legacy*',
  file: '.github/connector-alm.yml',
  line: 4,
};

describe('SARIF reporter and the folders ignore skips', () => {
  it("notes each in the run's invocation, on the folder and the pattern's line, and stays valid", async () => {
    const { root, result } = await sampleResult();
    const log = toSarif(
      { ...result, ignored: [LEGACY, { ...LEGACY, path: 'connectors/Old', line: undefined }] },
      {
        rules: SAMPLE_RULES,
        cwd: root,
        baseDir: root,
      },
    );
    expectValidSarif(log);
    const [invocation, ...others] = log.runs[0]!.invocations!;
    expect(others).toEqual([]);
    expect(invocation!.executionSuccessful).toBe(true);
    expect(invocation!.toolExecutionNotifications).toEqual([
      {
        descriptor: { id: 'connector-alm/folder-ignored' },
        level: 'note',
        message: {
          text: "connectors/Legacy Tasks is not validated: the ignore pattern 'connectors/Legacy*' (.github/connector-alm.yml:4) skips it.",
        },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'connectors/Legacy%20Tasks', uriBaseId: '%SRCROOT%' },
            },
          },
          {
            physicalLocation: {
              artifactLocation: { uri: '.github/connector-alm.yml', uriBaseId: '%SRCROOT%' },
              region: { startLine: 4 },
            },
          },
        ],
      },
      {
        descriptor: { id: 'connector-alm/folder-ignored' },
        level: 'note',
        message: {
          text: "connectors/Old is not validated: the ignore pattern 'connectors/Legacy*' (.github/connector-alm.yml) skips it.",
        },
        locations: [
          { physicalLocation: { artifactLocation: { uri: 'connectors/Old', uriBaseId: '%SRCROOT%' } } },
          {
            physicalLocation: {
              artifactLocation: { uri: '.github/connector-alm.yml', uriBaseId: '%SRCROOT%' },
            },
          },
        ],
      },
    ]);
  });

  it('notes them beside the results a report cut to the limits left out, in one invocation', async () => {
    const { root, result } = await sampleResult();
    const cut = sarifReport(
      { ...result, ignored: [LEGACY] },
      {
        rules: SAMPLE_RULES,
        cwd: root,
        baseDir: root,
        limits: { results: 1 },
      },
    );
    expectValidSarif(cut.log);
    const notifications = cut.log.runs[0]!.invocations![0]!.toolExecutionNotifications!;
    expect(notifications.map((notification) => notification.descriptor!.id)).toEqual([
      'connector-alm/results-left-out',
      'connector-alm/folder-ignored',
    ]);
  });

  it('has no invocation when no folder was ignored', async () => {
    const { root, result } = await sampleResult();
    expect(toSarif(result, { rules: SAMPLE_RULES, cwd: root, baseDir: root }).runs[0]).not.toHaveProperty(
      'invocations',
    );
  });
});
