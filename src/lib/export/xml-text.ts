/**
 * Text as XML 1.0 can hold it. A workbook is XML: one U+FFFE, a lone surrogate or a control
 * character in a name makes a file Excel refuses to open. Such characters cannot be typed with
 * intent, and the content check reports them (validate/text-rules.ts); here they are dropped so
 * that a workbook is always well-formed, whatever reaches it.
 */

/** Characters outside the XML 1.0 `Char` production (tab, line feed and carriage return are allowed). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const xmlText = (text: string): string => text.replace(NOT_XML, '');
