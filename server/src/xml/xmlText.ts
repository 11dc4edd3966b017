// Text written into an element's content: the three characters XML reads as markup, escaped.

export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
