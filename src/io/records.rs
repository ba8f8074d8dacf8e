//! The record loop every CSV reader shares: decoding, the header, and bad rows collected with
//! their line (or, in strict mode, the first one returned).

use std::io::{BufRead, BufReader, Read};

use super::columns::{Cells, Header, Spec};
use super::encoding::Decoding;
use crate::{Error, Result};

/// How a file's records are read: strictly or not, with which delimiter (`None`: sniffed), and
/// which required columns the caller supplies itself (a region or period named in the options).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Reading<'a> {
    pub(crate) strict: bool,
    pub(crate) delimiter: Option<u8>,
    pub(crate) supplied: &'a [usize],
    /// The input is the rest of a file whose header (and rows before) were read already.
    pub(crate) resume: Option<Resume<'a>>,
}

/// Where the rest of a file starts: its header, and the line and byte offset of its first byte.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Resume<'a> {
    pub(crate) header: &'a Header,
    pub(crate) line: u64,
    pub(crate) offset: u64,
}

impl Reading<'_> {
    pub(crate) fn strict(strict: bool) -> Reading<'static> {
        Reading {
            strict,
            ..Reading::default()
        }
    }
}

/// Reads every record of `reader` after the header with `row`. A bad row's error is collected (or
/// returned at once when strict); blank rows are skipped. Returns the collected errors, in file
/// order. A header without a required column, and input that is not CSV at all, are errors.
pub(crate) fn for_each_record<R: Read>(
    reader: R,
    specs: &[&dyn Spec],
    reading: Reading<'_>,
    row: impl FnMut(&Cells<'_>) -> Result<()>,
) -> Result<Vec<Error>> {
    let (decoded, decoding) = super::encoding::utf8_reader(reader)?;
    for_each_decoded(decoded, decoding, specs, reading, row)
}

/// [`for_each_record`] of text already decoded to UTF-8 from `decoding`.
pub(crate) fn for_each_decoded<R: Read>(
    decoded: R,
    decoding: Decoding,
    specs: &[&dyn Spec],
    reading: Reading<'_>,
    mut row: impl FnMut(&Cells<'_>) -> Result<()>,
) -> Result<Vec<Error>> {
    let strict = reading.strict;
    let mut buffered = BufReader::with_capacity(64 * 1024, decoded);
    let delimiter = match reading.delimiter {
        Some(d) => d,
        None => super::grid::sniff_delimiter(buffered.fill_buf().map_err(Error::io)?),
    };
    let (line, base) = reading.resume.map_or((1, 0), |r| (r.line, r.offset));
    let (input, lines) = super::lines::Counting::from(buffered, delimiter, line, base);
    let mut csv = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(reading.resume.is_none())
        .delimiter(delimiter)
        .from_reader(input);
    let read_header;
    let header = match reading.resume {
        Some(r) => r.header,
        None => {
            let header_record = csv.headers().map_err(Error::csv)?.clone();
            read_header = Header::new(header_record.iter(), specs, reading.supplied)?;
            &read_header
        }
    };
    let mut bad = Vec::new();
    // A bad row stops a strict reader and is collected by a lenient one.
    let mut reject = |err: Error| {
        if strict {
            return Err(err);
        }
        bad.push(err);
        Ok(())
    };
    let mut record = csv::StringRecord::new();
    loop {
        match csv.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                if record.iter().all(|f| f.trim().is_empty()) {
                    continue;
                }
                // The csv reader counts from where it started, the lines from the file's start.
                let read_from = base + record.position().map_or(0, csv::Position::byte);
                let (line, offset) = lines
                    .borrow_mut()
                    .line_at(read_from)
                    .unwrap_or((0, read_from));
                let unclosed = lines.borrow().unclosed_quote();
                let read = match unclosed {
                    // The record that swallowed the rest of the file into an unclosed quote is
                    // not a row: it is reported as the malformed CSV it is.
                    Some((quote_line, quote_at))
                        if (offset..base + csv.position().byte()).contains(&quote_at) =>
                    {
                        Err(Error::unclosed_quote(quote_line, quote_at))
                    }
                    // A byte GB18030 or UTF-16 could not decode: the row is not text, so it is not read.
                    _ if decoding != Decoding::Utf8
                        && record.iter().any(|f| f.contains('\u{fffd}')) =>
                    {
                        Err(Error::encoding().at_line(line, Some(offset)))
                    }
                    _ => row(&Cells {
                        header,
                        record: &record,
                        line,
                        offset,
                        sheet: None,
                    }),
                };
                if let Err(e) = read {
                    reject(e)?;
                }
            }
            Err(e) => {
                let bad_text = matches!(e.kind(), csv::ErrorKind::Utf8 { .. });
                // The csv crate's line count is off after CRLF and blank lines: use ours.
                let at = e.position().map(|p| base + p.byte());
                let located = at.and_then(|b| lines.borrow_mut().line_at(b));
                let err = match located {
                    Some((line, offset)) => Error::csv(e).at_line(line, Some(offset)),
                    None => Error::csv(e),
                };
                if !bad_text {
                    return Err(err);
                }
                reject(err)?;
            }
        }
    }
    Ok(bad)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::columns::{Column, text};

    const A: Column<()> = Column::new(0, &["a"], true, text);
    const SPECS: [&dyn Spec; 1] = [&A];

    fn lines_read(input: &str) -> (Vec<u64>, Vec<String>) {
        let mut seen = Vec::new();
        let bad = for_each_record(input.as_bytes(), &SPECS, Reading::default(), |cells| {
            seen.push(cells.line);
            Ok(())
        })
        .unwrap();
        (seen, bad.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn lines_are_physical_lines_whatever_the_terminator() {
        assert_eq!(lines_read("a\nx\n\ny\n").0, [2, 4]);
        assert_eq!(lines_read("a\r\nx\r\n\r\ny\r\n").0, [2, 4]);
        assert_eq!(lines_read("a\rx\r\ry").0, [2, 4]);
        assert_eq!(lines_read("a\n\"x\ny\"\nz\n").0, [2, 4]);
    }

    #[test]
    fn an_unclosed_quote_is_reported_where_it_opens_and_earlier_rows_are_kept() {
        let (seen, bad) = lines_read("a\nx\n\"y,1\nz\nw\n");
        assert_eq!(seen, [2]);
        assert_eq!(
            bad,
            [
                "line 3: malformed CSV: a quote opened here is never closed, so the rest of the file would be one field"
            ]
        );
    }
}
