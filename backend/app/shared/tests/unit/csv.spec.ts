import { test } from '@japa/runner'
import { csvCell, csvLine } from '#shared/csv'

test.group('CSV writing', () => {
  test('quotes separators, quotes and line breaks', ({ assert }) => {
    assert.equal(csvLine(['a,b', 'say "hi"', 'two\nlines', null, 3]), '"a,b","say ""hi""","two\nlines",,3\r\n')
  })

  test('neutralises cells that a spreadsheet would run as a formula', ({ assert }) => {
    for (const evil of ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx']) assert.isTrue(csvCell(evil).replace(/^"/, '').startsWith("'"), evil)
    assert.equal(csvCell('plain'), 'plain')
    assert.equal(csvCell('李雷'), '李雷')
  })

  test('objects are written as JSON', ({ assert }) => {
    assert.equal(csvCell({ a: 1 }), '"{""a"":1}"')
  })
})
