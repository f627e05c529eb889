/**
 * Commander's error for an unknown option, without the value written after its `=`. A misspelt
 * secret option (`--client-secrets=…`, `--tokn=…`) would otherwise print the secret into the
 * terminal's scrollback or a CI log: commander quotes the argument whole, "unknown option
 * '--client-secrets=S3CRET'". The option's name is kept, for its "Did you mean" to make sense.
 */
export function withoutUnknownOptionValue(text: string): string {
  return text.replace(/unknown option '(-{1,2}[^'=\s]+)=[^'\n]*'/g, "unknown option '$1=…'");
}
