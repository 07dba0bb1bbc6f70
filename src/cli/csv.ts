/**
 * RFC 4180 CSV, as Excel exports it (quoted fields may hold commas, quotes and newlines).
 * Each row keeps the line number where it starts, so editors can be told where to look.
 */
export interface CsvRow {
  line: number;
  cells: string[];
}

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte order mark from Excel
  const endRow = () => {
    cells.push(cell);
    cell = '';
    if (!(cells.length === 1 && cells[0] === '')) rows.push({line: rowLine, cells});
    cells = [];
  };
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r') {
      if (text[i + 1] !== '\n') {
        endRow();
        line++;
        rowLine = line;
      }
    } else if (ch === '\n') {
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (quoted) throw new CsvError('a quoted cell is never closed (a " is missing)', rowLine);
  if (cell !== '' || cells.length) endRow();
  return rows;
}

/** Rows as objects keyed by the header row's cell texts. */
export function csvRecords(text: string): Array<{line: number; record: Record<string, string>}> {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const keys = header.cells.map((c) => c.trim());
  return rows.map(({line, cells}) => ({
    line,
    record: Object.fromEntries(keys.map((k, i) => [k, (cells[i] ?? '').trim()])),
  }));
}
