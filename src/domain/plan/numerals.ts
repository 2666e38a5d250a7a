/**
 * Numbers as Chinese plans write them: ASCII and full-width digits, thousands separators, decimals,
 * and Chinese numerals (一 … 九千九百九十九, 两, 〇/零).
 */

const FULL_WIDTH_DIGIT_OFFSET = 0xff10 - 0x30;

/** Full-width digits and punctuation that appear in numbers (１０．５, １，０００) to ASCII. */
export function toHalfWidth(text: string): string {
  return text.replace(/[０-９．，－％]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - FULL_WIDTH_DIGIT_OFFSET);
    return { "．": ".", "，": ",", "－": "-", "％": "%" }[ch] ?? ch;
  });
}

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const MULTIPLIERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千";

/** Value of a Chinese numeral below 10,000 ("十二" = 12, "二十" = 20, "一百零五" = 105); `null` if malformed. */
export function parseChineseNumeral(text: string): number | null {
  if (text.length === 0 || text.length > 12) return null;
  let total = 0;
  let digit: number | null = null;
  let lastMultiplier = Infinity;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== null && d !== 0 && digit !== 0) return null; // "二三" is not a number
      digit = d;
      continue;
    }
    const m = MULTIPLIERS[ch];
    if (m === undefined || m >= lastMultiplier) return null;
    total += (digit ?? 1) * m;
    digit = null;
    lastMultiplier = m;
  }
  return total + (digit ?? 0);
}

/** Value of a number token as written ("1,000", "１０", "98.5", "十二"); `null` if it is not a number. */
export function parseNumberToken(token: string): number | null {
  const ascii = toHalfWidth(token).replace(/,/g, "");
  if (/^\d+(\.\d+)?$/.test(ascii)) return Number(ascii);
  return parseChineseNumeral(token);
}

/** Item numbers ("1", "１２", "十二") as Arabic digits; the text itself when it is no number. */
export function normaliseOrdinal(token: string): string {
  const value = parseNumberToken(token);
  return value === null ? token : String(value);
}
