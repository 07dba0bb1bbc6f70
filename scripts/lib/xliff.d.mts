export const LOCALE_FILES: Record<string, string>;
export interface XliffUnit {
  id: string;
  raw: string;
  sourceXml: string;
  sourceText: string;
  targetXml: string | undefined;
  target: string | undefined;
  placeholders: string[];
}
export function parseXliff(xml: string): XliffUnit[];
