import { describe, expect, it } from 'vitest';
import { inertMarkup } from './inert-markup';

describe('inertMarkup', () => {
  it('renames every event handler attribute, however it is written', () => {
    const html =
      '<body onload="go()"><img src=x onerror=alert(1)><svg/onload=x><p ONCLICK=\'a>b\' id=p>t</p>' +
      '<details open\nontoggle = "y">d</details><a href="/on" title="x onmouseover=z">on=1</a>';
    expect(inertMarkup(html)).toBe(
      '<body data-cm-onload="go()"><img src=x data-cm-onerror=alert(1)><svg/data-cm-onload=x>' +
        '<p data-cm-ONCLICK=\'a>b\' id=p>t</p><details open\ndata-cm-ontoggle = "y">d</details>' +
        '<a href="/on" title="x onmouseover=z">on=1</a>',
    );
  });

  it('leaves text, comments, end tags and the text of scripts and styles as they are', () => {
    const html =
      '<p>Prices rose on Monday; a<b on=3 is not a tag.</p><!-- <img onerror=x> -->' +
      '<script>if (a <b onload=1) x()</script><style>p{}</style></p onclick=x>' +
      '<title>Chips <i onclick=x></title>';
    const out = inertMarkup(html);
    expect(out).toContain('<!-- <img onerror=x> -->');
    expect(out).toContain('<script>if (a <b onload=1) x()</script>');
    expect(out).toContain('<title>Chips <i onclick=x></title>');
    expect(out).toContain('</p onclick=x>');
    expect(out).toContain('<p>Prices rose on Monday;');
  });

  it('keeps a page without handlers byte for byte', () => {
    const html = '<html><head><title>t</title></head><body><p class="one">on and on</p></body>';
    expect(inertMarkup(html)).toBe(html);
  });
});
