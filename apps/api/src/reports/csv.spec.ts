import fc from 'fast-check';

import { csvCell, csvRow } from './csv';

/** A minimal RFC 4180 reader, to check that what we write reads back. */
function parseRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else {
      cell += ch;
    }
  }
  cells.push(cell);
  return cells;
}

describe('csv', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-2', "'-2"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['plain', 'plain'],
  ])('should write %j as %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('should write numbers, dates and empty values as data', () => {
    expect(csvRow([-3, 0, null, undefined, new Date('2026-12-01T10:00:00Z'), true])).toBe(
      '-3,0,,,2026-12-01T10:00:00.000Z,true\r\n',
    );
  });

  it('should read back every string, with the formula guard the only change', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 6 }), (values) => {
        const line = csvRow(values);
        expect(line.endsWith('\r\n')).toBe(true);
        const read = parseRow(line.slice(0, -2));
        expect(read).toEqual(values.map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v)));
      }),
    );
  });
});
