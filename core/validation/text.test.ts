import { describe, expect, it } from 'vitest';
import { optionalTrimmed, trimmed } from '../contract/common';
import { findTextProblem, normaliseText, textProblem } from './text';

describe('the free-text rule', () => {
  it('names each class of text it refuses, and lets ordinary Chinese, emoji and joiners through', () => {
    expect(textProblem('王芳 · 3号楼2单元')).toBeNull();
    expect(textProblem('👨‍👩‍👧')).toBeNull(); // zero-width joiners inside an emoji sequence
    expect(textProblem('שלום\u200f 王')).toBeNull(); // a direction mark inside visible text
    expect(textProblem('')).toBeNull();
    expect(textProblem('a\u0000b')).toBe('control');
    expect(textProblem('a\tb')).toBe('control');
    expect(textProblem('a\u007fb')).toBe('control');
    expect(textProblem('a\u009bb')).toBe('control'); // C1 CSI
    expect(textProblem('a\u2028b')).toBe('control');
    expect(textProblem('a\nb')).toBe('control');
    expect(textProblem('a\nb', { multiline: true })).toBeNull();
    expect(textProblem('a\rb', { multiline: true })).toBe('control');
    expect(textProblem('a\ud800b')).toBe('surrogate');
    expect(textProblem('\udc00')).toBe('surrogate');
    for (const c of [
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ])
      expect(textProblem(`张${c}三`)).toBe('bidi');
    for (const s of ['\u200b', '\u200b\u200c\u200d', '\ufeff', '\u00a0\u3000', '\u2060', '\u3164', '\u200e'])
      expect(textProblem(s), JSON.stringify(s)).toBe('invisible');
    expect(textProblem('\n\n', { multiline: true })).toBe('invisible');
  });

  it('keeps text in NFC, and a multi-line field’s line breaks as \\n', () => {
    expect(normaliseText('e\u0301')).toBe('\u00e9');
    expect(normaliseText('一\r\n二\r三', { multiline: true })).toBe('一\n二\n三');
  });

  it('finds the first bad string of a value with its path; `notes` may hold lines', () => {
    expect(findTextProblem({ a: ['ok', { b: 'x\u0000' }] })).toEqual({
      path: ['a', 1, 'b'],
      problem: 'control',
    });
    expect(findTextProblem({ customer: { notes: '一\n二' }, changes: { notes: '三\n四' } })).toBeNull();
    expect(findTextProblem({ name: '一\n二' })).toEqual({ path: ['name'], problem: 'control' });
    expect(findTextProblem({ '\u202e': 1 })).toEqual({ path: ['\u202e'], problem: 'bidi' });
    expect(findTextProblem([1, null, true])).toBeNull();
  });

  it('is the contract’s text: normalised, trimmed, each refusal with its code and the field’s name', () => {
    const name = trimmed(50, '用户名称');
    expect(name.parse('  e\u0301 ')).toBe('\u00e9');
    const issue = (s: string) => {
      const r = name.safeParse(s);
      const i = r.error!.issues[0] as { message: string; params?: { code: string } };
      return [i.params?.code, i.message];
    };
    expect(issue('张\u0000三')).toEqual(['TEXT_CONTROL_CHAR', '用户名称含有不可见或控制字符']);
    expect(issue('张\ud800')).toEqual(['TEXT_LONE_SURROGATE', '用户名称含有无效的字符（不成对的代理项）']);
    expect(issue('\u202e张三')).toEqual(['TEXT_BIDI_CONTROL', '用户名称含有改变文字方向的控制字符']);
    expect(issue('\u200b\u200b')).toEqual(['TEXT_INVISIBLE_ONLY', '用户名称只有空白或不可见字符']);
    expect(name.safeParse('   ').error!.issues[0]!.message).toBe('请填写用户名称');
    const notes = optionalTrimmed(500, '备注', { multiline: true });
    expect(notes.parse(' 一\r\n二 ')).toBe('一\n二');
    expect(notes.parse('  ')).toBeUndefined();
    expect(notes.safeParse('一\t二').success).toBe(false);
  });
});
