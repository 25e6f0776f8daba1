/** A parsed XML element: enough of the DOM to walk WordprocessingML without a DOM (Node and browser alike). */
export interface XmlElement {
  name: string;
  attrs: string;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
    return ENTITY[ref] ?? whole;
  });
}

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<(\/?)([^\s/>]+)([^>]*?)(\/?)>/g;

/**
 * Parses well-formed XML into a tree of elements and decoded text. No namespaces resolution (OOXML prefixes are
 * fixed in practice) and no validation: a damaged file throws only when its tags do not nest.
 */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#root', attrs: '', children: [] };
  const stack: XmlElement[] = [root];
  let last = 0;
  for (const m of xml.matchAll(TOKEN)) {
    const top = stack[stack.length - 1]!;
    if (m.index > last) top.children.push(decodeEntities(xml.slice(last, m.index)));
    last = m.index + m[0].length;
    if (m[1] !== undefined) top.children.push(m[1]);
    const name = m[3];
    if (!name) continue;
    if (m[2] === '/') {
      if (top.name !== name) throw new Error(`XML: </${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const element: XmlElement = { name, attrs: m[4] ?? '', children: [] };
    top.children.push(element);
    if (m[5] !== '/') stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`XML: <${stack[stack.length - 1]!.name}> is not closed`);
  return root;
}

/** The value of an attribute (`w:val`), or null. */
export function attr(element: XmlElement, name: string): string | null {
  const m = element.attrs.match(new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`));
  return m ? decodeEntities(m[1] ?? m[2] ?? '') : null;
}

/** The element children of `element` named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}
