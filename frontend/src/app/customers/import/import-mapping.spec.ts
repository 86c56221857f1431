import {
  columnLetter,
  mappingOf,
  mappingProblems,
  reportFileName,
  samplesOf,
  targetsOf,
} from './import-mapping';

describe('import mapping', () => {
  it('turns the API mapping into one target per column and back, leaving out ignored columns', () => {
    const targets = targetsOf(4, [
      { column: 2, target: 'phone' },
      { column: 0, target: 'name' },
      { column: 9, target: 'email' },
    ]);
    expect(targets).toEqual(['name', 'ignore', 'phone', 'ignore']);
    expect(mappingOf(targets)).toEqual([
      { column: 0, target: 'name' },
      { column: 2, target: 'phone' },
    ]);
  });

  it('needs a name and lets only phones and e-mails come from several columns', () => {
    expect(mappingProblems(['phone', 'phone'])).toEqual({ nameMissing: true, repeated: [] });
    expect(
      mappingProblems(['name', 'email', 'email', 'tags', 'tags', 'custom:tier', 'custom:tier']),
    ).toEqual({
      nameMissing: false,
      repeated: ['tags', 'custom:tier'],
    });
  });

  it('shows up to three non-empty samples of a column', () => {
    const rows = [['a', ''], ['b', ' x '], ['c'], ['d', 'y'], ['e', 'z'], ['f', 'w']];
    expect(samplesOf(rows, 1)).toEqual(['x', 'y', 'z']);
    expect(samplesOf(rows, 5)).toEqual([]);
  });

  it('names columns like a spreadsheet and reports after the file', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AB',
      'ZZ',
      'AAA',
    ]);
    expect(reportFileName('客户名单.xlsx')).toBe('客户名单-report.csv');
  });
});
