import { runAction } from '../runtime/run-action.js';
import { importSolutionAction } from './main.js';

void runAction(importSolutionAction, { title: 'Solution import' });
