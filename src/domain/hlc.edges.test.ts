import { describe, expect, it } from 'vitest';
import { hlcReceive, hlcSend, hlcToString, parseHlc } from './hlc';

describe('hybrid logical clock at its edges', () => {
  const tablet = { millis: 1000, counter: 4, node: 'counter' };

  it('writes a clock as 11 base-36 digits, 4 counter digits and the tablet', () => {
    expect(hlcToString({ millis: 35, counter: 36, node: 'tab1' })).toBe('0000000000z-0010-tab1');
  });

  it('reads nothing from a clock with a missing or extra digit', () => {
    expect(parseHlc('000000000z-0010-tab1')).toBeNull();
    expect(parseHlc('x0000000000z-0010-tab1')).toBeNull();
    expect(parseHlc('0000000000z-0010-')).toBeNull();
    expect(parseHlc('0000000000z-0010-tab1')).toEqual({ millis: 35, counter: 36, node: 'tab1' });
  });

  it('a stamp in the same millisecond as the last one counts up', () => {
    expect(hlcSend(tablet, 1000)).toEqual({ millis: 1000, counter: 5, node: 'counter' });
    expect(hlcSend(tablet, 1001)).toEqual({ millis: 1001, counter: 0, node: 'counter' });
  });

  it('a pulled edit from the same millisecond steps past both counters', () => {
    const other = { millis: 1000, counter: 9, node: 'kitchen' };
    expect(hlcReceive(tablet, other, 900)).toEqual({ millis: 1000, counter: 10, node: 'counter' });
    expect(hlcReceive(other, tablet, 900)).toEqual({ millis: 1000, counter: 10, node: 'kitchen' });
  });

  it('a pulled edit older than this tablet steps past this tablet only', () => {
    const older = { millis: 500, counter: 9, node: 'kitchen' };
    expect(hlcReceive(tablet, older, 900)).toEqual({ millis: 1000, counter: 5, node: 'counter' });
  });

  it('a pulled edit from ahead is followed one step past it', () => {
    const ahead = { millis: 2000, counter: 7, node: 'kitchen' };
    expect(hlcReceive(tablet, ahead, 900)).toEqual({ millis: 2000, counter: 8, node: 'counter' });
  });

  it('when the wall clock is ahead of both, the counter starts again', () => {
    const other = { millis: 1000, counter: 9, node: 'kitchen' };
    expect(hlcReceive(tablet, other, 3000)).toEqual({ millis: 3000, counter: 0, node: 'counter' });
  });

  it('a pulled edit from ahead with a smaller counter is followed from its own counter', () => {
    const ahead = { millis: 2000, counter: 1, node: 'kitchen' };
    expect(hlcReceive(tablet, ahead, 900)).toEqual({ millis: 2000, counter: 2, node: 'counter' });
  });

  it('reads nothing from a clock with a second line after it', () => {
    expect(parseHlc('0000000000z-0010-tab1')).toEqual({ millis: 35, counter: 36, node: 'tab1' });
    expect(parseHlc('0000000000z-0010-tab1\nextra')).toBeNull();
  });
});
