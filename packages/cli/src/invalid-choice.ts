import { closestMatch } from '@connector-alm/core';
import { FAIL_ON_MEANT } from '@connector-alm/validator';

/**
 * Commander's error for a value an option (or argument) with choices does not take, with the choice
 * it most likely meant: "argument 'warnings' is invalid. Allowed choices are error, warning, never.
 * Did you mean 'warning'?", as the actions' inputs and the configuration file say it. Every option
 * with choices (`.choices()`, choiceInAnyCase) is refused in these words, so they are read here once
 * rather than each option checking its own. Words no edit distance finds (`none` for `never`) are
 * offered as the actions offer them, where the option takes that choice.
 */
export function withChoiceMeant(text: string): string {
  return text.replace(
    // `option '--fail-on <level>' argument 'x' is invalid.`, `command-argument value 'x' is invalid for argument 'y'.`
    /(?:argument|value) '(.*)' is invalid(?: for argument '[^'\n]*')?\. Allowed choices are ([^\n]+)\.$/gm,
    (whole, value: string, list: string) => {
      const choices = list.split(', ');
      const meant = meantWord(value, choices) ?? closestMatch(value, choices);
      return meant === undefined ? whole : `${whole} Did you mean '${meant}'?`;
    },
  );
}

/** The choice a word no edit distance finds stands for (`off` for `never`), when the option takes it. */
function meantWord(value: string, choices: readonly string[]): string | undefined {
  const word = value.trim().toLowerCase();
  const meant = Object.hasOwn(FAIL_ON_MEANT, word) ? FAIL_ON_MEANT[word] : undefined;
  return meant !== undefined && choices.includes(meant) ? meant : undefined;
}
