/** A page of a list, and the headers GitHub sends with it. */
export interface Page<T> {
  items: T[];
  headers?: Record<string, string>;
}

/** GitHub's page size when `per_page` is not given, and the most it takes. */
const DEFAULT_PER_PAGE = 30;
const MAX_PER_PAGE = 100;

/**
 * One page of `items` as GitHub's list endpoints answer it: `per_page` items (30 unless asked, 100
 * at most) of page `page` (the first is 1), and a Link header naming the previous, next, last and
 * first pages, which is what Octokit's paginate follows. A fake that answered every item at once
 * would pass a client that reads only the first page, which misses what GitHub puts on the next.
 */
export function pageOf<T>(items: readonly T[], url: URL): Page<T> {
  const perPage = Math.min(positiveWhole(url.searchParams.get('per_page')) ?? DEFAULT_PER_PAGE, MAX_PER_PAGE);
  const page = positiveWhole(url.searchParams.get('page')) ?? 1;
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const links: string[] = [];
  const link = (number: number, rel: string) => {
    const target = new URL(url);
    target.searchParams.set('page', String(number));
    links.push(`<${target.href}>; rel="${rel}"`);
  };
  // GitHub's order: prev, next, last, first; on the first page no prev or first, on the last no next
  // or last, and no header at all when one page holds everything.
  if (page > 1) link(Math.min(page - 1, last), 'prev');
  if (page < last) {
    link(page + 1, 'next');
    link(last, 'last');
  }
  if (page > 1) link(1, 'first');
  const pageItems = items.slice((page - 1) * perPage, page * perPage);
  return links.length > 0 ? { items: pageItems, headers: { link: links.join(', ') } } : { items: pageItems };
}

/** A query value GitHub reads as a whole number from 1; anything else leaves the default. */
function positiveWhole(text: string | null): number | undefined {
  if (text === null || !/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 1 ? value : undefined;
}
