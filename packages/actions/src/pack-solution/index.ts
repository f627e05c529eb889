import { runAction } from '../runtime/run-action.js';
import { packSolutionAction } from './main.js';

void runAction(packSolutionAction, { title: 'Solution pack' });
