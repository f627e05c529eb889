import { childPointer } from '../json/pointer.js';
import { asArray, asObject, asString, entriesOf, type JsonObject } from '../swagger/json-values.js';

/** Where something is written: which file of the connector, and the JSON pointer in it. */
export interface AuthPlace {
  file: 'swagger' | 'apiProperties';
  pointer: string;
}

/** A value of the sign-in and where it is written. */
export interface PlacedValue {
  value: string;
  place: AuthPlace;
}

/** A connection parameter that a connection holds a value for: to sign in, or for its requests. */
export interface Credential {
  name: string;
  place: AuthPlace;
}

/**
 * One way to sign in: the connection parameters outside parameter sets, one parameter set, or
 * (when apiProperties.json has no connection parameters) the swagger's securityDefinitions.
 */
export interface AuthOption {
  /** The parameter set's name; undefined for the parameters outside sets and for the swagger. */
  set?: string;
  /** oauth2, apiKey, basic or none; the swagger may combine several ('apiKey + oauth2'). */
  kind: string;
  /** Where the option is written. */
  place: AuthPlace;
  /** Where its kind comes from: the oauthSetting, username or secure parameter, or the definition. */
  kindPlace: AuthPlace;
  /** The OAuth identity provider of apiProperties.json, when it names one. */
  identityProvider?: PlacedValue;
  /** The OAuth flow of the swagger, when the swagger decides. */
  flow?: PlacedValue;
  /** The parameters connections hold to sign in; undefined when the swagger decides. */
  credentials?: Credential[];
  /** The names of all its connection parameters; undefined when the swagger decides. */
  parameterNames?: string[];
  /**
   * The parameters every connection made with it must have filled in (required, shown, no
   * defaultValue), sign-in ones included; [] when the swagger decides.
   */
  requiredValues: Credential[];
  /**
   * The parameters a connection may have been made without a value for, and why: optional ones
   * (users could leave them empty) and hidden ones (users never saw them); [] when the swagger decides.
   */
  mayBeEmpty: EmptyAllowed[];
}

/** A connection parameter that connections may hold no value for. */
export interface EmptyAllowed {
  name: string;
  reason: 'optional' | 'hidden';
}

/**
 * The sign-in a connector offers. Connections made without a parameter set use `outsideSets`, those
 * made with a set use that set: a connector that moves to parameter sets (multi-auth) keeps its
 * connectionParameters for the connections made before, as the corpus connectors do.
 */
export interface EffectiveAuthentication {
  outsideSets?: AuthOption;
  sets: AuthOption[];
}

export const NO_AUTHENTICATION = 'none';

/**
 * What users sign in with, as the platform builds it for a custom connector: the
 * connectionParameters and connectionParameterSets of apiProperties.json first, the swagger's
 * securityDefinitions only when apiProperties.json has neither. Makers often leave one file stale
 * (an empty or deleted securityDefinitions beside a working API key, an old OAuth flow beside an
 * oauthSetting); only the file the platform reads says what existing connections hold.
 */
export function effectiveAuthentication(
  swagger: JsonObject | undefined,
  apiProperties: JsonObject | undefined,
): EffectiveAuthentication {
  const properties = asObject(apiProperties?.properties);
  const parameters = asObject(properties?.connectionParameters);
  const values = asArray(asObject(properties?.connectionParameterSets)?.values) ?? [];
  const sets = values.map((value, index) => {
    const set = asObject(value);
    const place = placeIn('apiProperties', `/properties/connectionParameterSets/values/${index}`);
    const option = parameterOption(asObject(set?.parameters) ?? {}, place, 'parameters');
    return { ...option, set: asString(set?.name) ?? `#${index + 1}` };
  });
  if (parameters && Object.keys(parameters).length > 0) {
    const place = placeIn('apiProperties', '/properties/connectionParameters');
    return { outsideSets: parameterOption(parameters, place, ''), sets };
  }
  return { outsideSets: sets.length > 0 ? undefined : swaggerOption(swagger), sets };
}

