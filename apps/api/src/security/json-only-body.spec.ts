import { jsonDepth } from './json-only-body';

describe('jsonDepth', () => {
  it.each<[string, number]>([
    ['1', 0],
    ['{}', 1],
    ['{"a":[1,{"b":2}]}', 3],
    ['"[[[[[["', 0],
    ['{"a":"\\"[[[["}', 1],
    ['[[[]],[[[]]]]', 4],
  ])('should measure %s as depth %d', (text, depth) => {
    expect(jsonDepth(Buffer.from(text))).toBe(depth);
  });
});
