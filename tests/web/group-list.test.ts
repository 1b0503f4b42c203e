import { REQUIRED_FIELD_MESSAGES } from '@shared/schemas/signup';
import {
  appendLine,
  checkGroupRows,
  lineOf,
  listProblem,
  parseGroupLine,
  parseGroupText,
  removeLine,
} from '@/lib/group-list';

const BAD_PHONE = '请填写 11 位手机号，例如 13800138000';

describe('the 团体报名 line parser', () => {
  it('reads name, phone, birth year and village whatever the separator', () => {
    const text = [
      '张桂兰 13800138000 1956 五里村',
      '李国强\t13904345678\t1960\t五里村',
      '王秀英,13704341234,1958,三合村',
      '赵德福，13604345678，1949，新发村',
      '孙玉珍、13504345678、1962、前进村',
      '周凤芝;13404345678;1955;永胜村',
      '吴桂芬 ,  13304345678 ;1951\t 胜利村',
    ].join('\n');
    const lines = parseGroupText(text);
    expect(lines.map(({ name, phone, birthYear, village }) => [name, phone, birthYear, village])).toEqual([
      ['张桂兰', '13800138000', '1956', '五里村'],
      ['李国强', '13904345678', '1960', '五里村'],
      ['王秀英', '13704341234', '1958', '三合村'],
      ['赵德福', '13604345678', '1949', '新发村'],
      ['孙玉珍', '13504345678', '1962', '前进村'],
      ['周凤芝', '13404345678', '1955', '永胜村'],
      ['吴桂芬', '13304345678', '1951', '胜利村'],
    ]);
    expect(lines.every((l) => l.extra.length === 0)).toBe(true);
  });

  it('reads full-width digits, the full-width space and Chinese punctuation', () => {
    expect(parseGroupLine('张桂兰　１３８００１３８０００　１９５６　五里村')).toMatchObject({
      name: '张桂兰',
      phone: '13800138000',
      birthYear: '1956',
      village: '五里村',
    });
    expect(parseGroupLine('李国强：13904345678；1960年｜五里村。')).toMatchObject({
      name: '李国强',
      phone: '13904345678',
      birthYear: '1960',
      village: '五里村',
    });
  });

  it('takes birth year and village as optional, in either order after the phone', () => {
    expect(parseGroupLine('张桂兰 13800138000')).toEqual({
      text: '张桂兰 13800138000',
      name: '张桂兰',
      phone: '13800138000',
      extra: [],
    });
    expect(parseGroupLine('张桂兰 13800138000 五里村 1956')).toMatchObject({
      birthYear: '1956',
      village: '五里村',
    });
    expect(parseGroupLine('张桂兰 13800138000 五里村 三组')).toMatchObject({ village: '五里村 三组' });
  });

  it('reads what chats and spreadsheets add: numbering, a header row, dashes, +86, a phone in groups or glued on', () => {
    const lines = parseGroupText(
      [
        '姓名\t手机号\t出生年份\t村屯',
        '1. 张桂兰 138-0013-8000 1956 五里村',
        '2、李国强 +8613904345678 五里村',
        '3 王秀英 137 0434 1234 三合村',
        '赵德福13604345678新发村',
      ].join('\n'),
    );
    expect(lines.map((l) => [l.name, l.phone, l.village])).toEqual([
      ['张桂兰', '13800138000', '五里村'],
      ['李国强', '13904345678', '五里村'],
      ['王秀英', '13704341234', '三合村'],
      ['赵德福', '13604345678', '新发村'],
    ]);
    // The header is not a person; each row keeps the index of the line it came from.
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3, 4]);
  });

  it('skips blank and whitespace-only lines but remembers where each person was', () => {
    const lines = parseGroupText('\n张桂兰 13800138000 五里村\n\n   \n\t\r\n李国强 13904345678 五里村\n\n');
    expect(lines.map((l) => [l.line, l.name])).toEqual([
      [1, '张桂兰'],
      [5, '李国强'],
    ]);
    expect(parseGroupText('')).toEqual([]);
    expect(parseGroupText(' \n，，\n\t')).toEqual([]);
  });

  it('keeps the numbers it cannot place, so nothing typed is dropped', () => {
    const line = parseGroupLine('张桂兰 13800138000 1956 13900000000');
    expect(line).toMatchObject({ phone: '13800138000', birthYear: '1956', extra: ['13900000000'] });
    const [row] = checkGroupRows(parseGroupText('张桂兰 13800138000 1956 13900000000 五里村'), 'outreach');
    expect(row?.problems).toEqual(['多出的内容“13900000000”，请检查']);
    expect(row?.attendee).toBeUndefined();
  });
});

