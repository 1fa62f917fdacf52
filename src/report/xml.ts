// XML 1.0 output helpers shared by the junit and checkstyle reporters (W3C XML 1.0, §2.2 Characters, §2.4 and
// §3.3.3 attribute-value normalization): text a finding carries can hold any character, XML cannot.

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/**
 * Characters XML 1.0 forbids outright (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF; unpaired
 * surrogates, which have no UTF-8 encoding). No escape can carry them, so they are dropped.
 */
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Element content. A bare CR would be read back as LF, so it is written as a reference. */
export const xmlText = (value: string): string => value.replace(FORBIDDEN, '').replace(/[&<>"'\r]/g, (c) => ENTITY[c]!);

/** An attribute value. Parsers turn a literal tab or line break in one into a space, so those become references. */
export const xmlAttr = (value: string | number): string => String(value).replace(FORBIDDEN, '').replace(/[&<>"'\t\n\r]/g, (c) => ENTITY[c]!);

/** ` name="value"` for each defined entry, in the order given. */
export const xmlAttrs = (values: Record<string, string | number | undefined>): string =>
  Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(v!)}"`)
    .join('');
