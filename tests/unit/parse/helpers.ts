import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument, type ParsedDocument } from '../../../src/lib/parse';

export const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
export const parseFixture = (name: string): ParsedDocument => parseDocument(fixture(name), name);
export const RAW_DIR = fileURLToPath(new URL('../../../data/raw/', import.meta.url));

/** Runs `parse` and returns the ParseError message it throws ('' if it parses). */
export function refusal(text: string, file = 'fixture.txt'): string {
  try {
    parseDocument(text, file);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}
