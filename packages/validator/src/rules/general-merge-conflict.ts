import type { TextFile } from '../loader/connector-folder.js';
import { sameLevels, type RuleDefinition } from '../model/rule.js';
import {
  findMergeMarkers,
  isSeparator,
  leftoverMarkerIssue,
  mergeConflictIssue,
} from '../text/merge-conflicts.js';

// A conflict left in a JSON file is a GEN-JSON-PARSE error; in the readme and the script nothing was
// said, and a pull request with one passed the check. Its own rule, not GEN-JSON-PARSE widened: that
// one's title, fix advice and baseline identities are of JSON syntax, and a readme is no JSON.

const TEXT_KINDS = ['readme', 'script'] as const satisfies readonly TextFile['kind'][];

export const mergeConflictRule: RuleDefinition = {
  id: 'GEN-MERGE-CONFLICT',
  file: 'readme',
  title: 'Resolve the merge conflicts in readme.md and script.csx.',
  description:
    "A merge that git could not make leaves its conflict in the file: `<<<<<<<`, diff3's `|||||||`, `=======` and `>>>>>>>` at the start of their lines, with both sides' text between them. In script.csx the markers are no C#: the script does not compile, and the certification run fails it; in readme.md they go to the connector's documentation page with both copies of the text. Each conflict is one error on its `<<<<<<<` line, naming the line of its `>>>>>>>`, and each marker line left outside a complete conflict (a `<<<<<<<` or `=======` left after keeping a side by hand) is one error too; in readme.md a lone `=======` is not reported, since under a line of text it underlines a heading. Until it is resolved, the other readme and script rules read the file as each conflict's first side has it. A conflict in apiDefinition.swagger.json, apiProperties.json or settings.json is a GEN-JSON-PARSE error. `validate --fix` leaves the markers alone: which side is meant is the maker's choice. None of the 373 merged connectors studied has one.",
  levels: sameLevels('error'),
  example: {
    bad: '## Supported Operations\n<<<<<<< HEAD\n- List tasks: Lists the tasks of a project.\n=======\n- List tasks: Lists the open tasks of a project.\n>>>>>>> feature/open-tasks',
    good: '## Supported Operations\n- List tasks: Lists the open tasks of a project.',
  },
  check(context) {
    for (const kind of TEXT_KINDS) {
      const text = context.connector.files[kind]?.document?.text;
      if (text === undefined) continue;
      const { conflicts, leftovers } = findMergeMarkers(text);
      for (const conflict of conflicts) {
        const { message, offset, length, others } = mergeConflictIssue(conflict);
        context.report({ file: kind, message, offset, length, others });
      }
      for (const marker of leftovers) {
        if (kind === 'readme' && isSeparator(text, marker)) continue;
        const { message, offset, length } = leftoverMarkerIssue(text, marker).issue;
        context.report({ file: kind, message, offset, length });
      }
    }
  },
};
