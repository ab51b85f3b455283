import { describe, expect, it } from 'vitest';
import { memberText, topLevelMembers, withoutMember } from '#platform/security/json-members.ts';

describe('JSON members as sent', () => {
  it('finds top-level members only, with nested brackets and escaped quotes in strings', () => {
    const text = ' { "a" : {"auth":[1,"}"]} , "b":"x\\"}", "c": 12.50 , "d":null}';
    expect(topLevelMembers(text)?.map((m) => [m.name, text.slice(m.valueStart, m.end)])).toEqual([
      ['a', '{"auth":[1,"}"]}'],
      ['b', '"x\\"}"'],
      ['c', '12.50'],
      ['d', 'null'],
    ]);
    expect(topLevelMembers('{}')).toEqual([]);
  });

  it('cuts a member out with the comma that joined it, wherever it stands', () => {
    expect(withoutMember('{"a":1,"auth":{"s":"x"}}', 'auth')).toBe('{"a":1}');
    expect(withoutMember('{"auth":{"s":"x"}, "a":1}', 'auth')).toBe('{"a":1}');
    expect(withoutMember('{"a":1, "auth":2 ,"b":[3]}', 'auth')).toBe('{"a":1 ,"b":[3]}');
    expect(withoutMember('{ "auth":2 }', 'auth')).toBe('{  }');
  });

  it('answers undefined rather than guess: absent, named twice, or not an object', () => {
    expect(withoutMember('{"a":1}', 'auth')).toBeUndefined();
    expect(withoutMember('{"auth":1,"auth":2}', 'auth')).toBeUndefined();
    expect(memberText('{"data":1,"data":2}', 'data')).toBeUndefined();
    expect(memberText('[1]', 'data')).toBeUndefined();
    expect(topLevelMembers('{"a":1')).toBeUndefined();
    expect(memberText('{"data": "caf\\u00e9" }', 'data')).toBe('"caf\\u00e9"');
  });
});
