declare const __CONNECTOR_ALM_VERSION__: string | undefined;

/** The version, injected by the build; "dev" when running from source. */
export const VERSION: string =
  typeof __CONNECTOR_ALM_VERSION__ === 'string' ? __CONNECTOR_ALM_VERSION__ : '0.0.0-dev';
