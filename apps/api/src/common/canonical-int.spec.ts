import { BadRequestException } from '@nestjs/common';

import { MAX_ID, ParseIdPipe, parseCanonicalInt } from './canonical-int';

describe('parseCanonicalInt', () => {
  it.each([
    ['0', 0],
    ['7', 7],
    ['-3', -3],
    ['1000000', 1_000_000],
  ])('should read %s as %d', (text, value) => {
    expect(parseCanonicalInt(text)).toBe(value);
  });

  it.each([
    '',
    ' 1',
    '1 ',
    '+1',
    '01',
    '-0',
    '1.0',
    '1e0',
    '0x10',
    '1_000',
    '99999999999999999999',
  ])('should refuse %j', (text) => {
    expect(parseCanonicalInt(text)).toBeUndefined();
  });
});

describe('ParseIdPipe', () => {
  const pipe = new ParseIdPipe();
  const metadata = { type: 'custom', data: 'id' } as const;

  it('should read ids from 1 to MAX_ID', () => {
    expect(pipe.transform('1', metadata)).toBe(1);
    expect(pipe.transform(String(MAX_ID), metadata)).toBe(MAX_ID);
  });

  it.each(['0', String(MAX_ID + 1), '1.0', '+1', '0x1', ' 1', '1e0', '-1', '01', undefined, 1])(
    'should refuse %j with a 400',
    (value) => {
      expect(() => pipe.transform(value, metadata)).toThrow(BadRequestException);
    },
  );
});
