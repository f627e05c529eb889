import { describe, expect, it } from '@jest/globals';
import { withoutEchoedToken } from '../src/echoed-token.js';

/** An error as Octokit throws it for an answer that quotes the request (see createGitHubClient). */
function failure(token: string, data: unknown) {
  const message = `Rejected: GET /user Authorization: token ${token}`;
  return { message, stack: `HttpError: ${message}\n    at x`, response: { data } };
}

describe('withoutEchoedToken, a GitHub error read without the token its request carried', () => {
  it('takes the token out of the message, the stack and the JSON data, which stays JSON', () => {
    const token = 'ghp_Sentinel+Token/0123';
    const error = withoutEchoedToken(
      failure(token, { message: `got ${token}`, errors: [{ code: token }] }),
      token,
    );
    expect(error).toEqual({
      message: 'Rejected: GET /user Authorization: token ***',
      stack: 'HttpError: Rejected: GET /user Authorization: token ***\n    at x',
      response: { data: { message: 'got ***', errors: [{ code: '***' }] } },
    });
  });

  it('reads the data as the redacted text when the token took part of the JSON syntax with it', () => {
    // A token given by hand can hold anything: this one ends as a key of GitHub's error shape does,
    // quote included, so redacting it leaves the JSON text broken.
    const token = 'tion_url"';
    const error = withoutEchoedToken(
      failure(token, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' }),
      token,
    );
    expect(error.response.data).toBe(
      '{"message":"Bad credentials","documenta***:"https://docs.github.com/rest"}',
    );
    expect(error.message).toBe('Rejected: GET /user Authorization: token ***');
  });

  it('takes the token out of an answer whose JSON is an array, as a list endpoint answers', () => {
    // A proxy that echoes the request to a list endpoint (pulls/list) can answer with an array: it is
    // no plain object, and must not pass through as it is.
    const token = 'ghp_Sentinel+Token/0123';
    const error = withoutEchoedToken(failure(token, [{ message: `got ${token}` }]), token);
    expect(error.response.data).toEqual([{ message: 'got ***' }]);
  });
});
