/**
 * Valid sign-in inputs of the Dataverse actions with nothing answering on 127.0.0.1:59999: a step
 * that gets as far as a request fails as unreachable, so a test of an input's refusal sees that the
 * input was refused before any sign-in.
 */
export const UNANSWERED_SIGN_IN: Readonly<Record<string, string>> = {
  'environment-url': 'http://127.0.0.1:59999',
  'authority-host': 'http://127.0.0.1:59999',
  'app-id': '3d2c1b0a-1111-4222-8333-944455556666',
  'tenant-id': '7c3b2a10-4d5e-4f60-8a71-92b3c4d5e6f7',
  'client-secret': 'unused-secret',
};
