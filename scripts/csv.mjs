// One CSV reader for the project's scripts and tests: quoted fields with "" for a
// quote, records ended by `newline` ('\r\n', RFC 4180, as the build's CSV files end
// them; or '\n', as twiggy writes). A record end of the other kind, outside quotes,
// stays in the field, so a test of the build's files sees a stray line feed.

/** The records of `text` as arrays of fields. */
export function parseCsv(text, newline = '\r\n') {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (text.startsWith(newline, i)) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += newline.length - 1;
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
