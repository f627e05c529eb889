import { runAction } from '../runtime/run-action.js';
import { validateConnectorAction } from './main.js';

void runAction(validateConnectorAction, { title: 'Connector validation', outputs: { result: 'failure' } });
