import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { toDisplayPath, UserError } from '@connector-alm/core';
import type { ValidatorConfig } from '../config/config-types.js';
import { parseConfig } from '../config/load-config.js';
import { looseningFindings, type ConfigurationSide } from '../config/loosening-findings.js';
import type { Finding } from '../model/finding.js';
import type { RuleDefinition } from '../model/rule.js';
import { linkOutOfRepository } from './config-location.js';
import type { Git } from './git.js';
import { readConfigAtBase } from './read-config-at-base.js';

export interface ConfigurationCheckInput {
  git: Git;
  mergeBase: string;
  /** The work tree's top level, real path. */
  topLevel: string;
  /** The working directory as given, which display paths are relative to. */
  cwd: string;
  /**
   * Where the search for the change's file started (configSearchStart: the working directory, or the
   * top level when it is outside the repository), repository-relative and `/`-separated (`.` at the
   * top level): the base's file is searched for from there too.
   */
  searchStartInRepository: string;
  /** The configuration in use (the change's). */
  config: ValidatorConfig;
  /**
   * Its file, repository-relative and `/`-separated, where it is named (configurationInRepository);
   * undefined when there is none, or when it was named outside the repository.
   */
  configInRepository: string | undefined;
  rules: readonly RuleDefinition[];
  /** Every connector folder the change touches, repository-relative. */
  changedFolders: readonly string[];
}

export interface ConfigurationCheck {
  findings: Finding[];
  /**
   * Said in the log when the comparison could not be made (the base's file does not parse, or is a
   * link out of the repository).
   */
  note?: string;
  /**
   * Whether the change left the configuration file as the base has it: then what it says of folders
   * that the change did not delete or rename was said at the base too.
   */
  unchanged?: boolean;
}

/**
 * Compares the configuration in use with the one at the merge base, and reports what the change
 * loosened (REPO-CONFIG-LOOSENED). The base's file is the one at the same path there, else the one
 * the search from the working directory finds there (the change added, renamed or deleted it).
 */
export async function checkConfigurationAgainstBase(
  input: ConfigurationCheckInput,
): Promise<ConfigurationCheck> {
  const { git, mergeBase, topLevel, cwd } = input;
  // A file named outside the repository (an explicit --config path) is not the change's to edit; one
  // the search found is always in it, where it is named, though it be a link leading out.
  if (input.config.path && input.configInRepository === undefined) return { findings: [] };
  const fromRepository = (file: string) => toDisplayPath(cwd, path.join(topLevel, file));
  const atBase = await readConfigAtBase(
    git,
    mergeBase,
    input.configInRepository,
    input.searchStartInRepository,
  );
  if (!atBase && !input.config.path) return { findings: [] };
  if (atBase && 'linksOutTo' in atBase) {
    // The base's own choice (a file of the runner's), which its tree does not hold: nothing to compare.
    return {
      findings: [],
      note: `The configuration file at the base (${mergeBase.slice(0, 12)}:${atBase.path}) is a symbolic link out of the repository (to ${atBase.linksOutTo}), so this change's configuration was not compared with it.`,
    };
  }

  let base: ConfigurationSide | undefined;
  if (atBase) {
    const file = fromRepository(atBase.path);
    try {
      // An empty .json file was taken for an empty configuration before it was a mistake: at the base
      // it still says what {} says, so that a change that fills it in is compared, not waved through.
      const text = atBase.text.trim() === '' ? '{}' : atBase.text;
      const config = parseConfig(text, path.join(topLevel, atBase.path), {
        cwd,
        ruleIds: input.rules.map((rule) => rule.id),
      });
      base = { config, text: atBase.text, file, repositoryPath: atBase.path };
    } catch (error) {
      // Not this change's mistake to stop at (the base may name a rule this version no longer has).
      const line = error instanceof UserError ? error.location?.line : undefined;
      const problem = `${line === undefined ? '' : `line ${line}: `}${(error as Error).message}`;
      return {
        findings: [],
        note: `The configuration file at the base (${mergeBase.slice(0, 12)}:${atBase.path}) is not a valid configuration (${problem}), so this change's configuration was not compared with it.`,
      };
    }
  }
  let head: ConfigurationSide | undefined;
  if (input.config.path) {
    // loadConfig read it a moment ago; a configuration made in code may name no file to locate in.
    const text = await readFile(input.config.path, 'utf8').catch(() => undefined);
    if (text === undefined) return { findings: [] };
    const linksOutTo = await linkOutOfRepository(input.config.path, topLevel);
    head = {
      config: input.config,
      text,
      file: toDisplayPath(cwd, input.config.path),
      ...(input.configInRepository !== undefined && { repositoryPath: input.configInRepository }),
      ...(linksOutTo !== undefined && { linksOutTo }),
    };
  }
  const headFolder = path.posix.dirname(input.configInRepository ?? atBase!.path);
  const findings = looseningFindings({ base, head, folder: fromRepository(headFolder) }, input.rules, {
    changedFolders: input.changedFolders.map((folder) => path.posix.relative(headFolder, folder)),
  });
  return { findings, unchanged: base !== undefined && head !== undefined && base.text === head.text };
}
