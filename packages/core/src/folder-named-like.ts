/** "(Preview)", "[DEPRECATED]" at the end of a title: the connector's status, which changes while its folder stays. */
const STATUS_LABEL = /[([](?:preview|deprecated)[)\]]$/iu;

/**
 * A title or folder name without such a label; the space before it is left, as names are compared
 * without spaces. Left out of both: a folder "Contoso (Preview)" is named exactly like the title
 * "Contoso (Preview)", and like "Contoso" once the connector leaves preview.
 */
function withoutStatusLabel(title: string): string {
  return title.trimEnd().replace(STATUS_LABEL, '');
}

/**
 * Whether a connector folder's name reads as a connector's title (or display name): the same letters
 * and digits, case aside, a status label at the end of either left out. Folder names drop the spaces
 * and dots of a title ("HoneywellForge" for "Honeywell Forge", "LnkBio" for "Lnk.Bio"); 32 corpus
 * folders did, and renaming a merged folder for a space helps no maker. The validator's
 * REPO-FOLDER-NAME compares names so.
 */
export function folderNamedLike(title: string, folderName: string): boolean {
  return sameLettersAndDigits(withoutStatusLabel(title), withoutStatusLabel(folderName));
}

/**
 * Whether two names have the same letters and digits, case aside ("LnkBio" and "Lnk.Bio"), status
 * labels included: extraction's search for a connector's own folder compares names so, since
 * "Contoso (Preview)" and "Contoso" may be two connectors, and extraction overwrites what it finds.
 * Not normalizeTitle, which keeps ASCII letters only: a title of other letters ("Сбербанк") would
 * read as empty, and as any other such name.
 */
export function sameLettersAndDigits(name: string, other: string): boolean {
  const otherLetters = lettersAndDigits(other);
  // A name of punctuation only ("---") is compared as written: it has no letters to compare.
  if (otherLetters === '') return name.trim().toLowerCase() === other.trim().toLowerCase();
  return lettersAndDigits(name) === otherLetters;
}

/** A name as names are compared: lower case, letters and digits only ('Zoho Calendar' is 'zohocalendar'). */
export function lettersAndDigits(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}
