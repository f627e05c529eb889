/** An error answer of the local server, in GitHub's shapes (basic-error, validation-error). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body.message));
  }
}

const DOCS = 'https://docs.github.com/rest';

export function notFound(): ApiFailure {
  return new ApiFailure(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
}

export function badCredentials(): ApiFailure {
  return new ApiFailure(401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' });
}

/** What GitHub says when a fine-grained token (or one without the scope) may not write. */
export function notAccessible(): ApiFailure {
  return new ApiFailure(403, {
    message: 'Resource not accessible by personal access token',
    documentation_url: DOCS,
    status: '403',
  });
}

/** What GitHub answers a write to an archived repository. */
export function archivedReadOnly(): ApiFailure {
  return new ApiFailure(403, {
    message: 'Repository was archived so is read-only.',
    documentation_url: DOCS,
    status: '403',
  });
}

/** What GitHub answers a token not authorized for an organization's SAML single sign-on. */
export function ssoRequired(organization: string): ApiFailure {
  return new ApiFailure(
    403,
    {
      message:
        'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.',
      documentation_url: DOCS,
      status: '403',
    },
    {
      'x-github-sso': `required; url=https://github.com/orgs/${organization}/sso?authorization_request=local`,
    },
  );
}

export function conflict(message: string): ApiFailure {
  return new ApiFailure(409, { message, documentation_url: DOCS, status: '409' });
}

export function validationFailed(
  errors: { resource?: string; field?: string; code: string; message?: string }[],
  message = 'Validation Failed',
): ApiFailure {
  return new ApiFailure(422, { message, errors, documentation_url: DOCS, status: '422' });
}

/** 422 with only a message, as GitHub answers e.g. "Reference already exists". */
export function unprocessable(message: string): ApiFailure {
  return new ApiFailure(422, { message, documentation_url: DOCS, status: '422' });
}
