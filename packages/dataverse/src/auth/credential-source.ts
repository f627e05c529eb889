/**
 * Where the user gives a credential, so that a message can name it as the user knows it: an
 * environment variable, a command-line option or an action input. Each is spoken of with the verbs
 * that fit it: a variable is set or unset, an option given or left out, an input set or left out.
 *
 * An option names a file that holds the credential, never the credential itself, since the command
 * line of a process is visible to other users (ps). `file` is that path as the user gave it, so that
 * a problem with the file's content is located at the file.
 */
export type CredentialSource = { variable: string } | { input: string } | { option: string; file?: string };

/** The sources of the credentials a caller reads, named for its messages (see resolveCredential). */
export interface CredentialSources {
  secret: CredentialSource;
  /** PEM text holding the certificate and its private key. */
  certificate: CredentialSource;
  /** The password of the private key, when the PEM holds it encrypted. */
  certificatePassword: CredentialSource;
}

/**
 * The sources a certificate credential carries to sign-in, where its PEM is first parsed: a damaged
 * key or a wrong password is found only there, and named as the user gave them.
 */
export type CertificateSources = Pick<CredentialSources, 'certificate' | 'certificatePassword'>;

/** "CONNECTOR_ALM_CLIENT_SECRET", "--client-certificate", "input 'client-secret'". */
export function sourceName(source: CredentialSource): string {
  if ('variable' in source) return source.variable;
  if ('input' in source) return `input '${source.input}'`;
  return source.option;
}

/** The name to begin a sentence with: "Input 'client-secret'", as the actions' other messages begin. */
export function sourceNameFirst(source: CredentialSource): string {
  return 'input' in source ? `Input '${source.input}'` : sourceName(source);
}

/** "set" or "given", as the source is spoken of. */
function given(source: CredentialSource): string {
  return 'option' in source ? 'given' : 'set';
}

/** "is not set", "is not given": a source the user left empty. */
export function notGiven(source: CredentialSource): string {
  return `is not ${given(source)}`;
}

/** "X is set and Y is given", or "X and Y are both set" when one verb fits both; begins a sentence. */
export function bothGiven(first: CredentialSource, second: CredentialSource): string {
  if (given(first) === given(second))
    return `${sourceNameFirst(first)} and ${sourceName(second)} are both ${given(first)}`;
  return `${sourceNameFirst(first)} is ${given(first)} and ${sourceName(second)} is ${given(second)}`;
}

/** "unset X", "leave out --x", "leave out input 'x'". */
export function withdrawing(source: CredentialSource): string {
  return 'variable' in source ? `unset ${source.variable}` : `leave out ${sourceName(source)}`;
}

/** "set X to <what>", "give --x a file holding <what>", "set input 'x' to <what>". */
export function supplying(source: CredentialSource, what: string): string {
  return 'option' in source
    ? `give ${source.option} a file holding ${what}`
    : `set ${sourceName(source)} to ${what}`;
}

/** How to make PEM text from the .pfx people most often hold, and give it to the source. */
export function convertingPfx(source: CredentialSource): string {
  return `Convert a .pfx with: openssl pkcs12 -in cert.pfx -out cert.pem -nodes, then ${supplyingFile(source, 'cert.pem')}.`;
}

/** The text with its first letter capitalized, for a phrase above that begins a sentence. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "give --x cert.pem", "set X to the content of cert.pem": how to use a file made for the source. */
export function supplyingFile(source: CredentialSource, file: string): string {
  return 'option' in source
    ? `give ${source.option} ${file}`
    : `set ${sourceName(source)} to the content of ${file}`;
}
