import { runAction } from '../runtime/run-action.js';
import { openPullRequestAction } from './main.js';

void runAction(openPullRequestAction, { title: 'Connector pull requests' });
