import { runAction } from '../runtime/run-action.js';
import { exportSolutionAction } from './main.js';

void runAction(exportSolutionAction, { title: 'Solution export' });
