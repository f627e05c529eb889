import * as core from '@actions/core';
import { inputWords, type Logger } from '@connector-alm/core';
import {
  ConnectionSettingError,
  connectDataverse,
  type ConnectionSettings,
  type DataverseClient,
} from '@connector-alm/dataverse';

/**
 * The client of the Dataverse actions: secrets masked, advice in the words of inputs, and a
 * connection setting the library refuses said of the input that gave it ("Input 'environment-url':
 * 'contoso.crm.dynamics.com' is not a URL."), where the CLI's words named none.
 */
export function connectFromInputs(connection: ConnectionSettings, logger: Logger): DataverseClient {
  try {
    return connectDataverse(connection, {
      logger,
      onSecret: (value) => core.setSecret(value),
      say: inputWords,
    });
  } catch (error) {
    if (error instanceof ConnectionSettingError) throw error.namedAsInput(error.setting.input);
    throw error;
  }
}
