import type { Handler } from './context.js';

export const getAuthenticatedUser: Handler = async ({ account, views, state }) => ({
  status: 200,
  body: views.privateUser(account, state.now()),
});
