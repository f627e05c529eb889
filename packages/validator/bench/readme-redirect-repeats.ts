/**
 * What README-OAUTH-REDIRECT costs on a readme that repeats one wrong redirect URL on a single line
 * (hostile input: one line of 5 MB). Each repeat on the line of the reported one is skipped; finding
 * that it is on that line sliced the text from the reported mention to the repeat and searched it,
 * so the 100,000 repeats of 5 MB took 11 s against 2 s for the right URL, 200,000 52 s (session 39
 * review); 50,000, 100,000 and 200,000 repeats 2.2 s, 8.1 s and 36 s (6x, 12x, 28x the baseline).
 * Read once up to each mention, 0.25 s, 0.5 s and 1.1 s (1.0x; session 39, the same machine); with
 * the readme's line index (the one placing findings), 0.36 s, 0.47 s and 1.0 s (1.0x; session 39
 * reread). Timed against a baseline measured in the same run: the same readme with the right URL,
 * which every mention matches before the repeat check.
 */
import type { FolderRuleDefinition, RuleContext } from '../src/model/rule.js';
import { TextDocument } from '../src/loader/text-document.js';
import { oauthRedirectRule } from '../src/rules/readme/oauth-redirect-rule.js';
import { medianRunMs } from './support/timed-runs.js';

const SHARED = 'https://global.consent.azure-apim.net/redirect';
const OWN = `${SHARED}/contoso`;
const apiProperties = {
  properties: {
    connectionParameters: {
      token: {
        type: 'oauthSetting',
        oAuthSettings: { identityProvider: 'oauth2', redirectMode: 'GlobalPerConnector', redirectUrl: OWN },
      },
    },
  },
};

/** The rule run on a readme of one line repeating `url` `count` times; the findings it reports. */
function run(url: string, count: number): number {
  const text = `# Contoso\n${`use ${url} `.repeat(count)}\n`;
  let reported = 0;
  const context = {
    connector: { files: { readme: { document: new TextDocument(text) } } },
    apiProperties,
    report: () => void reported++,
  } as unknown as RuleContext;
  void (oauthRedirectRule as FolderRuleDefinition).check(context);
  return reported;
}

console.log('median of 3 runs; baseline: the same readme with the right URL');
run(SHARED, 1000); // a warm-up
for (const count of [50_000, 100_000, 200_000]) {
  if (run(SHARED, count) !== 1) throw new Error('a repeat on the line reported');
  const baseline = medianRunMs(3, () => run(OWN, count));
  const ours = medianRunMs(3, () => run(SHARED, count));
  console.log(
    `${count} repeats on one line: ${ours.toFixed(0)} ms, baseline ${baseline.toFixed(0)} ms (${(ours / baseline).toFixed(1)}x)`,
  );
}
