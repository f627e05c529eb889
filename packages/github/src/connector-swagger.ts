import path from 'node:path';
import {
  CONNECTOR_FILE_NAMES,
  isYamlSwagger,
  misnamedFileError,
  namesMeantAs,
  withoutByteOrderMark,
} from '@connector-alm/core';
import type { LocalFile } from './connector-files.js';

export const SWAGGER = CONNECTOR_FILE_NAMES.swagger;

/**
 * The folder's swagger; undefined when it has none, which refuses it before anything is sent.
 * Validation reports it, but the pull request would still go out: an empty folder (an uninitialised
 * submodule, a sparse checkout) against an upstream that has the connector proposes deleting every
 * file of it.
 */
export function swaggerOf(connector: string, files: readonly LocalFile[]): LocalFile | undefined {
  const swagger = files.find((file) => file.path.toLowerCase() === SWAGGER.toLowerCase());
  if (swagger) return swagger;
  // The path is right and a file in it is misnamed (apiDefination.swagger.json, openapidefinition.json):
  // a connector with a part missing (exit code 1), named as build-solution names it.
  const topLevel = files.map((file) => file.path).filter((name) => !name.includes('/'));
  const misnamed = namesMeantAs(SWAGGER, topLevel);
  if (misnamed.length > 0) throw misnamedFileError(connector, SWAGGER, misnamed);
  return undefined;
}

/**
 * The swagger written in YAML at the top of the folder (apiDefinition.swagger.yaml, openapi.yml), for
 * a folder without the JSON one: its refusal then names it and says to convert it, as validate does.
 */
export function yamlSwaggerOf(files: readonly LocalFile[]): string | undefined {
  return files.find((file) => !file.path.includes('/') && isYamlSwagger(file.path))?.path;
}

/** The connector's display name: info.title of its swagger (as read for the commit), else the folder name. */
export function connectorTitle(folder: string, swagger: LocalFile): string {
  try {
    const { info } = JSON.parse(withoutByteOrderMark(swagger.content.toString('utf8'))) as {
      info?: { title?: unknown };
    };
    if (typeof info?.title === 'string' && info.title.trim() !== '') return info.title.trim();
  } catch {
    // A swagger that does not parse is reported by validation; the folder name will do as a title.
  }
  return path.basename(folder);
}
