import { describe, expect, it } from '@jest/globals';
import { gitBlobSha, type LocalFile } from '../src/index.js';
import { noSwaggerRefusal } from '../src/no-swagger-refusal.js';

const file = (path: string): LocalFile => {
  const content = Buffer.from('{}\n');
  return { path, mode: '100644', sha: gitBlobSha(content), content };
};

const DELETING =
  "and sending the folder would propose deleting the upstream's connector: nothing was pushed, no pull request opened or updated";

describe('noSwaggerRefusal', () => {
  it('says the folder has no apiDefinition.swagger.json when it holds no swagger at all', () => {
    expect(noSwaggerRefusal([file('apiProperties.json')], [])).toEqual({
      refusal: 'no-swagger',
      reason: `it has no apiDefinition.swagger.json, ${DELETING}`,
    });
  });

  it.each(['apiDefinition.swagger.yaml', 'apiDefinition.swagger.yml', 'openapi.YML'])(
    'names the swagger written in YAML, %s',
    (name) => {
      expect(noSwaggerRefusal([file('apiProperties.json'), file(name)], [])).toEqual({
        refusal: 'no-swagger',
        reason: `it has its swagger in YAML (${name}) and no apiDefinition.swagger.json, ${DELETING}`,
        yamlSwagger: name,
      });
    },
  );

  it('names no YAML file below the top of the folder', () => {
    expect(noSwaggerRefusal([file('docs/openapi.yaml')], [])).not.toHaveProperty('yamlSwagger');
  });

  // The YAML file beside it is likely where it came from: converting it would make the ignored file again.
  it('says git ignores the JSON swagger, and names no YAML one beside it', () => {
    const refusal = noSwaggerRefusal(
      [file('apiDefinition.swagger.yaml')],
      [{ path: 'apiDefinition.swagger.json', reason: 'git-ignored' }],
    );
    expect(refusal).toEqual({
      refusal: 'no-swagger',
      reason: `git ignores its apiDefinition.swagger.json (git check-ignore -v names the line of .gitignore that does), ${DELETING}`,
      swaggerIgnored: true,
    });
  });
});
