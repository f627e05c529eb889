import { runAction } from '../runtime/run-action.js';
import { unpackSolutionAction } from './main.js';

void runAction(unpackSolutionAction, { title: 'Solution unpack' });
