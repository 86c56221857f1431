import { NdjsonReader } from './ndjson';

describe('NdjsonReader', () => {
  it('emits each line once it is complete, keeping partial lines across chunks', () => {
    const reader = new NdjsonReader<{ n: number }>();
    expect(reader.push('{"n":1}\n{"n"')).toEqual([{ n: 1 }]);
    expect(reader.push(':2')).toEqual([]);
    expect(reader.push('}\n\n{"n":3}\n')).toEqual([{ n: 2 }, { n: 3 }]);
    expect(reader.finish()).toEqual([]);
  });

  it('reads a last line without a newline when the stream ends', () => {
    const reader = new NdjsonReader<{ type: string }>();
    expect(reader.push('{"type":"meta"}\n{"type":"end"}')).toEqual([{ type: 'meta' }]);
    expect(reader.finish()).toEqual([{ type: 'end' }]);
  });

  it('splits multi-byte text anywhere without losing characters', () => {
    const reader = new NdjsonReader<{ name: string }>();
    const line = '{"name":"客服一组"}\n';
    const out = [...line].flatMap((char) => reader.push(char));
    expect(out).toEqual([{ name: '客服一组' }]);
  });
});