/** The option of one collection of connection parameters (`connectionParameters` or a set's). */
function parameterOption(parameters: JsonObject, place: AuthPlace, child: string): AuthOption {
  const entries = entriesOf(parameters).flatMap(([name, value]) => {
    const parameter = asObject(value);
    return parameter ? [{ name, parameter, type: asString(parameter.type)?.toLowerCase() }] : [];
  });
  const pointerOf = (name: string): string =>
    child ? childPointer(place.pointer, child, name) : childPointer(place.pointer, name);
  const at = (name: string): AuthPlace => placeIn('apiProperties', pointerOf(name));
  const oauth = entries.find((entry) => entry.type === 'oauthsetting');
  const username = entries.find((entry) => entry.name.toLowerCase() === 'username');
  const password = entries.find((entry) => entry.name.toLowerCase() === 'password');
  const secure = entries.find((entry) => entry.type === 'securestring');
  const basic = !oauth && username !== undefined && password !== undefined;
  const credentials = entries
    .filter(
      (entry) =>
        entry === oauth ||
        (isFilledByUsers(entry.parameter) &&
          (entry.type === 'securestring' ||
            (basic && (entry === username || entry === password)) ||
            // The parameters of an OAuth setting ('token:customHost') fill its URL and body templates.
            (oauth !== undefined && entry.name.startsWith(`${oauth.name}:`)))),
    )
    .map((entry) => ({ name: entry.name, place: at(entry.name) }));
  const common = {
    place,
    credentials,
    parameterNames: entries.map((entry) => entry.name),
    requiredValues: entries
      .filter((entry) => entry !== oauth && mustBeFilledIn(entry.parameter))
      .map((entry) => ({ name: entry.name, place: at(entry.name) })),
    mayBeEmpty: entries.flatMap(({ name, parameter }) => {
      const reason = emptyAllowed(parameter);
      return reason ? [{ name, reason }] : [];
    }),
  };

  if (oauth) {
    const provider = asString(asObject(oauth.parameter.oAuthSettings)?.identityProvider);
    return {
      ...common,
      kind: 'oauth2',
      kindPlace: at(oauth.name),
      ...(provider
        ? {
            identityProvider: {
              value: provider,
              place: placeIn(
                'apiProperties',
                childPointer(pointerOf(oauth.name), 'oAuthSettings', 'identityProvider'),
              ),
            },
          }
        : {}),
    };
  }
  if (basic) return { ...common, kind: 'basic', kindPlace: at(username.name) };
  if (secure) return { ...common, kind: 'apiKey', kindPlace: at(secure.name) };
  return { ...common, kind: NO_AUTHENTICATION, kindPlace: place };
}

/**
 * A parameter that users fill in when they create a connection. Hidden ones (the Entra ID tenant)
 * and optional ones are not: existing connections work without a value for them. A parameter that
 * does not say whether it is required counts as filled in: this decides which parameters are
 * credentials, and a sign-in parameter silent about it was typed in like any other (every API key
 * of the corpus says "required": "true"); only an explicit "false" says users may have skipped it.
 */
function isFilledByUsers(parameter: JsonObject): boolean {
  const { required, hidden } = constraintsOf(parameter, { requiredByDefault: true });
  return required && !hidden;
}

/**
 * A parameter that every connection must have a value for: one that says it is required, is shown
 * and has no default value. A connection made before it was added holds none, and fails. A
 * parameter that does not say it is required counts as optional here (and in emptyAllowed): these
 * decide breaking-change errors about values existing connections lack, and only a parameter that
 * says "required" proves that every connection had to fill it in.
 */
function mustBeFilledIn(parameter: JsonObject): boolean {
  const { required, hidden } = constraintsOf(parameter, { requiredByDefault: false });
  return required && !hidden && parameter.defaultValue === undefined;
}

/** Why a connection may hold no value for the parameter, if it may: it is optional, or hidden. */
function emptyAllowed(parameter: JsonObject): EmptyAllowed['reason'] | undefined {
  const { required, hidden } = constraintsOf(parameter, { requiredByDefault: false });
  if (!required) return 'optional';
  return hidden ? 'hidden' : undefined;
}

/**
 * A parameter's uiDefinition.constraints `required` and `hidden`. `required` is sometimes left out
 * (or written as something neither true nor false); what that means depends on the question asked,
 * so each caller says it (`requiredByDefault`). A `hidden` not written true is not hidden.
 */
function constraintsOf(
  parameter: JsonObject,
  { requiredByDefault }: { requiredByDefault: boolean },
): { required: boolean; hidden: boolean } {
  const constraints = asObject(asObject(parameter.uiDefinition)?.constraints);
  const required = isTrue(constraints?.required) || (requiredByDefault && !isFalse(constraints?.required));
  return { required, hidden: isTrue(constraints?.hidden) };
}

/** Constraints are written true, "true" and "True" alike in the corpus. */
function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
}

function isFalse(value: unknown): boolean {
  return value === false || (typeof value === 'string' && value.toLowerCase() === 'false');
}

/** The option of the swagger's securityDefinitions: its kinds, OAuth flow and API key placement. */
function swaggerOption(swagger: JsonObject | undefined): AuthOption {
  const place = placeIn('swagger', '/securityDefinitions');
  const definitions = entriesOf(swagger?.securityDefinitions).map(([name, value]) => ({
    name,
    definition: asObject(value) ?? {},
  }));
  const kinds = [
    ...new Set(definitions.map(({ definition }) => asString(definition.type) ?? 'unknown')),
  ].sort();
  const oauth = definitions.filter(({ definition }) => definition.type === 'oauth2');
  const flow = oauth.length === 1 ? asString(oauth[0]!.definition.flow) : undefined;
  const first = definitions[0];
  return {
    kind: kinds.length > 0 ? kinds.join(' + ') : NO_AUTHENTICATION,
    place,
    requiredValues: [],
    mayBeEmpty: [],
    kindPlace: first ? placeIn('swagger', childPointer(place.pointer, first.name)) : place,
    ...(flow
      ? {
          flow: {
            value: flow,
            place: placeIn('swagger', childPointer(place.pointer, oauth[0]!.name, 'flow')),
          },
        }
      : {}),
  };
}

function placeIn(file: AuthPlace['file'], pointer: string): AuthPlace {
  return { file, pointer };
}
