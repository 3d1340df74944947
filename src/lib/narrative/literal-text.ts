/**
 * Data is text, never markup. A name from the content (a project, a 科目, a unit) that a
 * generated 说明 sentence mentions is carried through the Markdown parser as an opaque token
 * and put back as a plain text node afterwards, so `![t](https://evil.example/x.png)` stays
 * those characters, `[点此领取](https://phish.example/)` is no link, a URL is not auto-linked
 * and `{{支出合计}}` inside a name is not resolved.
 *
 * The token is made of private-use characters that Markdown gives no meaning to (content may
 * not hold them: see validate/text-rules.ts), and carries the text itself, hex-encoded, so
 * generated Markdown stays a plain string.
 */

const START = '\uE003';
const END = '\uE004';
const HEX_BASE = 0xe020;
const TOKEN = /\uE003([\uE020-\uE02F]*)\uE004/g;

/** The token standing for `text` in generated Markdown. */
export function literal(text: string): string {
  let out = START;
  for (let i = 0; i < text.length; i++) {
    for (const digit of text.charCodeAt(i).toString(16).padStart(4, '0')) out += String.fromCharCode(HEX_BASE + parseInt(digit, 16));
  }
  return out + END;
}

/** Puts the text of every token in `value` back. */
export function restoreLiterals(value: string): string {
  return value.replace(TOKEN, (_m, digits: string) => {
    let out = '';
    for (let i = 0; i + 4 <= digits.length; i += 4) {
      const hex = [...digits.slice(i, i + 4)].map((c) => (c.charCodeAt(0) - HEX_BASE).toString(16)).join('');
      out += String.fromCharCode(parseInt(hex, 16));
    }
    return out;
  });
}

/** Whether `value` holds a token (for tests, and to refuse content that forges one). */
export const hasLiteral = (value: string): boolean => /[\uE003\uE004]/.test(value);
