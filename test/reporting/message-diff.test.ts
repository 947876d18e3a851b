import { describe, expect, it } from 'vitest';
import { htmlDiff } from '../../reporting/html/cases.ts';
import { codePoint, messageDiff, plainDiff } from '../../reporting/message-diff.ts';

describe('character-level message diff', () => {
  it('names the code points of look-alike characters', () => {
    expect(plainDiff('cardholder’s document', "cardholder's document")).toBe(
      "cardholder[-’ (U+2019)-]{+' (U+0027)+}s document",
    );
    expect(codePoint('’')).toBe('U+2019');
    expect(codePoint('😀')).toBe('U+1F600');
  });

  it('shows a dropped trailing period, an added space and a changed letter', () => {
    expect(plainDiff('Card does not exists.', 'Card does not exists')).toBe('Card does not exists[-. (U+002E)-]');
    expect(plainDiff('a b', 'a  b')).toBe('a {+␠ (U+0020)+}b');
    expect(plainDiff('deactivated', 'deactivatex')).toBe('deactivate[-d-]{+x+}');
    expect(messageDiff('same', 'same')).toEqual([{ kind: 'same', text: 'same' }]);
  });

  it('HTML: marked up, escaped, with code points in plain view', () => {
    const html = htmlDiff('<b>’', "<b>'");
    expect(html).toBe(
      '&#60;b&#62;<del title="only in the page">’<span class="cp">U+2019</span></del>' +
        '<ins title="only in the answer">&#39;<span class="cp">U+0027</span></ins>',
    );
  });
});
