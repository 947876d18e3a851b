// What junit-report-builder 5.1.2 (the newest release) cannot express, added through its public build() hook:
// <skipped> has no message or text, <testsuite> has no file attribute, and <testsuites> gets a "skipped"
// attribute (rejected by junit-10.xsd) but never a time. Each node's build(parent) returns the xmlbuilder element it
// made, so wrapping build() lets us finish that element with xmlbuilder's own methods, not by editing XML text.

/** The xmlbuilder element methods used here (xmlbuilder is junit-report-builder's own dependency, not ours). */
export interface XmlElement {
  name?: string;
  children: XmlElement[];
  att(name: string, value: string | number): unknown;
  removeAttribute(name: string): unknown;
  txt(text: string): unknown;
}

interface Buildable {
  build(parent?: never): unknown;
}

/**
 * Runs finish(element, parent) right after the node is built. parent is the enclosing element: for a testsuite,
 * the <testsuites> root, whose attributes have been written by then.
 */
export function afterBuild(node: object, finish: (element: XmlElement, parent: XmlElement | undefined) => void): void {
  const target = node as Buildable;
  const build = target.build.bind(target) as (parent?: XmlElement) => XmlElement;
  (target as unknown as { build: (parent?: XmlElement) => XmlElement }).build = (parent) => {
    const element = build(parent);
    finish(element, parent);
    return element;
  };
}

/** CDATA cannot hold "]]>": split it so a response body carrying it cannot break the file. */
export function cdataSafe(text: string): string {
  return text.replaceAll(']]>', ']] >');
}
