import { describe, expect, it } from '@jest/globals';
import { pageOf } from '../src/local-server/paging.js';

const numbers = (count: number) => Array.from({ length: count }, (_, index) => index + 1);
const url = (query: string) => new URL(`http://127.0.0.1:4000/repos/o/r/pulls?state=open${query}`);
const linkTo = (page: number, query: string) => url(`${query}&page=${page}`).href;

describe('a page of the local GitHub, as GitHub pages its lists', () => {
  it('holds 30 items unless asked, and no Link header when one page holds them all', () => {
    expect(pageOf(numbers(30), url('')).items).toEqual(numbers(30));
    expect(pageOf(numbers(30), url('')).headers).toBeUndefined();
    expect(pageOf(numbers(31), url('')).items).toHaveLength(30);
  });

  it('holds at most 100, however many are asked for', () => {
    expect(pageOf(numbers(250), url('&per_page=500')).items).toEqual(numbers(100));
    // Values GitHub would not read as a page size leave the default.
    for (const perPage of ['0', '-5', 'ten', '2.5']) {
      expect(pageOf(numbers(250), url(`&per_page=${perPage}`)).items).toHaveLength(30);
    }
  });

  it('links the first page to the next and the last', () => {
    const page = pageOf(numbers(250), url('&per_page=100'));
    expect(page.items).toEqual(numbers(100));
    expect(page.headers).toEqual({
      link: `<${linkTo(2, '&per_page=100')}>; rel="next", <${linkTo(3, '&per_page=100')}>; rel="last"`,
    });
  });

  it('links a middle page to the previous, next, last and first, in GitHub order', () => {
    const page = pageOf(numbers(250), url('&per_page=100&page=2'));
    expect(page.items).toEqual(numbers(200).slice(100));
    expect(page.headers!.link.split(', ')).toEqual([
      `<${url('&per_page=100&page=1').href}>; rel="prev"`,
      `<${url('&per_page=100&page=3').href}>; rel="next"`,
      `<${url('&per_page=100&page=3').href}>; rel="last"`,
      `<${url('&per_page=100&page=1').href}>; rel="first"`,
    ]);
  });

  it('links the last page back only, and a page past the end is empty', () => {
    const last = pageOf(numbers(250), url('&per_page=100&page=3'));
    expect(last.items).toEqual(numbers(250).slice(200));
    expect(last.headers!.link).toBe(
      `<${url('&per_page=100&page=2').href}>; rel="prev", <${url('&per_page=100&page=1').href}>; rel="first"`,
    );
    expect(pageOf(numbers(250), url('&per_page=100&page=9')).items).toEqual([]);
  });
});
