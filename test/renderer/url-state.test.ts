// Unit tests of what the address holds (issue 15): reading and writing the hash, the token kept out of it,
// and which changes are steps of their own in the history.

import { describe, expect, it } from 'vitest';
import { emptyUrlState, hashWithoutToken, isNewStep, readUrlState, urlStateHash, type UrlState } from '../../renderer/url-state.js';

const state = (changes: Partial<UrlState>): UrlState => ({ ...emptyUrlState, ...changes });

describe('the address hash', () => {
  it.each<[string, UrlState]>([
    ['', emptyUrlState],
    ['#q=war', state({ query: 'war' })],
    ['#q=%22peace+talks%22+speaker%3ABlair&view=quotes&sort=oldest&article=a1%3A2', state({ query: '"peace talks" speaker:Blair', view: 'quotes', sort: 'oldest', article: 'a1:2' })],
    ['#view=articles&sort=newest', state({ sort: 'newest' })],
    ['#q=date%3A2005-03&view=people&person=tony-blair', state({ query: 'date:2005-03', view: 'people', person: 'tony-blair' })],
  ])('reads %s, and writes it back the same', (hash, expected) => {
    expect(readUrlState(hash)).toEqual(expected);
    expect(readUrlState(urlStateHash(expected))).toEqual(expected);
  });

  it.each([
    ['#view=grid&sort=random&article=&person=', emptyUrlState],
    ['#token=abc&q=war', state({ query: 'war' })],
  ])('takes %s as the defaults where it names nothing it knows', (hash, expected) => {
    expect(readUrlState(hash)).toEqual(expected);
  });

  it('leaves the defaults out, and writes nothing for the empty state', () => {
    expect(urlStateHash(emptyUrlState)).toBe('');
    expect(urlStateHash(state({ query: 'war', article: 'x' }))).toBe('#q=war&article=x');
  });

  it.each([
    ['#token=abc', ''],
    ['#token=abc&q=war', '#q=war'],
    ['#q=war&token=abc&view=quotes', '#q=war&view=quotes'],
    ['', ''],
  ])('takes the token out of %s', (hash, expected) => {
    expect(hashWithoutToken(hash)).toBe(expected);
  });
});

describe('isNewStep', () => {
  it.each<[string, Partial<UrlState>, Partial<UrlState>, boolean]>([
    ['typing on', { query: 'ukr' }, { query: 'ukraine' }, false],
    ['deleting letters', { query: 'ukraine' }, { query: 'ukr' }, false],
    ['the first query', { query: '' }, { query: 'u' }, true],
    ['another query', { query: 'ukraine' }, { query: 'conflict' }, true],
    ['opening an article', { query: 'war' }, { query: 'war', article: 'a' }, true],
    ['another view', { query: 'war' }, { query: 'war', view: 'quotes' }, true],
    ['another sort', { query: 'war' }, { query: 'war', sort: 'newest' }, true],
    ['opening a person', { view: 'people' }, { view: 'people', person: 'p1' }, true],
    ['filtering a person to a month', { query: '', person: 'p1' }, { query: 'date:2005-03', person: 'p1' }, true],
    ['nothing', { query: 'war' }, { query: 'war' }, false],
  ])('%s: %s', (_name, previous, next, step) => {
    expect(isNewStep(state(previous), state(next))).toBe(step);
  });
});
