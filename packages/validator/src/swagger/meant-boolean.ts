/**
 * Whether a boolean keyword (`required`, `deprecated`) is meant true: `true`, or the string `"true"`
 * in any case, which the platform refuses (SWG-JSONTYPE says so, and `validate --fix` writes true)
 * but which no maker writes for false. Read as written, an internal parameter with a default and
 * `"required": "true"` was also told it was optional (SWG-INTERNAL-DEFAULT), and once --fix wrote
 * `true`, `validate --base` told the parameter it had become required (BRK-OPTIONAL-TO-REQUIRED).
 */
export function isMeantTrue(written: unknown): boolean {
  return written === true || (typeof written === 'string' && written.toLowerCase() === 'true');
}
