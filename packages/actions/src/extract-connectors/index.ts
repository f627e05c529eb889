import { runAction } from '../runtime/run-action.js';
import { extractConnectorsAction } from './main.js';

void runAction(extractConnectorsAction, { title: 'Extracted connectors' });
