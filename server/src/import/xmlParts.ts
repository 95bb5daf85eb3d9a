import type JSZip from 'jszip';
import { Stopped, type Said } from './types';

// What the readers of zipped XML documents (OFD, ODT) share: the DOM of @xmldom/xmldom as far as they use
// it (its own types bring in the browser's whole DOM library, which the rest of the server must not see),
// a part parsed, and a part unpacked within a budget.

export interface XmlElement {
  nodeType: number;
  localName: string | null;
  namespaceURI: string | null;
  childNodes: ArrayLike<XmlElement>;
  textContent: string | null;
  /** A text node's characters. */
  data?: string;
  getAttribute(name: string): string | null;
  getAttributeNS(ns: string, name: string): string | null;
}
interface XmlDocument { documentElement: XmlElement | null }
type XmlDom = { DOMParser: new (options: { errorHandler: Record<'warning' | 'error' | 'fatalError', (message: string) => void> }) => { parseFromString(text: string, type: string): XmlDocument } };

export const ELEMENT = 1, TEXT = 3, CDATA = 4;

/** A part's XML, parsed; a part that is no XML is a damaged file (`damaged` says so). */
export function parseXml(text: string, damaged: Said): XmlElement {
  const fail = () => { throw new Stopped(damaged); };
  const { DOMParser } = require('@xmldom/xmldom') as XmlDom;
  const root = new DOMParser({ errorHandler: { warning: () => {}, error: fail, fatalError: fail } }).parseFromString(text, 'text/xml').documentElement;
  return root ?? fail();
}

/**
 * A part's bytes, unpacked chunk by chunk; `spend` is told each chunk's size and says why to stop, if it
 * must: the sizes a ZIP declares are its writer's word (a zip bomb). jszip's stream is readable-stream 2's:
 * events, no async iteration.
 */
export function unpackWithin(file: JSZip.JSZipObject, spend: (bytes: number) => Said | undefined, damaged: Said): Promise<Buffer> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    const stream = file.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      const why = spend(chunk.length);
      if (!why) { chunks.push(chunk); return; }
      // Paused, jszip stops unpacking once the stream's buffer is full; nothing reads it again.
      stream.pause();
      stream.removeAllListeners();
      fail(new Stopped(why));
    });
    stream.on('error', () => fail(new Stopped(damaged)));
    stream.on('end', () => done(Buffer.concat(chunks)));
  });
}