describe('checking the rows with the shared schema', () => {
  it('accepts a good row and builds the attendee the API expects', () => {
    const [row] = checkGroupRows(parseGroupText('张桂兰 13800138000 1956 五里村'), 'outreach');
    expect(row?.number).toBe(1);
    expect(row?.problems).toEqual([]);
    expect(row?.attendee).toEqual({
      name: '张桂兰',
      phone: '13800138000',
      birthYear: 1956,
      village: '五里村',
    });
  });

  it('flags a missing phone, a bad phone and a missing name in the schema’s words', () => {
    const rows = checkGroupRows(
      parseGroupText(['张桂兰 1956 五里村', '李国强 1390434567 五里村'].join('\n')),
      'training',
    );
    expect(rows.map((r) => r.problems)).toEqual([['请填写手机号'], [BAD_PHONE]]);
    expect(rows.map((r) => r.attendee)).toEqual([undefined, undefined]);
    const [noName] = checkGroupRows(parseGroupText('13704341234 1956'), 'training');
    expect(noName?.problems).toEqual(['请填写姓名']);
  });

  it('asks for what the kind of activity needs: 所在村屯 for 送教下乡, 出生年份 for 老年大学', () => {
    const text = '张桂兰 13800138000';
    expect(checkGroupRows(parseGroupText(text), 'outreach')[0]?.problems).toEqual([
      REQUIRED_FIELD_MESSAGES.village,
    ]);
    expect(checkGroupRows(parseGroupText(text), 'senior')[0]?.problems).toEqual([
      REQUIRED_FIELD_MESSAGES.birthYear,
    ]);
    expect(checkGroupRows(parseGroupText(text), 'training')[0]?.problems).toEqual([]);
    expect(checkGroupRows(parseGroupText('张桂兰 13800138000 1850'), 'senior')[0]?.problems).toEqual([
      '出生年份不太对，请检查',
    ]);
  });

  it('flags the same person twice (name without spaces or dots, and phone), pointing at the first row', () => {
    const rows = checkGroupRows(
      parseGroupText('张桂兰 13800138000 五里村\n李国强 13904345678 五里村\n张桂兰，13800138000，五里村'),
      'outreach',
    );
    expect(rows.map((r) => r.problems)).toEqual([[], [], ['与第 1 行是同一个人']]);
    expect(rows[2]?.attendee).toBeUndefined();
    // Another person on the same phone (a couple sharing one) is fine.
    const couple = checkGroupRows(
      parseGroupText('张桂兰 13800138000 五里村\n李国强 13800138000 五里村'),
      'outreach',
    );
    expect(couple.map((r) => r.problems)).toEqual([[], []]);
  });

  it('refuses more than 50 people with 分批提交, and names the rows to fix', () => {
    const person = (i: number) =>
      `村民${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑寅卯辰巳午未申酉'[Math.floor(i / 10)]} 138${String(i).padStart(8, '0')} 五里村`;
    const fifty = Array.from({ length: 50 }, (_, i) => person(i)).join('\n');
    const rows50 = checkGroupRows(parseGroupText(fifty), 'outreach');
    expect(rows50).toHaveLength(50);
    expect(rows50.every((r) => r.problems.length === 0)).toBe(true);
    expect(listProblem(rows50)).toBeNull();

    const rows51 = checkGroupRows(parseGroupText(`${fifty}\n${person(50)}`), 'outreach');
    expect(rows51).toHaveLength(51);
    expect(listProblem(rows51)).toBe('一次最多报名 50 人，现在有 51 人，请分批提交');

    const some = checkGroupRows(
      parseGroupText('张桂兰 13800138000 五里村\n李国强 139 五里村\n王秀英 五里村'),
      'outreach',
    );
    expect(listProblem(some)).toBe('第 2、3 行需要修改（已标红），改好或删除后再提交');
    expect(listProblem([])).toMatch(/名单是空的/);
  });
});

describe('editing the box', () => {
  it('removes exactly the line a row came from, blank lines and all', () => {
    const text = '张桂兰 13800138000 五里村\n\n李国强 1390434567 五里村\n王秀英 13704341234 三合村';
    const bad = checkGroupRows(parseGroupText(text), 'outreach').find((r) => r.problems.length);
    expect(bad?.line).toBe(2);
    const after = removeLine(text, bad?.line ?? -1);
    expect(after).toBe('张桂兰 13800138000 五里村\n\n王秀英 13704341234 三合村');
    expect(parseGroupText(after).map((l) => l.name)).toEqual(['张桂兰', '王秀英']);
  });

  it('adds one person as a line the parser reads back the same', () => {
    const line = lineOf({ name: ' 王秀英 ', phone: '13704341234', birthYear: '', village: '三合村' });
    expect(line).toBe('王秀英 13704341234 三合村');
    expect(appendLine('张桂兰 13800138000 五里村\n\n', line)).toBe(
      '张桂兰 13800138000 五里村\n王秀英 13704341234 三合村',
    );
    expect(appendLine('', line)).toBe(line);
    expect(parseGroupLine(line)).toMatchObject({ name: '王秀英', phone: '13704341234', village: '三合村' });
  });
});
