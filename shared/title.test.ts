import { describe, expect, it } from 'vitest';
import { defaultTitle } from './title';

const LONG_ZH =
  '把内蒙古建设成为我国北方重要生态安全屏障、祖国北疆安全稳定屏障、国家重要能源和战略资源基地、国家重要农畜产品生产基地、我国向北开放重要桥头堡,是习近平总书记和党中央赋予内蒙古的战略定位和重大责任。';
const BODY =
  '内蒙古聚焦高质量发展,紧扣铸牢中华民族共同体意识工作主线,建设我国向北开放重要桥头堡,弘扬蒙古马精神,经济发展取得可喜成果。';

describe('defaultTitle', () => {
  it('uses a first line that reads as a headline, trimmed', () => {
    expect(defaultTitle(`\n\n  \u3000 国务院召开常务会议  \n${BODY}`, 'file.txt')).toBe(
      '国务院召开常务会议',
    );
  });

  it('falls back when the text has nothing visible', () => {
    expect(defaultTitle(' \n\t\n', 'file.txt')).toBe('file.txt');
    expect(defaultTitle('', 'file.txt')).toBe('file.txt');
  });

  // The head of ../shared/corpus/inner-mongolia-interviews-2025.txt: an introduction,
  // the paper's name and issue, a series line, then the headline over two lines.
  it('skips an opening sentence, source lines and a series line for the headline', () => {
    const doc = [
      LONG_ZH,
      BODY,
      '《人民日报》',
      '《人民日报》(2025年01月17日 第02版)',
      '权威访谈·谋发展 启新篇',
      '把祖国北疆这道风景线',
      '打造得更加亮丽',
      '——访内蒙古自治区党委书记孙绍骋',
      BODY,
    ].join('\n');
    expect(defaultTitle(doc, 'f.txt')).toBe('把祖国北疆这道风景线打造得更加亮丽');
  });

  it('skips a continuation marker and a byline', () => {
    const doc = ['■上接第1版', '□本报记者 李四', '绿色发展新路径', BODY, BODY].join('\n');
    expect(defaultTitle(doc, 'f.txt')).toBe('绿色发展新路径');
  });

  it('cuts a long first sentence at a clause boundary within 40 characters', () => {
    const title = defaultTitle(`${LONG_ZH}\n${BODY}`, 'f.txt');
    expect(title).toBe('把内蒙古建设成为我国北方重要生态安全屏障、祖国北疆安全稳定屏障…');
    expect([...title].length).toBeLessThanOrEqual(40);
  });

  it('cuts English past 80 characters at a clause or a space', () => {
    const en =
      'The central bank left its benchmark rate unchanged on Friday, saying that inflation had eased.';
    const title = defaultTitle(`${en}\n${en}`, 'f.txt');
    expect(title).toBe('The central bank left its benchmark rate unchanged on Friday…');
  });

  it('cuts a line without boundaries to 40 code points, without splitting pairs', () => {
    const title = defaultTitle('𠀀'.repeat(500), 'f');
    expect(title).toBe('𠀀'.repeat(39) + '…');
  });

  it('cuts a single-line 10 MB text quickly', () => {
    const title = defaultTitle('新闻'.repeat(2_500_000), 'f');
    expect([...title]).toHaveLength(40);
    expect(title.endsWith('…')).toBe(true);
  });
});
