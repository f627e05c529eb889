import { promises as fs } from 'node:fs';
import path from 'node:path';
import { previouslyWritten, sameAsWritten } from './makers-edits.js';
import { isIndependentPublisherFolder, isPng, REPOSITORY_FILES } from './repository-layout.js';
import type { SolutionConnector } from './solution-connector.js';

/**
 * Why `folder` does not hold `connector` as extraction writes it (`its apiDefinition.swagger.json
 * differs`), or undefined when it does: every
 * file extraction writes from the solution is there with what the connector gives (the API
 * definition token for token, as extraction keeps a folder's own formatting of it; apiProperties.json
 * as JSON, merged with the folder's own keys; icon.png and script.csx byte for byte), and no
 * script.csx is there when the connector has none, as extraction removes it. A folder found for a
 * connector only by its name or its swagger's title may be another connector's (upstream's
 * `Snowflake v2 Archive` is titled "Snowflake" too): only this shows that the connector was
 * extracted there, so that removing the folder loses nobody's work. The icon is not compared where
 * extraction writes none (the independent-publisher layout) or the solution has none.
 */
export async function whyNotAsExtracted(
  folder: string,
  connector: SolutionConnector,
): Promise<string | undefined> {
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  // In any case, as extraction finds the files it writes over.
  const present = (name: string): string | undefined =>
    names.includes(name) ? name : names.find((entry) => entry.toLowerCase() === name.toLowerCase());
  const icon = connector.files.iconblob;
  const writesIcon = icon !== undefined && isPng(icon.bytes) && !isIndependentPublisherFolder(folder);
  const compared = [
    REPOSITORY_FILES.swagger,
    REPOSITORY_FILES.apiProperties,
    ...(writesIcon ? [REPOSITORY_FILES.icon] : []),
    REPOSITORY_FILES.script,
  ];
  for (const name of compared) {
    const file = present(name);
    if (file === undefined) {
      // Extraction removes the script.csx of a connector that has none.
      if (name === REPOSITORY_FILES.script && !connector.files.customcodeblobcontent) continue;
      return `it has no ${name}`;
    }
    const bytes = await fs.readFile(path.join(folder, file)).catch(() => undefined);
    if (bytes === undefined) return `its ${file} cannot be read`;
    const expected = previouslyWritten(name, connector, bytes, path.join(folder, file));
    if (expected === undefined)
      return name === REPOSITORY_FILES.script
        ? `it has a ${file}, and the connector has no script`
        : `its ${file} is not JSON that reads`;
    if (!sameAsWritten(name, bytes, expected)) return `its ${file} differs`;
  }
  return undefined;
}
