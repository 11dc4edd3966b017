// Finds the name of a document's root element without parsing the whole document.

const PROLOG_ITEM = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\]\s*)?>)/;
const START_TAG = /^<([A-Za-z_][\w.:-]*)/;

/** The root element's name, or `undefined` when the text does not start like an XML document. */
export function rootElementName(text: string): string | undefined {
  let rest = text.replace(/^\uFEFF/, '');
  for (let m = PROLOG_ITEM.exec(rest); m; m = PROLOG_ITEM.exec(rest)) {
    rest = rest.slice(m[0].length);
  }
  return START_TAG.exec(rest)?.[1];
}
